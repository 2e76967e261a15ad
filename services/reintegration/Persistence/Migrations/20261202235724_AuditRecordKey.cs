using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Reintegration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditRecordKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "record_key",
                table: "audit_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "record_key",
                table: "audit_entries");
        }
    }
}
