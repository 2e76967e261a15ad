using System.Text;
using MiniExcelLibs;
using Safeguard.BuildingBlocks.Reporting;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>The same tables as CSV and as a spreadsheet another library can open.</summary>
public sealed class ReportWriterTests
{
    private static ReportTable[] Tables()
    {
        var hidden = new CountCell(3);
        SmallCounts.Protect([hidden], []);
        return
        [
            new ReportTable("Cases", ["measure", "count"], 1, [["opened", new CountCell(12)], ["closed", hidden]]),
            new ReportTable("Notes: with / odd [chars]", ["item", "value"], 1, [["=cmd|' /C calc'!A0", "a, \"quoted\" value"]]),
        ];
    }

    [Fact]
    public void The_csv_has_one_line_per_cell_with_suppressed_counts_marked_and_formulas_neutralised()
    {
        var lines = Encoding.UTF8.GetString(CsvReport.Write(Tables())).Split("\r\n");

        Assert.Equal(
            ["table,key,column,value", "Cases,opened,count,12", "Cases,closed,count,suppressed",
                "Notes: with / odd [chars],'=cmd|' /C calc'!A0,value,\"a, \"\"quoted\"\" value\"", ""],
            lines);
    }

    [Fact]
    public void The_spreadsheet_has_a_sheet_per_table_with_numbers_as_numbers()
    {
        using var stream = new MemoryStream(XlsxReport.Write(Tables()));

        Assert.Equal(["Cases", "Notes  with   odd  chars "], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Cases").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("opened", rows[0]["measure"]);
        Assert.Equal(12m, Convert.ToDecimal(rows[0]["count"]));
        Assert.Equal("suppressed", rows[1]["count"]);
    }
}
