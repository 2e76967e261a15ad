using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Reintegration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReferralChasesOfTheirOwn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "referral_chases",
                columns: table => new
                {
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    chased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_chases", x => x.referral_id);
                    table.ForeignKey(
                        name: "FK_referral_chases_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Chases already made stay made: each is kept in its own row, and the referral's column goes.
            migrationBuilder.Sql("INSERT INTO referral_chases (referral_id, chased_at) SELECT id, chased_at FROM referrals WHERE chased_at IS NOT NULL");
            migrationBuilder.DropColumn(
                name: "chased_at",
                table: "referrals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referral_chases");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "chased_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
