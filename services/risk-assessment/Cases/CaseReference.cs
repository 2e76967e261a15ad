using Safeguard.BuildingBlocks.Persistence;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>
/// "SK-2026-00042": the centre's code, the year and the centre's running number for that year. Safe to
/// print in e-mails and on paper because it carries nothing about the people in the case.
/// </summary>
public readonly record struct CaseReference(string CentreCode, int Year, int Number)
{
    public const int MaxCentreCodeLength = 10;

    public override string ToString() => $"{CentreCode}-{Year}-{Number:D5}";

    /// <summary>Takes the centre's next number for the year, inside the transaction that stores the case.</summary>
    public static async Task<CaseReference> NextAsync(RiskAssessmentDbContext db, string centreCode, int year, CancellationToken cancellationToken) =>
        new(centreCode, year, await YearlyNumbering.NextAsync(db, centreCode, year, cancellationToken));
}
