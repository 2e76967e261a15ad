using System.ComponentModel.DataAnnotations;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.Assessments;

/// <summary>A filled-in Annex 1 questionnaire.</summary>
public sealed class SubmitAssessmentRequest
{
    /// <summary>The instrument version the answers follow; the current one when omitted.</summary>
    [StringLength(20)]
    public string? InstrumentVersion { get; init; }

    [Required]
    public DateTimeOffset? AssessedAt { get; init; }

    /// <summary>Name of the professional (Annex 1: "name and surname of the professional").</summary>
    [Required, StringLength(200, MinimumLength = 2)]
    public string? AssessedBy { get; init; }

    /// <summary>
    /// Rulebook Art. 4 and 6: before the assessment the victim was informed of her rights and of the protection
    /// measures (a child: in a way suited to her age and development, Art. 6(2)). Must be true.
    /// </summary>
    [Required]
    public bool? VictimInformedOfRights { get; init; }

    /// <summary>Whether there are children in the family: §4 is answered only then.</summary>
    [Required]
    public bool? ChildrenInFamily { get; init; }

    /// <summary>Answers by item id ("1.2", "2.10", "5.4"...).</summary>
    [Required]
    public Dictionary<string, AnswerInput>? Answers { get; init; }

    /// <summary>The professional's judgement (§5): she may raise the model's level, never lower it.</summary>
    public JudgementInput? Judgement { get; init; }

    /// <summary>Annex 1 heading, "(date and place)": where the assessment was made, e.g. the centre's office or a hospital.</summary>
    [StringLength(200)]
    public string? Place { get; init; }

    /// <summary>Annex 1 §5.4: when the answer is yes, the date the multisectoral team was convened.</summary>
    public DateOnly? TeamConvenedOn { get; init; }

    /// <summary>Annex 1, last part: the professional's notes.</summary>
    [StringLength(4000)]
    public string? ProfessionalNotes { get; init; }
}

public sealed class AnswerInput
{
    /// <summary>yes, no or cannot-assess, for items of kind "answer".</summary>
    public AnswerValue? Answer { get; init; }

    [StringLength(2000)]
    public string? Note { get; init; }

    /// <summary>For items of kind "text".</summary>
    [StringLength(8000)]
    public string? Text { get; init; }

    /// <summary>Option ids, for items that have options.</summary>
    public string[]? Choices { get; init; }

    /// <summary>Detail fields by id, e.g. { "injury": "bruises on the arms" }.</summary>
    public Dictionary<string, string>? Details { get; init; }
}

public sealed class JudgementInput
{
    [Required]
    public RiskLevel? Level { get; init; }

    /// <summary>Why she raises the level (required when raising).</summary>
    [StringLength(2000)]
    public string? Reason { get; init; }
}
