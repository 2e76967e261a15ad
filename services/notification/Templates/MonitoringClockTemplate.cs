namespace Safeguard.Notification.Templates;

/// <param name="Clock">"first-contact", "member-contact", "daily-report", "weekly-evaluation", "reconvene", "custody" or "review".</param>
/// <param name="Stage">"due" or "overdue".</param>
/// <param name="AsCaseManager">A copy to the centre's case manager of someone else's overdue clock.</param>
/// <param name="PlanId">The plan whose page she acts on (null for e-mails recorded before the workspace).</param>
public sealed record MonitoringClockEmail(string CaseReference, string Clock, string Stage, DateTimeOffset DeadlineAt, bool AsCaseManager, Guid? PlanId = null) : ILinksToWorkspace
{
    public string? WorkspacePath => PlanId is { } id ? $"plans/{id}" : null;
}

/// <summary>To whoever owes a monitoring duty (Art. 15, 21, 31), and on overdue to the case manager too.</summary>
public sealed class MonitoringClockTemplate : EmailTemplate<MonitoringClockEmail>
{
    private static readonly Dictionary<string, Dictionary<Language, string>> Duty = new()
    {
        ["first-contact"] = new() { [Language.En] = "the first contact with the victim (Art. 15)", [Language.Mk] = "првиот контакт со жртвата (член 15)", [Language.Sq] = "kontakti i parë me viktimën (neni 15)", [Language.Sr] = "prvi kontakt sa žrtvom (član 15)" },
        ["member-contact"] = new() { [Language.En] = "your contact with the victim, at least every 48 hours (Art. 21)", [Language.Mk] = "вашиот контакт со жртвата, најмалку на 48 часа (член 21)", [Language.Sq] = "kontakti juaj me viktimën, të paktën çdo 48 orë (neni 21)", [Language.Sr] = "vaš kontakt sa žrtvom, najmanje na 48 časova (član 21)" },
        ["daily-report"] = new() { [Language.En] = "your report to the centre for this working day (Art. 21)", [Language.Mk] = "вашето известување до центарот за овој работен ден (член 21)", [Language.Sq] = "raporti juaj në qendër për këtë ditë pune (neni 21)", [Language.Sr] = "vaš izveštaj centru za ovaj radni dan (član 21)" },
        ["weekly-evaluation"] = new() { [Language.En] = "the team's weekly evaluation of the plan (Art. 21)", [Language.Mk] = "неделната оценка на планот од тимот (член 21)", [Language.Sq] = "vlerësimi javor i planit nga ekipi (neni 21)", [Language.Sr] = "nedeljna ocena plana od strane tima (član 21)" },
        ["reconvene"] = new() { [Language.En] = "the team's meeting on the new risk (Art. 21)", [Language.Mk] = "состанокот на тимот за новиот ризик (член 21)", [Language.Sq] = "mbledhja e ekipit për rrezikun e ri (neni 21)", [Language.Sr] = "sastanak tima o novom riziku (član 21)" },
        ["review"] = new() { [Language.En] = "the review of the victim's individual plan (Art. 16)", [Language.Mk] = "ревидирањето на индивидуалниот план на жртвата (член 16)", [Language.Sq] = "rishikimi i planit individual të viktimës (neni 16)", [Language.Sr] = "revizija individualnog plana žrtve (član 16)" },
        ["custody"] = new() { [Language.En] = "temporary custody of the children to the victim parent (Art. 31)", [Language.Mk] = "привременото доверување на децата на родителот жртва (член 31)", [Language.Sq] = "kujdestaria e përkohshme e fëmijëve te prindi viktimë (neni 31)", [Language.Sr] = "privremeno poveravanje dece roditelju žrtvi (član 31)" },
    };

    public override string Key => "monitoring-clock";

    // Art. 15, 21, 31: contact and custody deadlines measured in hours.
    public override bool Urgent => true;

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(MonitoringClockEmail m, Language language)
    {
        var (r, by) = (m.CaseReference, DisplayTime.Format(m.DeadlineAt));
        var duty = Duty.TryGetValue(m.Clock, out var d) ? d[language] : m.Clock;
        var overdue = m.Stage == "overdue";
        return language switch
        {
            Language.Mk => (overdue ? $"ДОЦНИ: случај {r}: {duty}" : $"Рок {by}: случај {r}: {duty}",
            [
                overdue ? $"За случајот {r}, {duty} требаше да се оствари до {by} и доцни." : $"За случајот {r}, {duty} треба да се оствари до {by}.",
                m.AsCaseManager ? "Ја добивате оваа порака како водител на случајот во центарот." : "Евидентирајте го во листот за следење во Safeguard.",
            ]),
            Language.Sq => (overdue ? $"ME VONESË: rasti {r}: {duty}" : $"Afati {by}: rasti {r}: {duty}",
            [
                overdue ? $"Për rastin {r}, {duty} duhej të bëhej deri më {by} dhe është me vonesë." : $"Për rastin {r}, {duty} duhet të bëhet deri më {by}.",
                m.AsCaseManager ? "E merrni këtë mesazh si menaxher i rastit në qendër." : "Regjistrojeni në fletën e monitorimit në Safeguard.",
            ]),
            Language.Sr => (overdue ? $"KASNI: slučaj {r}: {duty}" : $"Rok {by}: slučaj {r}: {duty}",
            [
                overdue ? $"Za slučaj {r}, {duty} trebalo je da se ostvari do {by} i kasni." : $"Za slučaj {r}, {duty} treba da se ostvari do {by}.",
                m.AsCaseManager ? "Ovu poruku dobijate kao voditelj slučaja u centru." : "Evidentirajte to u listu za praćenje u Safeguard-u.",
            ]),
            _ => (overdue ? $"OVERDUE: case {r}: {duty}" : $"Due by {by}: case {r}: {duty}",
            [
                overdue ? $"For case {r}, {duty} was due by {by} and is overdue." : $"For case {r}, {duty} is due by {by}.",
                m.AsCaseManager ? "You receive this as the centre's case manager." : "Record it on the monitoring sheet in Safeguard.",
            ]),
        };
    }
}
