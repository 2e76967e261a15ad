using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.SafetyPlan.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class KnownCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "protection_without_consent",
                table: "individual_plans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "known_cases",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    centre_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    protection_without_consent = table.Column<bool>(type: "boolean", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_cases", x => x.case_id);
                });

            // Cases opened before safety-plan kept this directory are known from their plans: the safety plan's
            // consent "not-required" is Art. 22(2)'s; an individual plan alone says only its centre.
            migrationBuilder.Sql("""
                INSERT INTO known_cases (case_id, case_reference, centre_code, protection_without_consent, opened_at)
                SELECT case_id, case_reference, centre_code, victim_consent = 'not-required', convened_at FROM safety_plans
                ON CONFLICT (case_id) DO NOTHING;
                INSERT INTO known_cases (case_id, case_reference, centre_code, protection_without_consent, opened_at)
                SELECT case_id, case_reference, centre_code, false, updated_at FROM individual_plans
                ON CONFLICT (case_id) DO NOTHING;
                UPDATE individual_plans p SET protection_without_consent = k.protection_without_consent
                FROM known_cases k WHERE k.case_id = p.case_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "known_cases");

            migrationBuilder.DropColumn(
                name: "protection_without_consent",
                table: "individual_plans");
        }
    }
}
