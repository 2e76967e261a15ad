namespace Safeguard.SafetyPlan.Kpis;

/// <summary>A share: how many of how many; <see cref="Percent"/> is null when there is nothing to share.</summary>
public readonly record struct Share(int Count, int Of)
{
    public decimal? Percent => Of == 0 ? null : Math.Round(100m * Count / Of, 1);
}

/// <summary>Counts of cases by risk level (Annex 1).</summary>
public readonly record struct LevelCounts(int Standard, int Medium, int High)
{
    public int Total => Standard + Medium + High;
}

/// <summary>How the level moved between a case's first and latest assessment, among the cases assessed more than once.</summary>
public readonly record struct LevelMoves(int Raised, int Unchanged, int Lowered)
{
    public int Total => Raised + Unchanged + Lowered;
}

/// <summary>A centre's protection chain in a period, computed from its records (issue 26 §4).</summary>
/// <param name="AssessedInTime">Cases reported in the period assessed within their 12 hours (Rulebook Art. 5), of those assessed or whose 12 hours have run out.</param>
/// <param name="HighRiskWithAdoptedPlan">Cases reported in the period found at high risk at any assessment that have an adopted safety plan (Art. 17-21).</param>
/// <param name="HoursToAdoption">Median hours from a case's first high-risk assessment to its plan's adoption.</param>
/// <param name="ClosedByTeam">Plans closed in the period on the team's decision (Art. 21).</param>
/// <param name="DaysOpen">Median days from convening to closing of those plans.</param>
/// <param name="ContactsInTime">The 48-hour contact deadlines decided in the period (Art. 21) and how many a contact met.</param>
/// <param name="ReportsInTime">The daily-report deadlines decided in the period (Art. 21, working days) and how many a report met.</param>
public sealed record ProtectionChainFigures(
    Share AssessedInTime, double? HoursToAssessment,
    Share HighRiskWithAdoptedPlan, double? HoursToAdoption,
    LevelCounts FirstLevels, LevelCounts LatestLevels, LevelMoves Moves,
    int ClosedByTeam, double? DaysOpen,
    Share ContactsInTime, Share ReportsInTime);

public static class ProtectionChainKpis
{
    private static readonly string[] LevelOrder = ["standard", "medium", "high"];

    /// <param name="cases">The centre's cases reported in the period.</param>
    /// <param name="closedPlans">The centre's plans closed in the period.</param>
    /// <param name="contactDeadlines">The outcomes of every 48-hour contact chain of the centre's plans (<see cref="DeadlineChain"/>).</param>
    /// <param name="reportDeadlines">The outcomes of every daily-report chain.</param>
    public static ProtectionChainFigures Compute(IReadOnlyList<CaseFacts> cases, IReadOnlyList<ClosedPlanFacts> closedPlans,
        IEnumerable<DeadlineOutcome> contactDeadlines, IEnumerable<DeadlineOutcome> reportDeadlines, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        // Rulebook Art. 5: due 12 hours after the centre learned of the violence; a case still inside its 12 hours is not decided yet.
        var firstAssessed = cases.Select(c => (Case: c, First: c.Assessments.MinBy(a => a.Sequence))).ToList();
        var decided = firstAssessed.Where(c => c.First is not null || c.Case.AssessmentDueAt <= now).ToList();
        var inTime = decided.Count(c => c.First is { } first && first.AssessedAt <= c.Case.AssessmentDueAt);
        var hoursToAssessment = Median(firstAssessed.Where(c => c.First is not null)
            .Select(c => Math.Max(0, (c.First!.AssessedAt - c.Case.LearnedAt).TotalHours)));

        var highRisk = cases.Select(c => (Case: c, FirstHigh: c.Assessments.Where(a => a.Level == "high").MinBy(a => a.Sequence)))
            .Where(c => c.FirstHigh is not null).ToList();
        var adopted = highRisk.Where(c => c.Case.PlanAdoptedAt is not null).ToList();
        var hoursToAdoption = Median(adopted.Select(c => Math.Max(0, (c.Case.PlanAdoptedAt!.Value - c.FirstHigh!.AssessedAt).TotalHours)));

        var assessed = cases.Where(c => c.Assessments.Count > 0).Select(c => c.Assessments.OrderBy(a => a.Sequence).ToList()).ToList();
        var firstLevels = Levels(assessed.Select(a => a[0].Level));
        var latestLevels = Levels(assessed.Select(a => a[^1].Level));
        var moves = assessed.Where(a => a.Count > 1).Select(a => Math.Sign(Array.IndexOf(LevelOrder, a[^1].Level) - Array.IndexOf(LevelOrder, a[0].Level))).ToList();

        var byTeam = closedPlans.Where(p => p.ByTeam).ToList();
        return new ProtectionChainFigures(
            new Share(inTime, decided.Count), hoursToAssessment,
            new Share(adopted.Count, highRisk.Count), hoursToAdoption,
            firstLevels, latestLevels, new LevelMoves(moves.Count(m => m > 0), moves.Count(m => m == 0), moves.Count(m => m < 0)),
            byTeam.Count, Median(byTeam.Select(p => (p.ClosedAt - p.OpenedAt).TotalDays)),
            InPeriod(contactDeadlines, from, to), InPeriod(reportDeadlines, from, to));
    }

    private static Share InPeriod(IEnumerable<DeadlineOutcome> outcomes, DateTimeOffset from, DateTimeOffset to)
    {
        var decided = outcomes.Where(o => o.DecidedAt >= from && o.DecidedAt < to).ToList();
        return new Share(decided.Count(o => o.Met), decided.Count);
    }

    private static LevelCounts Levels(IEnumerable<string> levels)
    {
        var list = levels.ToList();
        return new LevelCounts(list.Count(l => l == "standard"), list.Count(l => l == "medium"), list.Count(l => l == "high"));
    }

    /// <summary>The median, rounded to a tenth; null of nothing.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 1);
    }
}
