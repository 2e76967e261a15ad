using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.SafetyPlan.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SeatsHeldByAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "accepted_at",
                table: "team_memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "account_subject",
                table: "team_memberships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "invitation_expires_at",
                table: "team_memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "invitation_hash",
                table: "team_memberships",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_team_memberships_current_holder",
                table: "team_memberships",
                column: "account_subject",
                filter: "valid_to IS NULL AND account_subject IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_team_memberships_invitation",
                table: "team_memberships",
                column: "invitation_hash",
                unique: true,
                filter: "invitation_hash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_memberships_current_holder",
                table: "team_memberships");

            migrationBuilder.DropIndex(
                name: "ux_team_memberships_invitation",
                table: "team_memberships");

            migrationBuilder.DropColumn(
                name: "accepted_at",
                table: "team_memberships");

            migrationBuilder.DropColumn(
                name: "account_subject",
                table: "team_memberships");

            migrationBuilder.DropColumn(
                name: "invitation_expires_at",
                table: "team_memberships");

            migrationBuilder.DropColumn(
                name: "invitation_hash",
                table: "team_memberships");
        }
    }
}
