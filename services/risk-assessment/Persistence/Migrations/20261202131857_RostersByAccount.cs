using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.RiskAssessment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RostersByAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "member_emails",
                table: "team_rosters",
                newName: "member_subjects");
            // Addresses never match an account: every team is unreachable until safety-plan reports who accepted its seats.
            migrationBuilder.Sql("UPDATE team_rosters SET member_subjects = '[]'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "member_subjects",
                table: "team_rosters",
                newName: "member_emails");
        }
    }
}
