using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.SafetyPlan.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TeamConsentApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "known_cases",
                type: "timestamp with time zone",
                nullable: true);

            // "not-given" used to mean both "not asked yet" and "refused the team" (Annex 2 §3). A case's stored
            // consent only ever came from a signed form, so there it was a refusal; a plan without one was not asked.
            migrationBuilder.Sql("UPDATE case_consents SET status = 'refused' WHERE status = 'not-given';");
            migrationBuilder.Sql("""
                UPDATE safety_plans p SET victim_consent = COALESCE(
                    (SELECT c.status FROM case_consents c WHERE c.case_id = p.case_id), 'not-asked')
                WHERE p.victim_consent = 'not-given';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "known_cases");
        }
    }
}
