namespace Safeguard.Workspace.Api;

/// <summary>The Annex 5 form as safety-plan serves it to the centre: saved, or a draft prefilled from what the centre holds.</summary>
/// <param name="PrefilledFrom">"individual-plan", "risk-assessment", "police-report": where an unsaved draft's values came from.</param>
public sealed record PlanFormRecord(bool Saved, IReadOnlyList<string> PrefilledFrom, PlanFormRecord.FormData Form)
{
    public sealed record FormData(bool Informed, bool ConsentToTeamAndDataExchange, string? Fears, string? SafeToTalkTo, string? UnsafeToTalkTo,
        VictimPart? Victim, Dictionary<string, ViolenceRow>? ViolenceTable, PerpetratorPart? Perpetrator, string? OtherCircumstances,
        string? RiskOfRepetition);
}

/// <summary>
/// The Annex 5 form beyond its measures table, as the centre fills it in. Annex 5 asks the rest "if YES to the previous
/// two questions", unless the law protects her without consent (Art. 22(2)); the draft then sends questions 1 and 2
/// alone, so nothing typed ahead of her consent is stored.
/// </summary>
public sealed class PlanFormDraft
{
    public bool Informed { get; set; }
    public bool ConsentToTeamAndDataExchange { get; set; }
    public FormContent Content { get; } = new();

    public bool MayHoldContent(bool protectionWithoutConsent) => protectionWithoutConsent || (Informed && ConsentToTeamAndDataExchange);

    /// <summary>The form as served; names it lacks come from the case (§1 and §2 need them), as on Annex 3.</summary>
    public static PlanFormDraft From(PlanFormRecord.FormData form, CaseDetail? @case)
    {
        var draft = new PlanFormDraft { Informed = form.Informed, ConsentToTeamAndDataExchange = form.ConsentToTeamAndDataExchange };
        draft.Content.Take(form.Fears, form.SafeToTalkTo, form.UnsafeToTalkTo, form.Victim, form.ViolenceTable, form.Perpetrator,
            form.OtherCircumstances, form.RiskOfRepetition);
        draft.Content.Victim.FullName ??= @case?.Victim.FullName;
        draft.Content.Perpetrator.FullName ??= @case?.Perpetrator?.FullName;
        return draft;
    }

    /// <summary>The form as safety-plan's PUT plans/{id}/form takes it, whole.</summary>
    public object ToRequest(bool protectionWithoutConsent)
    {
        var content = MayHoldContent(protectionWithoutConsent);
        return new
        {
            informed = Informed,
            consentToTeamAndDataExchange = ConsentToTeamAndDataExchange,
            fears = content ? FormContent.Trim(Content.Fears) : null,
            safeToTalkTo = content ? FormContent.Trim(Content.SafeToTalkTo) : null,
            unsafeToTalkTo = content ? FormContent.Trim(Content.UnsafeToTalkTo) : null,
            victim = content ? Content.Victim : null,
            violenceTable = content ? Content.ViolenceTable() : null,
            perpetrator = content ? Content.Perpetrator : null,
            otherCircumstances = content ? FormContent.Trim(Content.OtherCircumstances) : null,
            riskOfRepetition = content ? FormContent.Trim(Content.RiskOfRepetition) : null,
        };
    }
}
