using System.Globalization;
using System.Text;

namespace Safeguard.BuildingBlocks.Reporting;

/// <summary>
/// Writes report tables as one CSV in long form (RFC 4180, UTF-8): <c>table,key,column,value</c>, one line per cell,
/// so tables of different shapes travel in one file a ministry's tools can filter.
/// </summary>
public static class CsvReport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IEnumerable<ReportTable> tables)
    {
        var csv = new StringBuilder("table,key,column,value\r\n");
        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                var key = string.Join(" / ", row.Take(table.KeyColumns).Select(Format));
                for (var i = table.KeyColumns; i < table.Columns.Count; i++)
                {
                    csv.Append(Quote(table.Name)).Append(',').Append(Quote(key)).Append(',').Append(Quote(table.Columns[i])).Append(',')
                        .Append(Quote(Format(row[i]))).Append("\r\n");
                }
            }
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Format(object? cell) => ReportTable.Written(cell) switch
    {
        null => "",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs a cell.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
