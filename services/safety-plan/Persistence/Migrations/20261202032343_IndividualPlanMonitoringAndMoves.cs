using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.SafetyPlan.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IndividualPlanMonitoringAndMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "due_again_since",
                table: "plan_measures",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "adopted_at",
                table: "individual_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "case_closed_at",
                table: "individual_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "review_every_days",
                table: "individual_plans",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "individual_plan_clock_alerts",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clock = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    deadline_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_individual_plan_clock_alerts", x => new { x.plan_id, x.clock, x.deadline_at, x.stage });
                    table.ForeignKey(
                        name: "FK_individual_plan_clock_alerts_individual_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "individual_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "individual_plan_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_individual_plan_entries", x => x.id);
                    table.ForeignKey(
                        name: "FK_individual_plan_entries_individual_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "individual_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_individual_plan_entries_plan_id_kind_at",
                table: "individual_plan_entries",
                columns: new[] { "plan_id", "kind", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "individual_plan_clock_alerts");

            migrationBuilder.DropTable(
                name: "individual_plan_entries");

            migrationBuilder.DropColumn(
                name: "due_again_since",
                table: "plan_measures");

            migrationBuilder.DropColumn(
                name: "adopted_at",
                table: "individual_plans");

            migrationBuilder.DropColumn(
                name: "case_closed_at",
                table: "individual_plans");

            migrationBuilder.DropColumn(
                name: "review_every_days",
                table: "individual_plans");
        }
    }
}
