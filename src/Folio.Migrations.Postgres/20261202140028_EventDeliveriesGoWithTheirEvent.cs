using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventDeliveriesGoWithTheirEvent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_webhook_deliveries_events_event_id",
                table: "webhook_deliveries");

            migrationBuilder.AddForeignKey(
                name: "FK_webhook_deliveries_events_event_id",
                table: "webhook_deliveries",
                column: "event_id",
                principalTable: "events",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_webhook_deliveries_events_event_id",
                table: "webhook_deliveries");

            migrationBuilder.AddForeignKey(
                name: "FK_webhook_deliveries_events_event_id",
                table: "webhook_deliveries",
                column: "event_id",
                principalTable: "events",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
