using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventsJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_key_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    object_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    object_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "past_due_notices",
                columns: table => new
                {
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_past_due_notices", x => new { x.invoice_id, x.due_at });
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_actor_key_id_id",
                table: "audit_events",
                columns: new[] { "actor_key_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_actor_type_id",
                table: "audit_events",
                columns: new[] { "actor_type", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_object_id_id",
                table: "audit_events",
                columns: new[] { "object_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_organization_id_created_at",
                table: "audit_events",
                columns: new[] { "organization_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "past_due_notices");
        }
    }
}
