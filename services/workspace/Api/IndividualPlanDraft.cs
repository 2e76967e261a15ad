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
    /// <summary>Her fears, §1, §2 and §3: the part Annex 5 shares.</summary>
    public FormContent Content { get; } = new();
    public List<Measure> Measures { get; } = [];
    public string? AdoptedOn { get; set; }
    public int? ReviewEveryDays { get; set; }

    /// <summary>Whether the form may hold more than questions 1 and 2 (Art. 22; Annex 3).</summary>
    public bool MayHoldContent(bool protectionWithoutConsent) => protectionWithoutConsent || (Informed && ConsentToDataUse);

    public static IndividualPlanDraft From(IndividualPlanRecord? record, CaseDetail @case)
    {
        var draft = new IndividualPlanDraft();
        (draft.Content.Victim.FullName, draft.Content.Perpetrator.FullName) = (@case.Victim.FullName, @case.Perpetrator?.FullName);
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
        draft.Content.Take(content.Fears, content.SafeToTalkTo, content.UnsafeToTalkTo, content.Victim, content.ViolenceTable, content.Perpetrator,
            content.OtherCircumstances, content.RiskOfRepetition);
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
            fears = content ? Trim(Content.Fears) : null,
            safeToTalkTo = content ? Trim(Content.SafeToTalkTo) : null,
            unsafeToTalkTo = content ? Trim(Content.UnsafeToTalkTo) : null,
            victim = content ? Content.Victim : null,
            violenceTable = content ? Content.ViolenceTable() : null,
            perpetrator = content ? Content.Perpetrator : null,
            otherCircumstances = content ? Trim(Content.OtherCircumstances) : null,
            riskOfRepetition = content ? Trim(Content.RiskOfRepetition) : null,
            measures = content
                ? Measures.Where(m => !string.IsNullOrWhiteSpace(m.Name)).Select(m => new MeasureRow(Trim(m.Name), Trim(m.Frequency),
                    DateOnly.TryParse(m.StartDate, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : null,
                    m.DurationDays, Trim(m.ResponsiblePerson))).ToList()
                : null,
            adoptedOn = DateOnly.TryParse(AdoptedOn, System.Globalization.CultureInfo.InvariantCulture, out var adopted) ? adopted : (DateOnly?)null,
            reviewEveryDays = ReviewEveryDays,
        };
    }

    private static string? Trim(string? text) => FormContent.Trim(text);
}
