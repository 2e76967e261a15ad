using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.RiskAssessment.Persistence.Migrations
{
    /// <summary>The centre counters become the shared yearly numbering table: renamed in place, so no number is given twice.</summary>
    public partial class SharedReferenceCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "case_reference_counters", newName: "reference_counters");
            migrationBuilder.RenameColumn(table: "reference_counters", name: "centre_code", newName: "scope");
            migrationBuilder.Sql("""ALTER TABLE reference_counters RENAME CONSTRAINT "PK_case_reference_counters" TO "PK_reference_counters";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE reference_counters RENAME CONSTRAINT "PK_reference_counters" TO "PK_case_reference_counters";""");
            migrationBuilder.RenameColumn(table: "reference_counters", name: "scope", newName: "centre_code");
            migrationBuilder.RenameTable(name: "reference_counters", newName: "case_reference_counters");
        }
    }
}
