namespace Safeguard.Workspace.Api;

/// <summary>A case as the centre's list shows it (risk-assessment's case view, the parts the list needs).</summary>
public sealed record CaseRow(
    Guid Id,
    string Reference,
    string ReportedBy,
    DateTimeOffset OpenedAt,
    DateTimeOffset AssessmentDueAt,
    bool AssessmentOverdue,
    string State,
    string? RiskLevel,
    CaseRow.Person Victim)
{
    public sealed record Person(string FullName, string Category);

    /// <summary>Art. 5: the assessment within 12 hours. Amber in its last four hours, red once it is late.</summary>
    public ClockLight AssessmentClock(DateTimeOffset now) => State != "awaiting-assessment"
        ? ClockLight.None
        : AssessmentOverdue || now >= AssessmentDueAt ? ClockLight.Overdue
        : AssessmentDueAt - now <= TimeSpan.FromHours(4) ? ClockLight.Due
        : ClockLight.Running;
}

/// <summary>How a deadline shows: running, due soon (amber), overdue (red); none once met.</summary>
public enum ClockLight
{
    None,
    Running,
    Due,
    Overdue,
}
