using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.RiskAssessment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PoliceReportForTheTeam : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "measures_planned",
                table: "police_reports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "team_id",
                table: "case_safety_plans",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "team_rosters",
                columns: table => new
                {
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_emails = table.Column<string>(type: "jsonb", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_rosters", x => x.team_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "team_rosters");

            migrationBuilder.DropColumn(
                name: "measures_planned",
                table: "police_reports");

            migrationBuilder.DropColumn(
                name: "team_id",
                table: "case_safety_plans");
        }
    }
}
