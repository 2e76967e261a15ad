using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Notification.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UrgentFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_due",
                table: "notifications");

            migrationBuilder.AddColumn<bool>(
                name: "urgent",
                table: "notifications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // E-mails already waiting keep their place by the rule their templates now declare.
            migrationBuilder.Sql("UPDATE notifications SET urgent = true WHERE template IN ('team-convened', 'assessment-overdue', 'monitoring-clock')");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_due",
                table: "notifications",
                columns: new[] { "urgent", "next_attempt_at" },
                descending: new[] { true, false },
                filter: "status = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_due",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "urgent",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_due",
                table: "notifications",
                column: "next_attempt_at",
                filter: "status = 'Pending'");
        }
    }
}
