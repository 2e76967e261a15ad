using System.ComponentModel.DataAnnotations;

namespace Safeguard.SafetyPlan.IndividualPlans;

/// <summary>
/// The Annex 3 form as sent by the centre's professional. The case's reference and centre are not in it: they
/// come from the case itself, as risk-assessment announced it.
/// </summary>
public sealed class IndividualPlanRequest
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? RecordedBy { get; init; }

    /// <summary>Is she informed about the individual plan and its purpose?</summary>
    [Required]
    public bool? Informed { get; init; }

    /// <summary>Does she consent to the use and exchange of her personal data?</summary>
    [Required]
    public bool? ConsentToDataUse { get; init; }

    [StringLength(4000)]
    public string? Fears { get; init; }

    [StringLength(2000)]
    public string? SafeToTalkTo { get; init; }

    [StringLength(2000)]
    public string? UnsafeToTalkTo { get; init; }

    public VictimSection? Victim { get; init; }

    /// <summary>Rows of the violence table by key (see IndividualPlan.ViolenceRows).</summary>
    public Dictionary<string, ViolenceRow>? ViolenceTable { get; init; }

    public PerpetratorSection? Perpetrator { get; init; }

    [StringLength(4000)]
    public string? OtherCircumstances { get; init; }

    [StringLength(4000)]
    public string? RiskOfRepetition { get; init; }

    public List<IndividualMeasure>? Measures { get; init; }

    public DateOnly? AdoptedOn { get; init; }

    /// <summary>Art. 16: every how many days the centre reviews the plan; required once it is adopted.</summary>
    [Range(1, 92)]
    public int? ReviewEveryDays { get; init; }

    /// <summary>Annex 3 §5: effects and duration, the reassessment with its date, and the decision on going on.</summary>
    public ClosingEvaluationSection? ClosingEvaluation { get; init; }

    /// <summary>The content fields that were filled in, by their JSON names.</summary>
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
        if (Measures is { Count: > 0 }) yield return "measures";
        if (AdoptedOn is not null) yield return "adoptedOn";
        if (ReviewEveryDays is not null) yield return "reviewEveryDays";
        if (ClosingEvaluation is not null) yield return "closingEvaluation";
    }
}
