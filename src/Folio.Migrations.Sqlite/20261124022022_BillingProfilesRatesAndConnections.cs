using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BillingProfilesRatesAndConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bill_to_address_city",
                table: "invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bill_to_address_country",
                table: "invoices",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bill_to_address_line1",
                table: "invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bill_to_address_line2",
                table: "invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bill_to_address_postal_code",
                table: "invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bill_to_address_region",
                table: "invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bill_to_company",
                table: "invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bill_to_email",
                table: "invoices",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bill_to_name",
                table: "invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bill_to_phone",
                table: "invoices",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "connection_id",
                table: "invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "pulled_at",
                table: "invoices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "usd_per_unit",
                table: "invoices",
                type: "TEXT",
                precision: 18,
                scale: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "invoice_items",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "billing_action_required_notifications_email",
                table: "customers",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "billing_all_notifications_email",
                table: "customers",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "billing_auto_recharge_back_up_to_usd_cents",
                table: "customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "billing_auto_recharge_below_usd_cents",
                table: "customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "billing_auto_recharge_enabled",
                table: "customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "billing_credit_uninvoiced_limit_usd_cents",
                table: "customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "billing_domains",
                table: "customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "billing_spend_daily_hard_limit_usd_cents",
                table: "customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "billing_spend_daily_notify_threshold_usd_cents",
                table: "customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "billing_spend_management_enabled",
                table: "customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "billing_spend_webhook_url",
                table: "customers",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "billing_tier",
                table: "customers",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "customers",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "active");

            migrationBuilder.AddColumn<long>(
                name: "status_changed_at",
                table: "customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "suspended_reason",
                table: "customers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "billing_connections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_connections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_rates",
                columns: table => new
                {
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    usd_per_unit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 10, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchange_rates", x => x.currency);
                });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_connection_id",
                table: "invoices",
                column: "connection_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_organization_id_created_at_id",
                table: "invoices",
                columns: new[] { "organization_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_organization_id_due_at_id",
                table: "invoices",
                columns: new[] { "organization_id", "due_at", "id" });

            // Invoices finalized before rates and contact snapshots existed: USD needs no rate, and the customer's contact
            // as it stands now is the best record of who they were issued to.
            migrationBuilder.Sql("UPDATE invoices SET usd_per_unit = '1' WHERE currency = 'USD' AND status <> 'draft';");
            migrationBuilder.Sql(
                """
                UPDATE invoices SET
                    bill_to_name = (SELECT c.name FROM customers c WHERE c.id = invoices.customer_id),
                    bill_to_company = (SELECT c.company FROM customers c WHERE c.id = invoices.customer_id),
                    bill_to_email = (SELECT c.email FROM customers c WHERE c.id = invoices.customer_id),
                    bill_to_phone = (SELECT c.phone FROM customers c WHERE c.id = invoices.customer_id),
                    bill_to_address_line1 = (SELECT c.address_line1 FROM customers c WHERE c.id = invoices.customer_id),
                    bill_to_address_line2 = (SELECT c.address_line2 FROM customers c WHERE c.id = invoices.customer_id),
                    bill_to_address_city = (SELECT c.address_city FROM customers c WHERE c.id = invoices.customer_id),
                    bill_to_address_region = (SELECT c.address_region FROM customers c WHERE c.id = invoices.customer_id),
                    bill_to_address_postal_code = (SELECT c.address_postal_code FROM customers c WHERE c.id = invoices.customer_id),
                    bill_to_address_country = (SELECT c.address_country FROM customers c WHERE c.id = invoices.customer_id)
                WHERE status <> 'draft';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_connections");

            migrationBuilder.DropTable(
                name: "exchange_rates");

            migrationBuilder.DropIndex(
                name: "IX_invoices_connection_id",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "IX_invoices_organization_id_created_at_id",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "IX_invoices_organization_id_due_at_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_address_city",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_address_country",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_address_line1",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_address_line2",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_address_postal_code",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_address_region",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_company",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_email",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_name",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "bill_to_phone",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "connection_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "pulled_at",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "usd_per_unit",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "invoice_items");

            migrationBuilder.DropColumn(
                name: "billing_action_required_notifications_email",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_all_notifications_email",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_auto_recharge_back_up_to_usd_cents",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_auto_recharge_below_usd_cents",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_auto_recharge_enabled",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_credit_uninvoiced_limit_usd_cents",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_domains",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_spend_daily_hard_limit_usd_cents",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_spend_daily_notify_threshold_usd_cents",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_spend_management_enabled",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_spend_webhook_url",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "billing_tier",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "status",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "status_changed_at",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "suspended_reason",
                table: "customers");
        }
    }
}
