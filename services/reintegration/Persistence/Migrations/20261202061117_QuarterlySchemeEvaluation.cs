using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Reintegration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QuarterlySchemeEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_quarterly_evaluation_at",
                table: "reintegration_cases");

            migrationBuilder.CreateTable(
                name: "scheme_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    impact = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    proposed_changes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    evaluated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheme_evaluations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheme_evaluations_municipality_code_year_quarter",
                table: "scheme_evaluations",
                columns: new[] { "municipality_code", "year", "quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheme_evaluations");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_quarterly_evaluation_at",
                table: "reintegration_cases",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
