using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.SafetyPlan.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionChainFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "assessment_due_at",
                table: "known_cases",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "learned_at",
                table: "known_cases",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Cases announced before these columns: the time they were opened stands for when the centre learned of
            // the violence (risk-assessment sets both at once unless the report came later), and Art. 5's 12 hours run from it.
            migrationBuilder.Sql("""
                UPDATE known_cases SET learned_at = opened_at, assessment_due_at = opened_at + interval '12 hours';
                """);

            migrationBuilder.CreateTable(
                name: "case_assessments",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_assessments", x => new { x.case_id, x.sequence });
                });

            migrationBuilder.CreateIndex(
                name: "ix_known_cases_centre_learned",
                table: "known_cases",
                columns: new[] { "centre_code", "learned_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_assessments");

            migrationBuilder.DropIndex(
                name: "ix_known_cases_centre_learned",
                table: "known_cases");

            migrationBuilder.DropColumn(
                name: "assessment_due_at",
                table: "known_cases");

            migrationBuilder.DropColumn(
                name: "learned_at",
                table: "known_cases");
        }
    }
}
