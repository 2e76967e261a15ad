using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.SafetyPlan.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnnexFiveForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "form",
                table: "safety_plans",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reassess_on",
                table: "plan_measures",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "form",
                table: "safety_plans");

            migrationBuilder.DropColumn(
                name: "reassess_on",
                table: "plan_measures");
        }
    }
}
