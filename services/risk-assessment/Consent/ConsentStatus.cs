using Microsoft.EntityFrameworkCore;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Consent;

/// <summary>Where a case's consent stands, from its latest record (Art. 11, 22).</summary>
public static class ConsentStatus
{
    public const string NotGiven = "not-given";
    public const string Given = "given";
    public const string Withdrawn = "withdrawn";
    public const string NotRequired = "not-required";

    public const string WithoutConsentBasis =
        "Rulebook Art. 22(2): the victim is a child or a person with limited or removed legal capacity; protection measures are taken without consent.";

    public static async Task<ConsentRecord?> LatestAsync(RiskAssessmentDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        await db.ConsentRecords.AsNoTracking()
            .Where(r => r.CaseId == caseId)
            .OrderByDescending(r => r.RecordedAt)
            .FirstOrDefaultAsync(cancellationToken);

    public static ConsentSummary Summarize(Case c, ConsentRecord? latest) => new(
        latest switch
        {
            null => NotGiven,
            { Kind: ConsentKind.Given } => Given,
            _ => Withdrawn,
        },
        Required: !c.ProtectionWithoutConsent,
        Basis: c.ProtectionWithoutConsent ? WithoutConsentBasis : null,
        ConsentToTeamAndSafetyPlan: latest is { Kind: ConsentKind.Given, ConsentToTeamAndSafetyPlan: true },
        ConsentedMeasures: latest is { Kind: ConsentKind.Given } ? latest.ConsentedMeasures : []);

    /// <summary>The consent status as the team-convening event states it.</summary>
    public static string ForTeam(ConsentSummary summary) => !summary.Required ? NotRequired : summary.Status;
}
