using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguard.BuildingBlocks.Reporting;

/// <summary>
/// The period a report covers: a calendar year ("2026"), a quarter ("2026-Q1") or a month ("2026-03"), in UTC;
/// <see cref="To"/> is the first moment after it.
/// </summary>
public sealed partial record ReportPeriod(string Label, int Year, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>How a period is written, for a problem answer naming the field.</summary>
    public const string Forms = "a year (2026), a quarter (2026-Q1) or a month (2026-03)";

    public static ReportPeriod OfYear(int year) =>
        new(year.ToString(CultureInfo.InvariantCulture), year, new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static ReportPeriod OfQuarter(int year, int number)
    {
        var from = new DateTimeOffset(year, (number - 1) * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new($"{year}-Q{number}", year, from, from.AddMonths(3));
    }

    public static ReportPeriod OfMonth(int year, int month)
    {
        var from = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        return new($"{year}-{month:00}", year, from, from.AddMonths(1));
    }

    /// <param name="allowMonths">Whether a month is a period here (a report due by quarter takes years and quarters only).</param>
    public static bool TryParse(string? text, out ReportPeriod period, bool allowMonths = false)
    {
        period = null!;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }
        if (match.Groups["quarter"].Success)
        {
            period = OfQuarter(year, match.Groups["quarter"].Value[0] - '0');
        }
        else if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (!allowMonths || month is < 1 or > 12)
            {
                return false;
            }
            period = OfMonth(year, month);
        }
        else
        {
            period = OfYear(year);
        }
        return true;
    }

    [GeneratedRegex("^(?<year>[0-9]{4})(-Q(?<quarter>[1-4])|-(?<month>[0-9]{2}))?$")]
    private static partial Regex Pattern();
}
