using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.TrainingRegistry.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erased_at",
                table: "participants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "erasure_ground",
                table: "participants",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_participants_awaiting_erasure",
                table: "participants",
                column: "created_at",
                filter: "erased_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_participants_awaiting_erasure",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "erased_at",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "erasure_ground",
                table: "participants");
        }
    }
}
