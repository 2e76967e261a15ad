using Safeguard.BuildingBlocks.Reporting;
using Safeguard.Reintegration.Indicators;
using Safeguard.Reintegration.Schemes;

namespace Safeguard.Reintegration.Reports;

/// <summary>Cases the period opened and closed (004 §1.5, 10.3): counts only.</summary>
/// <param name="Opened">Arrivals in the period (a return, a grant of status, a release; a handover at its release).</param>
/// <param name="ClosedEarly">Closed before 18 months for death, departure or transfer: never sustainable.</param>
public sealed record CaseCounts(int Opened, int ClosedSustainable, int ClosedNotSustainable, int ClosedEarly);

/// <summary>A quarter's scheme evaluation as the municipality wrote it, or the records' figures while it has not.</summary>
public sealed record QuarterSchemes(Quarter Quarter, EvaluationStatus Status, SchemeFigures Figures, string? Impact, string? ProposedChanges);

/// <summary>What a municipality's progress report to the ministry holds (004 §10.3), before small counts are protected.</summary>
public sealed record ProgressReportData(string MunicipalityCode, ReportPeriod Period, DateTimeOffset GeneratedAt, CaseCounts Cases,
    IReadOnlyList<ObjectiveReport> Objectives, IReadOnlyList<QuarterSchemes> Schemes);
