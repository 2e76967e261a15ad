using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Reintegration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CasesPlansReferralsReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_values", x => new { x.code, x.municipality_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_counters", x => new { x.scope, x.year });
                });

            migrationBuilder.CreateTable(
                name: "reintegration_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    csr_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    arrival_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    arrival_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    prison_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    handed_over_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    release_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    visited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    plan_adopted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_monthly_monitoring_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_quarterly_evaluation_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    twelve_month_review_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sustainable = table.Column<bool>(type: "boolean", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reintegration_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clock_alerts",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clock = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    deadline_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clock_alerts", x => new { x.case_id, x.clock, x.deadline_at, x.stage });
                    table.ForeignKey(
                        name: "FK_clock_alerts_reintegration_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "reintegration_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "household_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    languages = table.Column<string>(type: "jsonb", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_members", x => x.id);
                    table.ForeignKey(
                        name: "FK_household_members_reintegration_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "reintegration_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "needs_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    visitors = table.Column<string>(type: "jsonb", nullable: false),
                    needs = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_assessments", x => x.id);
                    table.ForeignKey(
                        name: "FK_needs_assessments_reintegration_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "reintegration_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    support_beyond_12_months = table.Column<bool>(type: "boolean", nullable: true),
                    extended_support = table.Column<string>(type: "jsonb", nullable: false),
                    sustainable = table.Column<bool>(type: "boolean", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews", x => x.id);
                    table.ForeignKey(
                        name: "FK_reviews_reintegration_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "reintegration_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "data_sharing_consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    given_by = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    guardian_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    institutions = table.Column<string>(type: "jsonb", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_sharing_consents", x => x.id);
                    table.ForeignKey(
                        name: "FK_data_sharing_consents_household_members_member_id",
                        column: x => x.member_id,
                        principalTable: "household_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_data_sharing_consents_reintegration_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "reintegration_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    package = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    responsible_institution = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    responsible_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_items", x => x.id);
                    table.ForeignKey(
                        name: "FK_plan_items_household_members_member_id",
                        column: x => x.member_id,
                        principalTable: "household_members",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "FK_plan_items_reintegration_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "reintegration_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    service = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    member_ids = table.Column<string>(type: "jsonb", nullable: false),
                    recipient_institution = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recipient_institution_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient_contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient_contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    recipient_language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    request = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.id);
                    table.ForeignKey(
                        name: "FK_referrals_plan_items_plan_item_id",
                        column: x => x.plan_item_id,
                        principalTable: "plan_items",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "FK_referrals_reintegration_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "reintegration_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_changes", x => x.id);
                    table.ForeignKey(
                        name: "FK_referral_changes_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_data_sharing_consents_case_id_member_id",
                table: "data_sharing_consents",
                columns: new[] { "case_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "IX_data_sharing_consents_member_id",
                table: "data_sharing_consents",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "IX_household_members_case_id_position",
                table: "household_members",
                columns: new[] { "case_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_needs_assessments_case_id_visited_at",
                table: "needs_assessments",
                columns: new[] { "case_id", "visited_at" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_items_case_id",
                table: "plan_items",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_plan_items_member_id",
                table: "plan_items",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "IX_referral_changes_referral_id",
                table: "referral_changes",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_case_id",
                table: "referrals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_plan_item_id",
                table: "referrals",
                column: "plan_item_id");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_reference",
                table: "referrals",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_status_answer_by",
                table: "referrals",
                columns: new[] { "status", "answer_by" });

            migrationBuilder.CreateIndex(
                name: "IX_reintegration_cases_municipality_code_state",
                table: "reintegration_cases",
                columns: new[] { "municipality_code", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_reintegration_cases_reference",
                table: "reintegration_cases",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reviews_case_id_reviewed_at",
                table: "reviews",
                columns: new[] { "case_id", "reviewed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clock_alerts");

            migrationBuilder.DropTable(
                name: "data_sharing_consents");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "needs_assessments");

            migrationBuilder.DropTable(
                name: "reference_counters");

            migrationBuilder.DropTable(
                name: "referral_changes");

            migrationBuilder.DropTable(
                name: "reviews");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "plan_items");

            migrationBuilder.DropTable(
                name: "household_members");

            migrationBuilder.DropTable(
                name: "reintegration_cases");
        }
    }
}
