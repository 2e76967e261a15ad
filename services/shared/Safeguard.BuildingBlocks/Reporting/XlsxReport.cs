using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.BuildingBlocks.Reporting;

/// <summary>Writes report tables as a spreadsheet (XLSX), one sheet per table with its header row; numbers stay numbers.</summary>
public static class XlsxReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IEnumerable<ReportTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var table in tables)
            {
                var data = new SheetData();
                data.Append(Row(1, table.Columns.Cast<object?>()));
                uint rowIndex = 2;
                foreach (var row in table.Rows)
                {
                    data.Append(Row(rowIndex++, row.Select(ReportTable.Written)));
                }
                var sheet = workbook.AddNewPart<WorksheetPart>();
                sheet.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = sheetId++, Name = SheetName(table.Name) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<object?> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in cells)
        {
            var reference = ColumnName(column++) + index;
            row.Append(value switch
            {
                null => new Cell { CellReference = reference },
                int or long or decimal or double => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
                },
                _ => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "")),
                },
            });
        }
        return row;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Excel allows 31 characters and none of []:*?/\ in a sheet's name.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray());
        return clean.Length <= 31 ? clean : clean[..31];
    }
}
