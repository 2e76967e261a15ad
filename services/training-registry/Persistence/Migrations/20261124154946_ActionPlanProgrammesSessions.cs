using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.TrainingRegistry.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActionPlanProgrammesSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "goals",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    priority_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    priority_title_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    title_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goals", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    institution = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    target_group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    activity_codes = table.Column<string>(type: "jsonb", nullable: false),
                    target_groups = table.Column<string>(type: "jsonb", nullable: false),
                    trains_trainers_for = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programmes", x => x.id);
                    table.ForeignKey(
                        name: "FK_programmes_programmes_trains_trainers_for",
                        column: x => x.trains_trainers_for,
                        principalTable: "programmes",
                        principalColumn: "id");
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
                name: "activities",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    goal_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    title_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: true),
                    to_year = table.Column<int>(type: "integer", nullable: true),
                    indicators = table.Column<string>(type: "jsonb", nullable: false),
                    target_groups = table.Column<string>(type: "jsonb", nullable: false),
                    responsible = table.Column<string>(type: "jsonb", nullable: false),
                    fiscal = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activities", x => x.code);
                    table.ForeignKey(
                        name: "FK_activities_goals_goal_code",
                        column: x => x.goal_code,
                        principalTable: "goals",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trainer_certifications",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    via_session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    certified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trainer_certifications", x => new { x.participant_id, x.programme_id });
                    table.ForeignKey(
                        name: "FK_trainer_certifications_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_trainer_certifications_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    trainer_ids = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.id);
                    table.ForeignKey(
                        name: "FK_sessions_activities_activity_code",
                        column: x => x.activity_code,
                        principalTable: "activities",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_sessions_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enrolments",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attended = table.Column<bool>(type: "boolean", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    certificate_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolments", x => new { x.session_id, x.participant_id });
                    table.ForeignKey(
                        name: "FK_enrolments_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_enrolments_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activities_goal_code",
                table: "activities",
                column: "goal_code");

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_certificate_number",
                table: "enrolments",
                column: "certificate_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_participant_id",
                table: "enrolments",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "IX_participants_email",
                table: "participants",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "IX_participants_name_key",
                table: "participants",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "IX_programmes_trains_trainers_for",
                table: "programmes",
                column: "trains_trainers_for");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_activity_code_ends_on",
                table: "sessions",
                columns: new[] { "activity_code", "ends_on" });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_programme_id",
                table: "sessions",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "IX_trainer_certifications_programme_id",
                table: "trainer_certifications",
                column: "programme_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enrolments");

            migrationBuilder.DropTable(
                name: "reference_counters");

            migrationBuilder.DropTable(
                name: "trainer_certifications");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "programmes");

            migrationBuilder.DropTable(
                name: "goals");
        }
    }
}
