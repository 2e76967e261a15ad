using System.Globalization;

namespace Safeguard.Workspace.Components;

/// <summary>
/// The period a KPI report covers, as she picks it: a year, and in it the whole year, a quarter or a month. Its
/// <see cref="Label"/> is the API's form ("2026", "2026-Q1", "2026-03").
/// </summary>
public sealed record KpiPeriod(int Year, string Part)
{
    /// <summary>The whole year (""), the quarters, then the months.</summary>
    public static readonly IReadOnlyList<string> Parts =
        ["", "Q1", "Q2", "Q3", "Q4", .. Enumerable.Range(1, 12).Select(m => m.ToString("00", CultureInfo.InvariantCulture))];

    /// <summary>How many years back she may look, this one included.</summary>
    public const int YearsShown = 5;

    public string Label => Part.Length == 0 ? Year.ToString(CultureInfo.InvariantCulture) : $"{Year}-{Part}";

    /// <summary>The quarter running now in the country: supervisors review their centre by quarter.</summary>
    public static KpiPeriod CurrentQuarter(DateTimeOffset now)
    {
        var local = LocalTime.Local(now);
        return new KpiPeriod(local.Year, $"Q{(local.Month - 1) / 3 + 1}");
    }

    /// <summary>This year first, then the ones before it.</summary>
    public static IEnumerable<int> Years(DateTimeOffset now)
    {
        var year = LocalTime.Local(now).Year;
        return Enumerable.Range(0, YearsShown).Select(back => year - back);
    }
}
