using System.ComponentModel.DataAnnotations;

namespace Safeguard.Reintegration.Schemes;

/// <summary>The office's judgement of a quarter's schemes; the figures come from the records.</summary>
public sealed class SchemeEvaluationRequest
{
    [Required, StringLength(4000, MinimumLength = 10)]
    public string? Impact { get; init; }

    [Required, StringLength(4000, MinimumLength = 10)]
    public string? ProposedChanges { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? EvaluatedBy { get; init; }
}

/// <summary>A quarter of the year and where its evaluation stands.</summary>
public sealed record QuarterEvaluation(string Quarter, EvaluationStatus Status, DateTimeOffset DueBy, SchemeEvaluation? Evaluation);
