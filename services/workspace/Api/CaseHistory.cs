namespace Safeguard.Workspace.Api;

/// <summary>One step of the level's history (risk-assessment's risk history).</summary>
public sealed record LevelStep(int Sequence, Guid AssessmentId, DateTimeOffset AssessedAt, string Level, string? PreviousLevel, string Confidence)
{
    /// <summary>The level's height on the chart: standard 1, medium 2, high 3.</summary>
    public int Rank => Level switch { "high" => 3, "medium" => 2, _ => 1 };
}

/// <param name="Kind">"given" or "withdrawn".</param>
public sealed record ConsentEntry(Guid Id, string Kind, DateTimeOffset SignedAt, string RecordedBy, IReadOnlyList<string> ConsentedMeasures,
    bool ConsentToTeamAndSafetyPlan, string? WithdrawalReason, IReadOnlyList<string> InformedOfRights, IReadOnlyList<string> InformedOfMeasures,
    IReadOnlyList<string> Professionals, string? Place);

/// <param name="Kind">"contact", "report", "evaluation", "risk-alert", "meeting" or "measure-status".</param>
public sealed record MonitoringLine(Guid Id, string Kind, Guid? MembershipId, string? Member, DateTimeOffset At, string Summary, DateTimeOffset RecordedAt);

/// <summary>Who read or changed the record: the service's access history (an account, never the record's content).</summary>
public sealed record AccessEntry(DateTimeOffset At, string Subject, string Institution, string Roles, string Action, string Endpoint, int Status);

/// <summary>The level's trend as a small chart: points of a polyline, oldest left, high on top.</summary>
public static class LevelChart
{
    public const int Width = 320;
    public const int Height = 120;
    private const int Margin = 20;

    /// <summary>The height of a level's line: rank 1 (standard) at the bottom, 3 (high) at the top.</summary>
    public static double YOf(int rank) => Height - Margin - (rank - 1) * (Height - 2 * Margin) / 2.0;

    public static IReadOnlyList<(double X, double Y, LevelStep Step)> Points(IReadOnlyList<LevelStep> steps)
    {
        if (steps.Count == 0)
        {
            return [];
        }
        var span = Width - 2 * Margin;
        return [.. steps.Select((step, i) => (
            X: steps.Count == 1 ? Width / 2.0 : Margin + span * i / (double)(steps.Count - 1),
            Y: YOf(step.Rank),
            Step: step))];
    }
}
