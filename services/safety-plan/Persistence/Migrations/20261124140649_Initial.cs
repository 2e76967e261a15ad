using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.SafetyPlan.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_consents",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_consents", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "individual_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    centre_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    informed = table.Column<bool>(type: "boolean", nullable: false),
                    consent_to_data_use = table.Column<bool>(type: "boolean", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: true),
                    adopted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_individual_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    centre_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "safety_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    centre_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    convened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    convened_for = table.Column<string>(type: "jsonb", nullable: false),
                    risk_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    red_flags = table.Column<string>(type: "jsonb", nullable: false),
                    children_at_risk = table.Column<bool>(type: "boolean", nullable: false),
                    other_family_members_at_risk = table.Column<bool>(type: "boolean", nullable: false),
                    victim_consent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    police_report_reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    emergency_measures = table.Column<string>(type: "jsonb", nullable: false),
                    last_reconvened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    violence_reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    consent_as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_assessed_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    last_assessment_sequence = table.Column<int>(type: "integer", nullable: false),
                    revised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closing_evaluation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    adopted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_plans", x => x.id);
                    table.ForeignKey(
                        name: "FK_safety_plans_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "team_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    institution_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    person = table.Column<string>(type: "jsonb", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_memberships", x => x.id);
                    table.ForeignKey(
                        name: "FK_team_memberships_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clock_alerts",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clock = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    owner = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clock_alerts", x => new { x.plan_id, x.clock, x.owner, x.deadline_at, x.stage });
                    table.ForeignKey(
                        name: "FK_clock_alerts_safety_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "safety_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_entries", x => x.id);
                    table.ForeignKey(
                        name: "FK_monitoring_entries_safety_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "safety_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_monitoring_entries_team_memberships_membership_id",
                        column: x => x.membership_id,
                        principalTable: "team_memberships",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "plan_measures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    article = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    frequency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    duration_days = table.Column<int>(type: "integer", nullable: true),
                    responsible_institution = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    responsible_membership_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requires_consent = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    notice_recipient = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_measures", x => x.id);
                    table.ForeignKey(
                        name: "FK_plan_measures_safety_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "safety_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_measures_team_memberships_responsible_membership_id",
                        column: x => x.responsible_membership_id,
                        principalTable: "team_memberships",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_individual_plans_case_id",
                table: "individual_plans",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_entries_membership_id",
                table: "monitoring_entries",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_entries_plan_id_at",
                table: "monitoring_entries",
                columns: new[] { "plan_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_plan_measures_plan_id_number",
                table: "plan_measures",
                columns: new[] { "plan_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_measures_responsible_membership_id",
                table: "plan_measures",
                column: "responsible_membership_id");

            migrationBuilder.CreateIndex(
                name: "IX_safety_plans_case_id",
                table: "safety_plans",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_plans_centre_code",
                table: "safety_plans",
                column: "centre_code");

            migrationBuilder.CreateIndex(
                name: "IX_safety_plans_team_id",
                table: "safety_plans",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ux_team_memberships_current_seat",
                table: "team_memberships",
                columns: new[] { "team_id", "institution", "role" },
                unique: true,
                filter: "valid_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_teams_centre_code",
                table: "teams",
                column: "centre_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_consents");

            migrationBuilder.DropTable(
                name: "clock_alerts");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "individual_plans");

            migrationBuilder.DropTable(
                name: "monitoring_entries");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "plan_measures");

            migrationBuilder.DropTable(
                name: "safety_plans");

            migrationBuilder.DropTable(
                name: "team_memberships");

            migrationBuilder.DropTable(
                name: "teams");
        }
    }
}
