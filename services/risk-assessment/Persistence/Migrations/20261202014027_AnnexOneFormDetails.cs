using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.RiskAssessment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnnexOneFormDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "place",
                table: "assessments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "professional_notes",
                table: "assessments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "team_convened_on",
                table: "assessments",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "place",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "professional_notes",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "team_convened_on",
                table: "assessments");
        }
    }
}
