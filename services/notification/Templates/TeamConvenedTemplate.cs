namespace Safeguard.Notification.Templates;

/// <param name="Reasons">"high-risk", "professional-judgement", "police-emergency-measure", "new-risk", "raised-level".</param>
/// <param name="Role">"member" or "deputy".</param>
public sealed record TeamConvenedEmail(string CaseReference, IReadOnlyList<string> Reasons, bool Reconvened, DateTimeOffset ConvenedAt, string Role, Guid? PlanId = null) : ILinksToWorkspace
{
    public string? WorkspacePath => PlanId is { } id ? $"plans/{id}" : null;
}

/// <summary>To every member and deputy: the team is convened (Art. 17-19), or reconvened on new risk, marked urgent (Art. 21).</summary>
public sealed class TeamConvenedTemplate : EmailTemplate<TeamConvenedEmail>
{
    private static readonly Dictionary<string, Dictionary<Language, string>> ReasonText = new()
    {
        ["high-risk"] = new()
        {
            [Language.En] = "the risk assessment found a high risk", [Language.Mk] = "проценката утврди висок ризик",
            [Language.Sq] = "vlerësimi gjeti rrezik të lartë", [Language.Sr] = "procena je utvrdila visok rizik",
        },
        ["professional-judgement"] = new()
        {
            [Language.En] = "the professional judged that the team should act (Annex 1, §5.4)", [Language.Mk] = "стручното лице оцени дека тимот треба да постапува (Прилог 1, 5.4)",
            [Language.Sq] = "profesionisti vlerësoi se ekipi duhet të veprojë (Shtojca 1, 5.4)", [Language.Sr] = "stručno lice je procenilo da tim treba da postupa (Prilog 1, 5.4)",
        },
        ["police-emergency-measure"] = new()
        {
            [Language.En] = "the police proposed an emergency measure: removal of the perpetrator from the home (Art. 19)",
            [Language.Mk] = "полицијата предложи итна мерка: отстранување на сторителот од домот (член 19)",
            [Language.Sq] = "policia propozoi masë urgjente: largimin e dhunuesit nga shtëpia (neni 19)",
            [Language.Sr] = "policija je predložila hitnu meru: udaljenje počinioca iz doma (član 19)",
        },
        ["new-risk"] = new()
        {
            [Language.En] = "new or increased risk was reported (Art. 21)", [Language.Mk] = "пријавен е нов или зголемен ризик (член 21)",
            [Language.Sq] = "u raportua rrezik i ri ose i shtuar (neni 21)", [Language.Sr] = "prijavljen je nov ili povećan rizik (član 21)",
        },
        ["raised-level"] = new()
        {
            [Language.En] = "a reassessment raised the risk level (Art. 21)", [Language.Mk] = "повторната проценка го зголеми нивото на ризик (член 21)",
            [Language.Sq] = "rivlerësimi e ngriti nivelin e rrezikut (neni 21)", [Language.Sr] = "ponovna procena je povećala nivo rizika (član 21)",
        },
    };

    public override string Key => "team-convened";

    /// <summary>Why a team is (or would be) convened, in the reader's language.</summary>
    internal static string Why(IEnumerable<string> reasons, Language language) =>
        string.Join("; ", reasons.Select(reason => ReasonText.TryGetValue(reason, out var t) ? t[language] : reason));

    // Art. 17-19, 21: the team is convened immediately.
    public override bool Urgent => true;

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(TeamConvenedEmail m, Language language)
    {
        var r = m.CaseReference;
        var at = DisplayTime.Format(m.ConvenedAt);
        var why = Why(m.Reasons, language);
        var deputy = m.Role == "deputy";
        return language switch
        {
            Language.Mk => (m.Reconvened ? $"ИТНО: мултисекторскиот тим повторно се свикува за случај {r}" : $"Свикан е мултисекторскиот тим за случај {r}",
            [
                $"Вие сте {(deputy ? "заменик член" : "член")} на мултисекторскиот стручен тим. Тимот се свикува за случајот {r} на {at}, бидејќи {why}.",
                "Отворете го безбедносниот план во Safeguard за мерките и одговорните лица (членови 17–21 од Правилникот). Оваа порака намерно не содржи лични податоци.",
            ]),
            Language.Sq => (m.Reconvened ? $"URGJENT: ekipi multisektorial mblidhet sërish për rastin {r}" : $"Ekipi multisektorial u thirr për rastin {r}",
            [
                $"Ju jeni {(deputy ? "anëtar zëvendës" : "anëtar")} i ekipit multisektorial profesional. Ekipi thirret për rastin {r} më {at}, sepse {why}.",
                "Hapeni planin e sigurisë në Safeguard për masat dhe personat përgjegjës (nenet 17–21 të Rregullores). Ky mesazh me qëllim nuk përmban të dhëna personale.",
            ]),
            Language.Sr => (m.Reconvened ? $"HITNO: multisektorski tim se ponovo saziva za slučaj {r}" : $"Sazvan je multisektorski tim za slučaj {r}",
            [
                $"Vi ste {(deputy ? "zamenik člana" : "član")} multisektorskog stručnog tima. Tim se saziva za slučaj {r} dana {at}, jer {why}.",
                "Otvorite bezbednosni plan u Safeguard-u za mere i odgovorna lica (članovi 17–21 Pravilnika). Ova poruka namerno ne sadrži lične podatke.",
            ]),
            _ => (m.Reconvened ? $"URGENT: the multisectoral team is reconvened for case {r}" : $"The multisectoral team is convened for case {r}",
            [
                $"You are a {(deputy ? "deputy member" : "member")} of the multisectoral team. The team is convened for case {r} on {at} because {why}.",
                "Open the safety plan in Safeguard to see the measures and who is responsible for them (Articles 17–21 of the Rulebook). This message deliberately carries no personal data.",
            ]),
        };
    }
}
