using System.ComponentModel.DataAnnotations;
using Safeguard.Reintegration.Plans;

namespace Safeguard.Reintegration.Consent;

public sealed class ConsentRequest
{
    [Required]
    public Guid? MemberId { get; init; }

    /// <summary>"self" for an adult; "guardian" for a child (under 18).</summary>
    [Required]
    public ConsentGiver? GivenBy { get; init; }

    [StringLength(200, MinimumLength = 2)]
    public string? GuardianName { get; init; }

    [Required]
    public DateTimeOffset? GivenAt { get; init; }

    [Required, MinLength(1), MaxLength(20)]
    public List<InstitutionKind>? Institutions { get; init; }
}

public sealed class WithdrawConsentRequest
{
    [Required]
    public DateTimeOffset? WithdrawnAt { get; init; }
}
