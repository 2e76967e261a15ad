using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.TrainingRegistry.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActionPlanAsInTheSeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "years_of_experience",
                table: "enrolments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_years_of_experience",
                table: "activities",
                type: "integer",
                nullable: true);

            // Seed 000 §1.3.3 names "the trainers trained under activity 1.1.4" as the teachers' training of trainers: the
            // teachers' activity was 1.1.3 here and the psychosocial one 1.1.4. Sessions and programmes follow their
            // activity to its code; the activities' own rows take the plan's text from the seeder at start.
            migrationBuilder.Sql(
                "UPDATE sessions SET activity_code = CASE activity_code WHEN '1.1.3' THEN '1.1.4' ELSE '1.1.3' END " +
                "WHERE activity_code IN ('1.1.3', '1.1.4')");
            migrationBuilder.Sql(
                "UPDATE programmes SET activity_codes = (SELECT jsonb_agg(CASE c WHEN '1.1.3' THEN '1.1.4' WHEN '1.1.4' THEN '1.1.3' ELSE c END ORDER BY n) " +
                "FROM jsonb_array_elements_text(activity_codes) WITH ORDINALITY AS x(c, n)) WHERE activity_codes ?| array['1.1.3', '1.1.4']");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "years_of_experience",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "max_years_of_experience",
                table: "activities");
        }
    }
}
