using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Reintegration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OpenClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "open_clocks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    watcher = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    place = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    due_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open_clocks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_open_clocks_record",
                table: "open_clocks",
                columns: new[] { "watcher", "record_id" });

            // Every live record is visited once, so its running clocks are counted before anything changes it.
            migrationBuilder.Sql("""
                INSERT INTO deadline_checks (watcher, record_id, check_at)
                SELECT 'reintegration-cases', id, 'epoch' FROM reintegration_cases WHERE closed_at IS NULL;
                INSERT INTO deadline_checks (watcher, record_id, check_at)
                SELECT 'referral-answers', id, 'epoch' FROM referrals WHERE status = 'Sent';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "open_clocks");
        }
    }
}
