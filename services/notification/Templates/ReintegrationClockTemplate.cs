namespace Safeguard.Notification.Templates;

/// <param name="Clock">"visit", "monthly-monitoring", "quarterly-evaluation", "twelve-month-review" or "final-assessment".</param>
/// <param name="Stage">"due" or "overdue".</param>
public sealed record ReintegrationClockEmail(string CaseReference, string Clock, string Stage, DateTimeOffset DeadlineAt);

/// <summary>To the municipal office's mailbox: a reintegration deadline is near or passed (004 §1.1-1.5, 2.7).</summary>
public sealed class ReintegrationClockTemplate : EmailTemplate<ReintegrationClockEmail>
{
    private static readonly Dictionary<string, Dictionary<Language, string>> Duty = new()
    {
        ["visit"] = new() { [Language.En] = "the visit and needs assessment, within 72 hours of arrival (§1.1)", [Language.Mk] = "посетата и проценката на потребите, во рок од 72 часа од пристигнувањето (§1.1)", [Language.Sq] = "vizita dhe vlerësimi i nevojave, brenda 72 orëve nga mbërritja (§1.1)", [Language.Sr] = "poseta i procena potreba, u roku od 72 sata od dolaska (§1.1)" },
        ["monthly-monitoring"] = new() { [Language.En] = "the monthly monitoring of the individual plan (§1.4)", [Language.Mk] = "месечното следење на индивидуалниот план (§1.4)", [Language.Sq] = "monitorimi mujor i planit individual (§1.4)", [Language.Sr] = "mesečno praćenje individualnog plana (§1.4)" },
        ["quarterly-evaluation"] = new() { [Language.En] = "the quarterly evaluation of the schemes (§1.4)", [Language.Mk] = "тромесечната оценка на шемите (§1.4)", [Language.Sq] = "vlerësimi tremujor i skemave (§1.4)", [Language.Sr] = "tromesečna procena šema (§1.4)" },
        ["twelve-month-review"] = new() { [Language.En] = "the 12-month review of support beyond 12 months (§2.7)", [Language.Mk] = "прегледот по 12 месеци за поддршка и по 12 месеци (§2.7)", [Language.Sq] = "rishikimi pas 12 muajve për mbështetje përtej 12 muajve (§2.7)", [Language.Sr] = "pregled nakon 12 meseci o podršci i posle 12 meseci (§2.7)" },
        ["final-assessment"] = new() { [Language.En] = "the final assessment and closure after 18 months (§1.5)", [Language.Mk] = "конечната оценка и затворање по 18 месеци (§1.5)", [Language.Sq] = "vlerësimi përfundimtar dhe mbyllja pas 18 muajve (§1.5)", [Language.Sr] = "konačna procena i zatvaranje nakon 18 meseci (§1.5)" },
    };

    public override string Key => "reintegration-clock";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(ReintegrationClockEmail m, Language language)
    {
        var (r, by) = (m.CaseReference, DisplayTime.Format(m.DeadlineAt));
        var duty = Duty.TryGetValue(m.Clock, out var d) ? d[language] : m.Clock;
        var overdue = m.Stage == "overdue";
        return language switch
        {
            Language.Mk => (overdue ? $"ДОЦНИ: случај {r}: {duty}" : $"Рок {by}: случај {r}: {duty}",
                [overdue ? $"За случајот {r}, {duty} требаше да се направи до {by} и доцни." : $"За случајот {r}, {duty} треба да се направи до {by}."]),
            Language.Sq => (overdue ? $"ME VONESË: rasti {r}: {duty}" : $"Afati {by}: rasti {r}: {duty}",
                [overdue ? $"Për rastin {r}, {duty} duhej të bëhej deri më {by} dhe është me vonesë." : $"Për rastin {r}, {duty} duhet të bëhet deri më {by}."]),
            Language.Sr => (overdue ? $"KASNI: slučaj {r}: {duty}" : $"Rok {by}: slučaj {r}: {duty}",
                [overdue ? $"Za slučaj {r}, {duty} trebalo je da se uradi do {by} i kasni." : $"Za slučaj {r}, {duty} treba da se uradi do {by}."]),
            _ => (overdue ? $"OVERDUE: case {r}: {duty}" : $"Due by {by}: case {r}: {duty}",
                [overdue ? $"For case {r}, {duty} was due by {by} and is overdue." : $"For case {r}, {duty} is due by {by}."]),
        };
    }
}
