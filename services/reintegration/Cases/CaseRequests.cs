using System.ComponentModel.DataAnnotations;

namespace Safeguard.Reintegration.Cases;

/// <summary>
/// Registers a household on return, on the grant of status or on release, or a prisoner handed over before
/// release (004 §1.1; 000 §4.3.4). The 72-hour visit clock starts from <see cref="ArrivalAt"/>.
/// </summary>
public sealed class RegisterCaseRequest
{
    /// <summary>The municipality whose office for communities and return owns the case, e.g. "DRG".</summary>
    [Required, RegularExpression(Codes.Pattern, ErrorMessage = Codes.Message)]
    public string? MunicipalityCode { get; init; }

    /// <summary>The centre for social work of the place of residence, e.g. "SK".</summary>
    [RegularExpression(Codes.Pattern, ErrorMessage = Codes.Message)]
    public string? CsrCode { get; init; }

    [Required]
    public PersonCategory? Category { get; init; }

    [Required]
    public ArrivalKind? ArrivalKind { get; init; }

    /// <summary>When the person returned, was granted status or was released; for a handover, the expected release.</summary>
    [Required]
    public DateTimeOffset? ArrivalAt { get; init; }

    /// <summary>Required for a release or a pre-release handover.</summary>
    public PrisonInput? Prison { get; init; }

    [Required]
    public HouseholdInput? Household { get; init; }
}

public static class Codes
{
    public const string Pattern = "^[A-Z]{2,10}$";
    public const string Message = "The code must be 2 to 10 capital letters, e.g. \"DRG\".";
}

public sealed class PrisonInput
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? Name { get; init; }

    /// <summary>When the prison handed the case to the CSR (a handover only).</summary>
    public DateTimeOffset? HandedOverAt { get; init; }
}

public sealed class HouseholdInput
{
    [Required, StringLength(300, MinimumLength = 3)]
    public string? Address { get; init; }

    [Phone, StringLength(40)]
    public string? Phone { get; init; }

    /// <summary>Everyone in the household; the first is the main person of the case.</summary>
    [Required, MinLength(1), MaxLength(30)]
    public List<MemberInput>? Members { get; init; }
}

public sealed class MemberInput
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? FullName { get; init; }

    [Required]
    public DateOnly? DateOfBirth { get; init; }

    [Required]
    public Sex? Sex { get; init; }

    [Required]
    public Relationship? Relationship { get; init; }

    /// <summary>The person's own category; the case's when not given (e.g. a fighter's wife and children: fighter-family-member).</summary>
    public PersonCategory? Category { get; init; }

    [MaxLength(10)]
    public List<string>? Languages { get; init; }
}

/// <summary>The handed-over prisoner's release (000 §4.3.4): the 72 hours run from here.</summary>
public sealed class ReleaseRequest
{
    [Required]
    public DateTimeOffset? ReleasedAt { get; init; }
}

/// <summary>A name search travels in a body, never in a URL that proxies, logs and histories keep.</summary>
public sealed class CaseSearchRequest
{
    /// <summary>A household member's name, or some of its words, in any script.</summary>
    [Required, StringLength(200, MinimumLength = 2)]
    public string? Name { get; init; }

    /// <summary>The caller's municipality (the default); another is refused.</summary>
    public string? Municipality { get; init; }
}
