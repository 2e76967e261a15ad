using Microsoft.EntityFrameworkCore;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Consent;

/// <summary>
/// Where a case's consent stands (Art. 11, 22; Annex 2): decided by the form or withdrawal signed last, not by
/// the one recorded last, so a paper form typed in late never overrides a newer signature.
/// </summary>
public static class ConsentStatus
{
    public const string NotAsked = "not-asked";
    public const string Given = "given";
    public const string Withdrawn = "withdrawn";

    public const string WithoutConsentBasis =
        "Rulebook Art. 22(2): the victim is a child or a person with limited or removed legal capacity; protection measures are taken without consent.";

    /// <summary>The task a refusal of the team leaves the professional (Art. 22(1)).</summary>
    public const string AssessRefusalTask = "assess-refusal-and-offer-support";

    public static async Task<ConsentRecord?> LatestAsync(RiskAssessmentDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        await db.ConsentRecords.AsNoTracking()
            .Where(r => r.CaseId == caseId)
            .OrderByDescending(r => r.SignedAt).ThenByDescending(r => r.RecordedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The record that decides: signed last (recorded last among equal signatures).</summary>
    public static ConsentRecord? Latest(IEnumerable<ConsentRecord?> records) =>
        records.OfType<ConsentRecord>().OrderByDescending(r => r.SignedAt).ThenByDescending(r => r.RecordedAt).FirstOrDefault();

    public static ConsentSummary Summarize(Case c, ConsentRecord? latest) => new(
        latest switch
        {
            null => NotAsked,
            { Kind: ConsentKind.Given } => Given,
            _ => Withdrawn,
        },
        Required: !c.ProtectionWithoutConsent,
        Basis: c.ProtectionWithoutConsent ? WithoutConsentBasis : null,
        ConsentToTeamAndSafetyPlan: latest is { Kind: ConsentKind.Given, ConsentToTeamAndSafetyPlan: true },
        ConsentedMeasures: latest is { Kind: ConsentKind.Given } ? latest.ConsentedMeasures : [],
        Team: ForTeam(c, latest),
        SignedAt: latest?.SignedAt,
        PendingTasks: PendingTasks(c, latest));

    /// <summary>Annex 2 §3: her separate consent to the team and the safety plan, kept apart from the measures she consents to.</summary>
    public static string ForTeam(Case c, ConsentRecord? latest) => c.ProtectionWithoutConsent ? TeamConsent.NotRequired : latest switch
    {
        null => TeamConsent.NotAsked,
        { Kind: ConsentKind.Withdrawn } => TeamConsent.Withdrawn,
        { ConsentToTeamAndSafetyPlan: true } => TeamConsent.Given,
        _ => TeamConsent.Refused,
    };

    /// <summary>
    /// Art. 22(1): where an adult victim refused the team, the professionals assess her reasons and offer
    /// psychosocial support; the task stays on the case until that follow-up is recorded on the refusal.
    /// (A withdrawal records its reasons and the support offered with it.)
    /// </summary>
    public static IReadOnlyList<PendingTask> PendingTasks(Case c, ConsentRecord? latest) =>
        ForTeam(c, latest) == TeamConsent.Refused && latest!.FollowedUpAt is null
            ? [new PendingTask(AssessRefusalTask, latest.Id, latest.SignedAt,
                "Art. 22: she refused the multisectoral team and the safety plan. Assess her reasons and offer psychosocial support, then record it on the refusal.")]
            : [];
}

/// <summary>Something the case's professional must still do, and the rule that asks it.</summary>
public sealed record PendingTask(string Kind, Guid ConsentId, DateTimeOffset Since, string Rule);
