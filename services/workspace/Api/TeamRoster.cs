namespace Safeguard.Workspace.Api;

/// <summary>A centre's multisectoral team (Annex 4) as safety-plan serves it.</summary>
public sealed record TeamRecord(Guid Id, string CentreCode, string Name, IReadOnlyList<TeamRecord.Seat> Institutions)
{
    /// <param name="Institution">"csr", "police", "health", "school", "employment", "ngo", "prosecution", "municipality", "other".</param>
    public sealed record Seat(string Institution, string InstitutionName, Guid MemberId, Contact Member, Guid? DeputyId, Contact? Deputy, DateTimeOffset Since);

    public sealed record Contact(string FullName, string Email, string? OfficeAddress, string? OfficePhone, string? Mobile, string? OutOfHoursContact,
        string PreferredLanguage);

    /// <summary>The institutions a seat may be for (safety-plan's institution kinds), in Annex 4's order.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["csr", "police", "health", "school", "employment", "ngo", "prosecution", "municipality", "other"];
}

/// <summary>A person named to a seat, as she is typed in (Annex 4: name, office, phones, after-hours contact, e-mail).</summary>
public sealed class ContactDraft
{
    public string? FullName { get; set; }
    public string? Email { get; set; }
    public string? OfficeAddress { get; set; }
    public string? OfficePhone { get; set; }
    public string? Mobile { get; set; }
    public string? OutOfHoursContact { get; set; }
    public string PreferredLanguage { get; set; } = "mk";

    public bool IsEmpty => string.IsNullOrWhiteSpace(FullName) && string.IsNullOrWhiteSpace(Email);

    public object ToRequest() => new
    {
        fullName = FullName?.Trim(), email = Email?.Trim(), officeAddress = Blank(OfficeAddress), officePhone = Blank(OfficePhone),
        mobile = Blank(Mobile), outOfHoursContact = Blank(OutOfHoursContact), preferredLanguage = PreferredLanguage,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
