namespace Safeguard.Contracts.RiskAssessment;

/// <summary>
/// Where the victim's separate consent to convening the multisectoral team and carrying out the safety plan
/// stands (Annex 2 §3; Rulebook Art. 11, 20, 22). "Not asked" is not "refused": at high risk the team may be
/// convened while her signature is pending, but never against her refusal unless Art. 22(2) applies.
/// </summary>
public static class TeamConsent
{
    /// <summary>No Annex 2 has been signed yet.</summary>
    public const string NotAsked = "not-asked";

    /// <summary>Her latest Annex 2 consents to the team and the safety plan.</summary>
    public const string Given = "given";

    /// <summary>Her latest Annex 2 refuses the team and the safety plan (she may still consent to some measures).</summary>
    public const string Refused = "refused";

    /// <summary>She withdrew her consent (Art. 22(1)).</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>A child or a person with limited or removed legal capacity: protection proceeds without consent (Art. 22(2)).</summary>
    public const string NotRequired = "not-required";

    /// <summary>The team may be convened: she consented, the law does not ask her, or she has not been asked yet.</summary>
    public static bool AllowsConvening(string status) => status is Given or NotRequired or NotAsked;

    /// <summary>Measures that need her consent may run (Art. 11, 22): pending consent is not consent.</summary>
    public static bool AllowsVictimMeasures(string status) => status is Given or NotRequired;
}
