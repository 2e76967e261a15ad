using System.Globalization;

namespace Safeguard.Reintegration.Schemes;

/// <summary>The period a report covers: a calendar year ("2026") or a quarter ("2026-Q1"), in UTC; <see cref="To"/> is the first moment after it.</summary>
public sealed record ReportPeriod(string Label, int Year, DateTimeOffset From, DateTimeOffset To)
{
    public static ReportPeriod OfYear(int year) =>
        new(year.ToString(CultureInfo.InvariantCulture), year, new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static ReportPeriod Of(Quarter quarter) => new(quarter.ToString(), quarter.Year, quarter.Start, quarter.End);

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        if (Quarter.TryParse(text, out var quarter))
        {
            period = Of(quarter);
            return true;
        }
        var isYear = text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100;
        period = isYear ? OfYear(int.Parse(text!, CultureInfo.InvariantCulture)) : null!;
        return isYear;
    }

    /// <summary>The quarters the period spans, for their scheme evaluations.</summary>
    public IReadOnlyList<Quarter> Quarters => [.. Quarter.Of(Year).Where(q => q.Start >= From && q.End <= To)];
}
