using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.RiskAssessment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConsentFormWhole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "form_details",
                table: "consent_records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "professionals",
                table: "consent_records",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            // Forms recorded before the list existed were signed by the professional who recorded them.
            migrationBuilder.Sql("UPDATE consent_records SET professionals = jsonb_build_array(recorded_by) WHERE kind = 'Given';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "form_details",
                table: "consent_records");

            migrationBuilder.DropColumn(
                name: "professionals",
                table: "consent_records");
        }
    }
}
