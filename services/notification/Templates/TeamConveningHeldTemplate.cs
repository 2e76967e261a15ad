namespace Safeguard.Notification.Templates;

/// <param name="Reasons">Why the team would have been convened.</param>
/// <param name="EmergencyMeasures">The police's emergency measures recorded on the plan (Art. 19).</param>
public sealed record TeamConveningHeldEmail(string CaseReference, IReadOnlyList<string> Reasons, IReadOnlyList<string> EmergencyMeasures, DateTimeOffset At);

/// <summary>
/// To the centre's mailbox, once per plan: the team must act but the victim refused it (Annex 2 §3; Art. 11, 20),
/// so it is not convened; a professional assesses her reasons and offers psychosocial support (Art. 22). Urgent:
/// the risk that called for the team is still there.
/// </summary>
public sealed class TeamConveningHeldTemplate : EmailTemplate<TeamConveningHeldEmail>
{
    public override string Key => "team-convening-held";

    public override bool Urgent => true;

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(TeamConveningHeldEmail m, Language language)
    {
        var r = m.CaseReference;
        var at = DisplayTime.Format(m.At);
        var why = TeamConvenedTemplate.Why(m.Reasons, language);
        var police = m.EmergencyMeasures.Count > 0;
        return language switch
        {
            Language.Mk => ($"Случај {r}: тимот не е свикан без согласност на жртвата",
            [
                $"На {at} мултисекторскиот тим требаше да се свика за случајот {r}, бидејќи {why}. Жртвата не се согласи со свикување на тимот и безбедносен план (Прилог 2), па тимот не е свикан (член 11, 20).",
                $"Проценете ги причините и понудете ѝ психо-социјална поддршка (член 22), и евидентирајте го тоа во случајот.{(police ? " Итните мерки на полицијата (член 19) се евидентирани во планот." : "")}",
                "Оваа порака намерно не содржи лични податоци.",
            ]),
            Language.Sq => ($"Rasti {r}: ekipi nuk u thirr pa pëlqimin e viktimës",
            [
                $"Më {at} ekipi multisektorial duhej të thirrej për rastin {r}, sepse {why}. Viktima nuk pranoi thirrjen e ekipit dhe planin e sigurisë (Shtojca 2), prandaj ekipi nuk u thirr (neni 11, 20).",
                $"Vlerësoni arsyet dhe ofrojini mbështetje psiko-sociale (neni 22), dhe regjistrojeni këtë në rast.{(police ? " Masat urgjente të policisë (neni 19) janë regjistruar në plan." : "")}",
                "Ky mesazh me qëllim nuk përmban të dhëna personale.",
            ]),
            Language.Sr => ($"Slučaj {r}: tim nije sazvan bez pristanka žrtve",
            [
                $"Dana {at} multisektorski tim je trebalo da bude sazvan za slučaj {r}, jer {why}. Žrtva nije pristala na sazivanje tima i bezbednosni plan (Prilog 2), pa tim nije sazvan (član 11, 20).",
                $"Procenite razloge i ponudite joj psiho-socijalnu podršku (član 22), i evidentirajte to u slučaju.{(police ? " Hitne mere policije (član 19) evidentirane su u planu." : "")}",
                "Ova poruka namerno ne sadrži lične podatke.",
            ]),
            _ => ($"Case {r}: the team is not convened without the victim's consent",
            [
                $"At {at} the multisectoral team was to be convened for case {r}, because {why}. The victim did not consent to convening the team and the safety plan (Annex 2), so it is not convened (Art. 11, 20).",
                $"Assess her reasons and offer her psychosocial support (Art. 22), and record it on the case.{(police ? " The police's emergency measures (Art. 19) are recorded on the plan." : "")}",
                "This message deliberately carries no personal data.",
            ]),
        };
    }
}
