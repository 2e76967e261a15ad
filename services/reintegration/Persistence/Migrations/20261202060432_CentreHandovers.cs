using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Reintegration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CentreHandovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "recipient_institution_code",
                table: "referrals",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            // Referrals already sent to a centre go to the case's centre of residence, as new ones do by default.
            migrationBuilder.Sql(
                "UPDATE referrals r SET recipient_institution_code = c.csr_code FROM reintegration_cases c " +
                "WHERE c.id = r.case_id AND r.recipient_institution = 'Csr'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "recipient_institution_code",
                table: "referrals");
        }
    }
}
