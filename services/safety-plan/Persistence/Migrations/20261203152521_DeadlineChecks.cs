using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.SafetyPlan.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deadline_checks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    watcher = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    check_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadline_checks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deadline_checks_due",
                table: "deadline_checks",
                columns: new[] { "watcher", "check_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deadline_checks_record",
                table: "deadline_checks",
                columns: new[] { "watcher", "record_id" });

            // Every live record is looked at once; each visit then sets its own next check.
            migrationBuilder.Sql("""
                INSERT INTO deadline_checks (watcher, record_id, check_at)
                SELECT 'safety-plans', id, 'epoch' FROM safety_plans WHERE state <> 'Closed';
                INSERT INTO deadline_checks (watcher, record_id, check_at)
                SELECT 'individual-plans', id, 'epoch' FROM individual_plans WHERE adopted_at IS NOT NULL AND case_closed_at IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadline_checks");
        }
    }
}
