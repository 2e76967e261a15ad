using Safeguard.BuildingBlocks.Domain;
using Safeguard.SafetyPlan.IndividualPlans;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>
/// The Annex 5 form of a safety plan beyond its measures table: questions 1-3 (is she informed; does she
/// consent to the team and to the use and exchange of her data; what she fears, who is safe and unsafe to
/// talk to), §1 data on her, the children and family at risk, §2 the violence table, the perpetrator and
/// other circumstances, §3 the risk of repetition. Personal data: stored encrypted, and a team member sees
/// only what she needs to act (<see cref="ForMembers"/>).
/// </summary>
public sealed record PlanForm(
    bool Informed,
    bool ConsentToTeamAndDataExchange,
    string? Fears,
    string? SafeToTalkTo,
    string? UnsafeToTalkTo,
    VictimSection? Victim,
    Dictionary<string, ViolenceRow>? ViolenceTable,
    PerpetratorSection? Perpetrator,
    string? OtherCircumstances,
    string? RiskOfRepetition)
{
    /// <summary>Annex 5 §2 uses the same violence rows as Annex 3.</summary>
    public static IReadOnlyList<string> ViolenceRows => IndividualPlan.ViolenceRows;

    public const string ContactedSafelyRow = "victim-can-be-contacted-safely";

    /// <summary>What the form holds beyond questions 1 and 2, by JSON name.</summary>
    public IEnumerable<string> GivenContent()
    {
        if (Fears is not null) yield return "fears";
        if (SafeToTalkTo is not null) yield return "safeToTalkTo";
        if (UnsafeToTalkTo is not null) yield return "unsafeToTalkTo";
        if (Victim is not null) yield return "victim";
        if (ViolenceTable is not null) yield return "violenceTable";
        if (Perpetrator is not null) yield return "perpetrator";
        if (OtherCircumstances is not null) yield return "otherCircumstances";
        if (RiskOfRepetition is not null) yield return "riskOfRepetition";
    }

    /// <summary>
    /// Annex 5 asks the rest "if YES to the previous two questions"; for a child or a person with limited or
    /// removed legal capacity the plan is made regardless (Art. 22(2)). Rows must be the form's own.
    /// </summary>
    public IReadOnlyList<RuleBroken> Check(bool protectionWithoutConsent)
    {
        var broken = new List<RuleBroken>();
        if (!protectionWithoutConsent && !(Informed && ConsentToTeamAndDataExchange))
        {
            broken.AddRange(GivenContent().Select(field => RuleBroken.Invalid(field,
                "Annex 5: without her informed consent to the team and to the use and exchange of her data, the form holds only questions 1 and 2.")));
        }
        broken.AddRange((ViolenceTable ?? []).Keys.Except(ViolenceRows).Select(row =>
            RuleBroken.Invalid($"violenceTable.{row}", $"Not a row of the Annex 5 violence table ({string.Join(", ", ViolenceRows)}).")));
        if (Victim is { FullName: var name } && string.IsNullOrWhiteSpace(name))
        {
            broken.Add(RuleBroken.Invalid("victim.fullName", "The victim's name is required in §1."));
        }
        return broken;
    }

    /// <summary>
    /// A draft of the form from what the centre already recorded: the individual plan (Annex 3, the same
    /// content, Art. 18) and the plan's own assessment data for §3. The team edits it before saving.
    /// </summary>
    public static (PlanForm Form, IReadOnlyList<string> From) Prefill(SafetyPlan plan, IndividualPlan? individual)
    {
        var from = new List<string>();
        var content = individual?.Content;
        if (content is not null)
        {
            from.Add("individual-plan");
        }
        string? risk = content?.RiskOfRepetition;
        if (plan.RiskLevel is { } level)
        {
            from.Add("risk-assessment");
            risk ??= plan.RedFlags.Count > 0
                ? $"Risk level {level} at the latest assessment; red flags: {string.Join(", ", plan.RedFlags)}."
                : $"Risk level {level} at the latest assessment.";
        }
        if (plan.PoliceReportReference is not null)
        {
            from.Add("police-report");
        }
        var informed = individual?.Informed ?? false;
        var consent = individual?.ConsentToDataUse == true && plan.VictimConsent == Contracts.RiskAssessment.TeamConsent.Given;
        return (new PlanForm(informed, consent, content?.Fears, content?.SafeToTalkTo, content?.UnsafeToTalkTo, content?.Victim,
            content?.ViolenceTable, content?.Perpetrator,
            plan.PoliceReportReference is { } report
                ? $"Police report {report}; emergency measures proposed: {(plan.EmergencyMeasures.Count > 0 ? string.Join(", ", plan.EmergencyMeasures) : "none")}. {content?.OtherCircumstances}".Trim()
                : content?.OtherCircumstances,
            risk), from);
    }

    /// <summary>
    /// What every member and deputy of the team sees, to act safely (Annex 5): whether the perpetrator holds a
    /// firearm licence or a firearm, who is unsafe to talk to, and whether she can be contacted safely.
    /// </summary>
    public PlanFormForMembers ForMembers() => new(
        Perpetrator?.FirearmLicenceOrFirearm,
        UnsafeToTalkTo,
        ViolenceTable?.GetValueOrDefault(ContactedSafelyRow));
}

/// <summary>The part of the Annex 5 form a team member sees (see the field-by-role table in the service's README).</summary>
public sealed record PlanFormForMembers(bool? FirearmLicenceOrFirearm, string? UnsafeToTalkTo, ViolenceRow? VictimCanBeContactedSafely);
