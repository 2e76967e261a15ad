namespace Safeguard.Notification.Templates;

public sealed record PlanAdoptedEmail(string CaseReference, DateTimeOffset AdoptedAt, DateTimeOffset FirstContactDueAt, Guid? PlanId = null) : ILinksToWorkspace
{
    public string? WorkspacePath => PlanId is { } id ? $"plans/{id}" : null;
}

/// <summary>To every member and deputy: the safety plan is adopted and the monitoring clocks run (Art. 15, 21).</summary>
public sealed class PlanAdoptedTemplate : EmailTemplate<PlanAdoptedEmail>
{
    public override string Key => "plan-adopted";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(PlanAdoptedEmail m, Language language)
    {
        var (r, adopted, due) = (m.CaseReference, DisplayTime.Format(m.AdoptedAt), DisplayTime.Format(m.FirstContactDueAt));
        return language switch
        {
            Language.Mk => ($"Донесен е безбедносниот план за случај {r}",
                [$"Тимот го донесе безбедносниот план за случајот {r} на {adopted}. Првиот контакт со жртвата е до {due} (член 15); потоа секој одговорен член остварува контакт најмалку на 48 часа и секој работен ден го известува центарот (член 21)."]),
            Language.Sq => ($"U miratua plani i sigurisë për rastin {r}",
                [$"Ekipi miratoi planin e sigurisë për rastin {r} më {adopted}. Kontakti i parë me viktimën duhet deri më {due} (neni 15); pastaj çdo anëtar përgjegjës e kontakton të paktën çdo 48 orë dhe raporton në qendër çdo ditë pune (neni 21)."]),
            Language.Sr => ($"Usvojen je bezbednosni plan za slučaj {r}",
                [$"Tim je usvojio bezbednosni plan za slučaj {r} dana {adopted}. Prvi kontakt sa žrtvom je do {due} (član 15); zatim svaki odgovorni član ostvaruje kontakt najmanje na 48 časova i svakog radnog dana izveštava centar (član 21)."]),
            _ => ($"Safety plan adopted for case {r}",
                [$"The team adopted the safety plan for case {r} on {adopted}. The first contact with the victim is due by {due} (Article 15); then each responsible member contacts her at least every 48 hours and reports to the centre every working day (Article 21)."]),
        };
    }
}

public sealed record PlanRevisedEmail(string CaseReference, string Change, Guid? PlanId = null) : ILinksToWorkspace
{
    public string? WorkspacePath => PlanId is { } id ? $"plans/{id}" : null;
}

/// <summary>To every member and deputy: the plan was revised (Art. 16, 20).</summary>
public sealed class PlanRevisedTemplate : EmailTemplate<PlanRevisedEmail>
{
    public override string Key => "plan-revised";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(PlanRevisedEmail m, Language language) => language switch
    {
        Language.Mk => ($"Ревидиран е безбедносниот план за случај {m.CaseReference}", [$"Тимот го ревидираше безбедносниот план ({m.Change}). Проверете ги вашите мерки во Safeguard."]),
        Language.Sq => ($"U rishikua plani i sigurisë për rastin {m.CaseReference}", [$"Ekipi rishikoi planin e sigurisë ({m.Change}). Kontrolloni masat tuaja në Safeguard."]),
        Language.Sr => ($"Revidiran je bezbednosni plan za slučaj {m.CaseReference}", [$"Tim je revidirao bezbednosni plan ({m.Change}). Proverite svoje mere u Safeguard-u."]),
        _ => ($"Safety plan revised for case {m.CaseReference}", [$"The team revised the safety plan ({m.Change}). Check your measures in Safeguard."]),
    };
}

public sealed record MeasureAssignedEmail(string CaseReference, string MeasureCode, string Article, string? Frequency, Guid? PlanId = null) : ILinksToWorkspace
{
    public string? WorkspacePath => PlanId is { } id ? $"plans/{id}" : null;
}

/// <summary>To the responsible member: a measure of the plan is theirs (Annex 5 measures table).</summary>
public sealed class MeasureAssignedTemplate : EmailTemplate<MeasureAssignedEmail>
{
    public override string Key => "measure-assigned";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(MeasureAssignedEmail m, Language language)
    {
        var (r, measure, article) = (m.CaseReference, m.MeasureCode, m.Article);
        var often = m.Frequency is null ? "" : $" ({m.Frequency})";
        return language switch
        {
            Language.Mk => ($"Мерка од безбедносниот план за случај {r} е ваша", [$"Вие сте одговорно лице за мерката „{measure}“ ({article}){often} од безбедносниот план за случајот {r}. Евидентирајте го текот на мерката во листот за следење (Прилог 6)."]),
            Language.Sq => ($"Një masë e planit të sigurisë për rastin {r} është e juaja", [$"Ju jeni personi përgjegjës për masën „{measure}“ ({article}){often} të planit të sigurisë për rastin {r}. Regjistroni ecurinë e masës në fletën e monitorimit (Shtojca 6)."]),
            Language.Sr => ($"Mera iz bezbednosnog plana za slučaj {r} je vaša", [$"Vi ste odgovorno lice za meru „{measure}“ ({article}){often} iz bezbednosnog plana za slučaj {r}. Evidentirajte tok mere u listu za praćenje (Prilog 6)."]),
            _ => ($"A measure of the safety plan for case {r} is yours", [$"You are responsible for the measure \"{measure}\" ({article}){often} of the safety plan for case {r}. Record its progress on the monitoring sheet (Annex 6)."]),
        };
    }
}
