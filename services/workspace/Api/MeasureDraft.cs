using System.Globalization;

namespace Safeguard.Workspace.Api;

/// <summary>A measure of the catalogue safety-plan serves (Art. 15, 19, 23-31).</summary>
/// <param name="DefaultResponsible">The kind of institution that usually carries it out ("csr", "police", …).</param>
public sealed record CatalogueMeasure(string Code, string Article, string Description, string DefaultResponsible, bool RequiresConsent)
{
    /// <summary>A measure of the team's own, described in words.</summary>
    public const string Other = "other";
}

/// <summary>A row of the plan's measures table as the centre types it (Annex 5 §4), before it is sent.</summary>
public sealed class MeasureDraft
{
    public string? Code { get; set; }
    public string? Description { get; set; }
    public string? Frequency { get; set; }

    /// <summary>The date inputs' values, "yyyy-MM-dd".</summary>
    public string? StartDate { get; set; }
    public string? ReassessOn { get; set; }
    public string? DurationDays { get; set; }

    /// <summary>The responsible person's seat (member or deputy) in the plan's team.</summary>
    public string? MembershipId { get; set; }

    /// <summary>
    /// Picks the measure and, while nobody is chosen yet, the member of the institution that usually carries it out,
    /// so the common case is one choice; she can still name anyone of the team.
    /// </summary>
    public void Choose(string? code, IReadOnlyList<CatalogueMeasure> catalogue, TeamRecord? team)
    {
        Code = string.IsNullOrEmpty(code) ? null : code;
        if (string.IsNullOrEmpty(MembershipId) && catalogue.FirstOrDefault(m => m.Code == Code) is { } measure
            && team?.Institutions.FirstOrDefault(s => s.Institution == measure.DefaultResponsible) is { } seat)
        {
            MembershipId = seat.MemberId.ToString();
        }
    }

    /// <summary>What cannot be sent as typed, by the field the service would name: a number or date the browser did not give as one.</summary>
    public IReadOnlyDictionary<string, string[]> Unreadable(string notANumber)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(DurationDays) && !int.TryParse(DurationDays, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors["durationDays"] = [notANumber];
        }
        return errors;
    }

    public object ToRequest() => new
    {
        code = Code,
        description = Blank(Description),
        frequency = Blank(Frequency),
        startDate = DateOf(StartDate),
        durationDays = int.TryParse(DurationDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : (int?)null,
        reassessOn = DateOf(ReassessOn),
        membershipId = Guid.TryParse(MembershipId, out var seat) ? seat : (Guid?)null,
    };

    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
