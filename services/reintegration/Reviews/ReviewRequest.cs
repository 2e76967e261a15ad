using System.ComponentModel.DataAnnotations;

namespace Safeguard.Reintegration.Reviews;

public sealed class ReviewRequest
{
    [Required]
    public ReviewKind? Kind { get; init; }

    [Required]
    public DateTimeOffset? ReviewedAt { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? ReviewedBy { get; init; }

    [Required, StringLength(4000, MinimumLength = 5)]
    public string? Summary { get; init; }

    /// <summary>Required for the twelve-month review (004 §2.7).</summary>
    public bool? SupportBeyond12Months { get; init; }

    /// <summary>Package codes to extend beyond 12 months, e.g. "rent-subsidy".</summary>
    [MaxLength(20)]
    public List<string>? ExtendedSupport { get; init; }

    /// <summary>Required for the final assessment at 18 months (004 §1.5).</summary>
    public bool? Sustainable { get; init; }

    /// <summary>004 §1.5: a final assessment before the 18 months closes the case only for one of these; never "sustainable".</summary>
    public Cases.EarlyClosureReason? EarlyClosureReason { get; init; }
}
