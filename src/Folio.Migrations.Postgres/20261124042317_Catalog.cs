using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "price_id",
                table: "invoice_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    metadata = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    unit_amount = table.Column<long>(type: "bigint", nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    recurring_interval = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    recurring_interval_count = table.Column<int>(type: "integer", nullable: true),
                    tax_rate = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false),
                    tax_inclusive = table.Column<bool>(type: "boolean", nullable: false),
                    nickname = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lookup_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    metadata = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prices", x => x.id);
                    table.ForeignKey(
                        name: "FK_prices_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_items_price_id",
                table: "invoice_items",
                column: "price_id");

            migrationBuilder.CreateIndex(
                name: "IX_prices_archived_at_id",
                table: "prices",
                columns: new[] { "archived_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_prices_currency_id",
                table: "prices",
                columns: new[] { "currency", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_prices_lookup_key",
                table: "prices",
                column: "lookup_key",
                unique: true,
                filter: "\"archived_at\" IS NULL AND \"lookup_key\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_prices_lookup_key_id",
                table: "prices",
                columns: new[] { "lookup_key", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_prices_product_id_id",
                table: "prices",
                columns: new[] { "product_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_prices_type_id",
                table: "prices",
                columns: new[] { "type", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_products_archived_at_id",
                table: "products",
                columns: new[] { "archived_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prices");

            migrationBuilder.DropTable(
                name: "products");

            migrationBuilder.DropIndex(
                name: "IX_invoice_items_price_id",
                table: "invoice_items");

            migrationBuilder.DropColumn(
                name: "price_id",
                table: "invoice_items");
        }
    }
}
