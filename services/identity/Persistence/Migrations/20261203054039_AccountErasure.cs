using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Identity.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ErasedAt",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_awaiting_erasure",
                table: "accounts",
                column: "DisabledAt",
                filter: "\"ErasedAt\" IS NULL AND \"DisabledAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_accounts_awaiting_erasure",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "accounts");
        }
    }
}
