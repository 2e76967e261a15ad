using System.ComponentModel.DataAnnotations;

namespace Safeguard.Reintegration.Needs;

/// <summary>The visit and the needs-assessment form (004 §1.1): every area answered, even if "none".</summary>
public sealed class NeedsAssessmentRequest
{
    [Required]
    public DateTimeOffset? VisitedAt { get; init; }

    /// <summary>004 §1.1: the municipal office visits together with the reintegration office and the CSR.</summary>
    [Required, MinLength(1), MaxLength(10)]
    public List<VisitorInput>? Visitors { get; init; }

    [Required, MinLength(1), MaxLength(200)]
    public List<NeedInput>? Needs { get; init; }
}

public sealed class VisitorInput
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? FullName { get; init; }

    /// <summary>e.g. "Municipal office for communities and return", "CSR Dragash".</summary>
    [Required, StringLength(200, MinimumLength = 2)]
    public string? Institution { get; init; }

    /// <summary>004 §1.1: the municipal office and the CSR must both be represented for the visit to be joint.</summary>
    [Required]
    public VisitorRole? Represents { get; init; }
}

public sealed class NeedInput
{
    [Required]
    public NeedArea? Area { get; init; }

    [Required]
    public NeedLevel? Level { get; init; }

    /// <summary>The member the answer is about; the whole household when absent.</summary>
    public Guid? MemberId { get; init; }

    [StringLength(2000)]
    public string? Note { get; init; }
}
