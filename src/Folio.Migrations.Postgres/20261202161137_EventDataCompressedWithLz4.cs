using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventDataCompressedWithLz4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Events and audit rows carry kilobytes of JSON each, which PostgreSQL compresses on the server: lz4 costs a
            // fraction of the default pglz's CPU. Only where the server was built with lz4; elsewhere pglz stays.
            migrationBuilder.Sql(Compression("lz4"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Compression("pglz"));
        }

        private static string Compression(string method) => $"""
            DO $$
            BEGIN
              IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND '{method}' = ANY (enumvals)) THEN
                ALTER TABLE events ALTER COLUMN data SET COMPRESSION {method};
                ALTER TABLE audit_events ALTER COLUMN changes SET COMPRESSION {method};
              END IF;
            END
            $$;
            """;
    }
}
