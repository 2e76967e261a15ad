using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Reintegration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReferralHolders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "referral_holders",
                columns: table => new
                {
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    account_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_holders", x => x.referral_id);
                    table.ForeignKey(
                        name: "FK_referral_holders_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_referral_holders_account_subject",
                table: "referral_holders",
                column: "account_subject",
                filter: "account_subject IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_referral_holders_code_hash",
                table: "referral_holders",
                column: "code_hash",
                unique: true,
                filter: "code_hash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referral_holders");
        }
    }
}
