using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Subscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "subscription_id",
                table: "invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "subscription_period",
                table: "invoices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    start_at = table.Column<long>(type: "INTEGER", nullable: false),
                    trial_end = table.Column<long>(type: "INTEGER", nullable: true),
                    billing_anchor = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    cancel_at_period_end = table.Column<bool>(type: "INTEGER", nullable: false),
                    canceled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    next_period_index = table.Column<int>(type: "INTEGER", nullable: false),
                    next_bill_at = table.Column<long>(type: "INTEGER", nullable: true),
                    days_until_due = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    interval_count = table.Column<int>(type: "INTEGER", nullable: false),
                    interval = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "FK_subscriptions_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subscription_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subscription_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    price_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    effective_from_period = table.Column<int>(type: "INTEGER", nullable: false),
                    ends_after_period = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscription_items", x => x.id);
                    table.ForeignKey(
                        name: "FK_subscription_items_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_subscription_id_subscription_period",
                table: "invoices",
                columns: new[] { "subscription_id", "subscription_period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscription_items_price_id",
                table: "subscription_items",
                column: "price_id");

            migrationBuilder.CreateIndex(
                name: "IX_subscription_items_subscription_id_effective_from_period",
                table: "subscription_items",
                columns: new[] { "subscription_id", "effective_from_period" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_customer_id_id",
                table: "subscriptions",
                columns: new[] { "customer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_next_bill_at_id",
                table: "subscriptions",
                columns: new[] { "next_bill_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_organization_id_id",
                table: "subscriptions",
                columns: new[] { "organization_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subscription_items");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_invoices_subscription_id_subscription_period",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "subscription_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "subscription_period",
                table: "invoices");
        }
    }
}
