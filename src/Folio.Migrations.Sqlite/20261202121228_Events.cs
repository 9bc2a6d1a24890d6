using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Events : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    object_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    object_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    dispatched_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_events_created_at_id",
                table: "events",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_events_object_id_created_at",
                table: "events",
                columns: new[] { "object_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_events_organization_id_created_at_id",
                table: "events",
                columns: new[] { "organization_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_events_undispatched",
                table: "events",
                column: "id",
                filter: "dispatched_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "events");
        }
    }
}
