namespace Safeguard.Workspace.Api;

/// <summary>The Annex 3 form as safety-plan serves it (its individual-plan view).</summary>
public sealed record IndividualPlanRecord(Guid Id, Guid CaseId, string CaseReference, bool Informed, bool ConsentToDataUse, string? LegalBasis,
    IndividualPlanRecord.PlanContent? Content, DateOnly? AdoptedOn, int? ReviewEveryDays, string RecordedBy, DateTimeOffset UpdatedAt)
{
    public sealed record PlanContent(string? Fears, string? SafeToTalkTo, string? UnsafeToTalkTo, VictimPart? Victim, Dictionary<string, ViolenceRow>? ViolenceTable,
        PerpetratorPart? Perpetrator, string? OtherCircumstances, string? RiskOfRepetition, List<MeasureRow>? Measures, ClosingPart? ClosingEvaluation);
}

/// <summary>Annex 3 §1: the victim (editable on the page, so not a record).</summary>
public sealed class VictimPart
{
    public string? FullName { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? MaritalStatusOrRelation { get; set; }
    public string? EmploymentAndIncome { get; set; }
    public string? PersonalResources { get; set; }
    public string? Vulnerability { get; set; }
    public string? ChildrenAndFamily { get; set; }
}

public sealed record ViolenceRow(bool Present, string? Note);

/// <summary>Annex 3 §2: the perpetrator.</summary>
public sealed class PerpetratorPart
{
    public string? FullName { get; set; }
    public string? Contacts { get; set; }
    public bool? FirearmLicenceOrFirearm { get; set; }
    public string? EarlierReports { get; set; }
    public string? Employment { get; set; }
    public string? Addictions { get; set; }
    public string? MentalHealth { get; set; }
}

public sealed record MeasureRow(string? Measure, string? Frequency, DateOnly? StartDate, int? DurationDays, string? ResponsiblePerson);

public sealed record ClosingPart(string? EffectsAndDuration, DateOnly? ReassessedOn, string? Reassessment, string? Decision);

/// <summary>
/// The individual plan (Rulebook Art. 12-14; Annex 3) as the professional fills it in. Annex 3 holds nothing beyond
/// questions 1 and 2 until she is informed and consents to the use and exchange of her data, unless she is a child or
/// a person with limited legal capacity (Art. 22(2)); the draft then sends questions 1 and 2 alone, so nothing typed
/// ahead of her consent is stored.
/// </summary>
public sealed class IndividualPlanDraft
{
    /// <summary>Annex 3 §2: the violence table's rows, in the form's order (safety-plan's row keys), with the form's words.</summary>
    public static readonly IReadOnlyList<(string Key, string Text)> ViolenceRows =
    [
        ("current", "Current violence"),
        ("physical-injury", "Physical injury"),
        ("severe-physical-injury", "Severe physical injury"),
        ("injury-with-objects-or-tools", "Injury with objects or tools"),
        ("sexual", "Sexual violence"),
        ("psychological", "Psychological violence"),
        ("threats-to-kill", "Threats to kill"),
        ("threats-of-suicide", "Threats of suicide"),
        ("intimidation-and-coercive-control", "Intimidation and coercive control"),
        ("verbal-insults", "Verbal insults"),
        ("abusive-behaviour", "Abusive behaviour"),
        ("prior-violence", "Prior violence"),
        ("harm-to-children", "Harm to the children"),
        ("violence-in-presence-of-children", "Violence in the presence of the children"),
        ("victim-can-be-contacted-safely", "The victim can be contacted safely"),
        ("other", "Other"),
    ];

    public sealed class Row
    {
        public bool Present { get; set; }
        public string? Note { get; set; }
    }

    public sealed class Measure
    {
        public string? Name { get; set; }
        public string? Frequency { get; set; }
        public string? StartDate { get; set; }
        public int? DurationDays { get; set; }
        public string? ResponsiblePerson { get; set; }
    }

    public string? RecordedBy { get; set; }
    public bool Informed { get; set; }
    public bool ConsentToDataUse { get; set; }
    public string? Fears { get; set; }
    public string? SafeToTalkTo { get; set; }
    public string? UnsafeToTalkTo { get; set; }
    public VictimPart Victim { get; set; } = new();
    public Dictionary<string, Row> Violence { get; } = ViolenceRows.ToDictionary(r => r.Key, _ => new Row());
    public PerpetratorPart Perpetrator { get; set; } = new();
    public string? OtherCircumstances { get; set; }
    public string? RiskOfRepetition { get; set; }
    public List<Measure> Measures { get; } = [];
    public string? AdoptedOn { get; set; }
    public int? ReviewEveryDays { get; set; }

    /// <summary>Whether the form may hold more than questions 1 and 2 (Art. 22; Annex 3).</summary>
    public bool MayHoldContent(bool protectionWithoutConsent) => protectionWithoutConsent || (Informed && ConsentToDataUse);

    public static IndividualPlanDraft From(IndividualPlanRecord? record, CaseDetail @case)
    {
        var draft = new IndividualPlanDraft
        {
            Victim = new() { FullName = @case.Victim.FullName },
            Perpetrator = new() { FullName = @case.Perpetrator?.FullName },
        };
        if (record is null)
        {
            return draft;
        }
        (draft.RecordedBy, draft.Informed, draft.ConsentToDataUse) = (record.RecordedBy, record.Informed, record.ConsentToDataUse);
        (draft.AdoptedOn, draft.ReviewEveryDays) = (record.AdoptedOn?.ToString("yyyy-MM-dd"), record.ReviewEveryDays);
        if (record.Content is not { } content)
        {
            return draft;
        }
        (draft.Fears, draft.SafeToTalkTo, draft.UnsafeToTalkTo) = (content.Fears, content.SafeToTalkTo, content.UnsafeToTalkTo);
        (draft.OtherCircumstances, draft.RiskOfRepetition) = (content.OtherCircumstances, content.RiskOfRepetition);
        draft.Victim = content.Victim ?? draft.Victim;
        draft.Perpetrator = content.Perpetrator ?? draft.Perpetrator;
        foreach (var (key, row) in content.ViolenceTable ?? [])
        {
            if (draft.Violence.TryGetValue(key, out var kept))
            {
                (kept.Present, kept.Note) = (row.Present, row.Note);
            }
        }
        draft.Measures.AddRange((content.Measures ?? []).Select(m => new Measure
        {
            Name = m.Measure, Frequency = m.Frequency, StartDate = m.StartDate?.ToString("yyyy-MM-dd"), DurationDays = m.DurationDays,
            ResponsiblePerson = m.ResponsiblePerson,
        }));
        return draft;
    }

    /// <summary>The form as safety-plan takes it (its individual-plan request).</summary>
    public object ToRequest(bool protectionWithoutConsent)
    {
        var content = MayHoldContent(protectionWithoutConsent);
        return new
        {
            recordedBy = Trim(RecordedBy),
            informed = Informed,
            consentToDataUse = ConsentToDataUse,
            fears = content ? Trim(Fears) : null,
            safeToTalkTo = content ? Trim(SafeToTalkTo) : null,
            unsafeToTalkTo = content ? Trim(UnsafeToTalkTo) : null,
            victim = content ? Victim : null,
            violenceTable = content
                ? Violence.Where(r => r.Value.Present || !string.IsNullOrWhiteSpace(r.Value.Note))
                    .ToDictionary(r => r.Key, r => new ViolenceRow(r.Value.Present, Trim(r.Value.Note)))
                : null,
            perpetrator = content ? Perpetrator : null,
            otherCircumstances = content ? Trim(OtherCircumstances) : null,
            riskOfRepetition = content ? Trim(RiskOfRepetition) : null,
            measures = content
                ? Measures.Where(m => !string.IsNullOrWhiteSpace(m.Name)).Select(m => new MeasureRow(Trim(m.Name), Trim(m.Frequency),
                    DateOnly.TryParse(m.StartDate, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : null,
                    m.DurationDays, Trim(m.ResponsiblePerson))).ToList()
                : null,
            adoptedOn = DateOnly.TryParse(AdoptedOn, System.Globalization.CultureInfo.InvariantCulture, out var adopted) ? adopted : (DateOnly?)null,
            reviewEveryDays = ReviewEveryDays,
        };
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
