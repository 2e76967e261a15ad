using System.ComponentModel.DataAnnotations;

namespace Safeguard.SafetyPlan.Teams;

public sealed class CreateTeamRequest
{
    [Required, RegularExpression("^[A-Z]{2,10}$", ErrorMessage = "The centre code must be 2 to 10 capital letters, e.g. \"SK\".")]
    public string? CentreCode { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? Name { get; init; }
}

/// <summary>Who sits for an institution (Annex 4: member and deputy).</summary>
public sealed class SeatRequest
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? InstitutionName { get; init; }

    [Required]
    public ContactInput? Member { get; init; }

    public ContactInput? Deputy { get; init; }
}

public sealed class ContactInput
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? FullName { get; init; }

    [Required, EmailAddress, StringLength(254)]
    public string? Email { get; init; }

    [StringLength(300)]
    public string? OfficeAddress { get; init; }

    [Phone, StringLength(40)]
    public string? OfficePhone { get; init; }

    [Phone, StringLength(40)]
    public string? Mobile { get; init; }

    /// <summary>Annex 4: how to reach the person outside working hours.</summary>
    [StringLength(200)]
    public string? OutOfHoursContact { get; init; }

    /// <summary>mk, sq, sr or en: the language of the notices this person receives; English when not given.</summary>
    [RegularExpression("^(mk|sq|sr|en)$", ErrorMessage = "The language must be mk, sq, sr or en.")]
    public string? PreferredLanguage { get; init; }

    public ContactDetails ToDetails() => new(FullName!.Trim(), Email!.Trim(), OfficeAddress?.Trim(), OfficePhone?.Trim(), Mobile?.Trim(),
        OutOfHoursContact?.Trim(), PreferredLanguage ?? "en");
}

/// <summary>An institution's seat: the member and deputy with their seat ids (used to record contacts and reports).</summary>
public sealed record SeatView(InstitutionKind Institution, string InstitutionName, Guid MemberId, ContactDetails Member, Guid? DeputyId, ContactDetails? Deputy, DateTimeOffset Since);

public sealed record TeamView(Guid Id, string CentreCode, string Name, IReadOnlyList<SeatView> Institutions, uint Version);

public sealed record MembershipView(Guid Id, InstitutionKind Institution, string InstitutionName, MemberRole Role, ContactDetails Person, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo)
{
    public static MembershipView From(TeamMembership m) => new(m.Id, m.Institution, m.InstitutionName, m.Role, m.Person, m.ValidFrom, m.ValidTo);
}
