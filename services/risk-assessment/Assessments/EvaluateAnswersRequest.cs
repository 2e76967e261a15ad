using System.ComponentModel.DataAnnotations;

namespace Safeguard.RiskAssessment.Assessments;

/// <summary>Answers being given, to see the level they lead to before anything is recorded.</summary>
public sealed class EvaluateAnswersRequest
{
    /// <summary>The instrument version the answers follow; the current one when omitted.</summary>
    [StringLength(20)]
    public string? InstrumentVersion { get; init; }

    [Required]
    public bool? ChildrenInFamily { get; init; }

    /// <summary>The answers so far, by item id; an item not answered yet counts as "cannot assess".</summary>
    [Required]
    public Dictionary<string, AnswerInput>? Answers { get; init; }

    /// <summary>The level she would give (§5): checked like the assessment checks it.</summary>
    public JudgementInput? Judgement { get; init; }
}
