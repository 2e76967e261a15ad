using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Reintegration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erased_at",
                table: "reintegration_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "erasure_ground",
                table: "reintegration_cases",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_reintegration_cases_awaiting_erasure",
                table: "reintegration_cases",
                column: "closed_at",
                filter: "erased_at IS NULL AND closed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reintegration_cases_awaiting_erasure",
                table: "reintegration_cases");

            migrationBuilder.DropColumn(
                name: "erased_at",
                table: "reintegration_cases");

            migrationBuilder.DropColumn(
                name: "erasure_ground",
                table: "reintegration_cases");
        }
    }
}
