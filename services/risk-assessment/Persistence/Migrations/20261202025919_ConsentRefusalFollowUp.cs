using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.RiskAssessment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConsentRefusalFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "followed_up_at",
                table: "consent_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "followed_up_by",
                table: "consent_records",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "refusal_reasons",
                table: "consent_records",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "followed_up_at",
                table: "consent_records");

            migrationBuilder.DropColumn(
                name: "followed_up_by",
                table: "consent_records");

            migrationBuilder.DropColumn(
                name: "refusal_reasons",
                table: "consent_records");
        }
    }
}
