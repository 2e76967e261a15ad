using System.Globalization;

namespace Safeguard.Workspace.Api;

/// <summary>A centre's protection-chain KPIs for a period, as safety-plan computes them (<c>GET /api/safety-plans/kpis</c>).</summary>
/// <param name="SmallCountsSuppressed">The reader is outside the centre: counts of 1 to 4, and what would give them back, are withheld.</param>
public sealed record KpiReport(string CentreCode, string Period, DateTimeOffset From, DateTimeOffset To, DateTimeOffset ComputedAt,
    bool SmallCountsSuppressed, IReadOnlyList<KpiLine> Lines);

/// <summary>
/// One figure: a count (of how many, and as a percentage) or a median in <see cref="Unit"/> (of how many).
/// <see cref="Withheld"/> names the parts the small-count rule withheld; any other empty part does not apply.
/// </summary>
public sealed record KpiLine(string Code, string Text, int? Count, int? Of, decimal? Percent, double? Median, string? Unit, IReadOnlyList<string> Withheld)
{
    /// <summary>Whether the line is a median (of <see cref="Of"/> cases or plans) rather than a count.</summary>
    public bool IsMedian => Unit is not null;

    /// <summary>The line's own figure, its count or its median; null when withheld or when there is nothing to count.</summary>
    public string? Figure => IsMedian ? Median is { } median ? Number(median) : null : Count?.ToString(CultureInfo.InvariantCulture);

    /// <summary>"83.3 %"; null when withheld or when there is no basis to take a share of.</summary>
    public string? Share => Percent is { } percent ? $"{Number((double)percent)} %" : null;

    public bool FigureWithheld => Withheld.Contains(IsMedian ? "median" : "count");

    public bool BasisWithheld => Withheld.Contains("of");

    public bool ShareWithheld => Withheld.Contains("percent");

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
