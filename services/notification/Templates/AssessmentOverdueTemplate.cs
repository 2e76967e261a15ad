namespace Safeguard.Notification.Templates;

public sealed record AssessmentOverdueEmail(string CaseReference, DateTimeOffset AssessmentDueAt);

/// <summary>To the centre: a case's risk assessment passed its 12 hours (Rulebook Art. 5).</summary>
public sealed class AssessmentOverdueTemplate : EmailTemplate<AssessmentOverdueEmail>
{
    public override string Key => "assessment-overdue";

    // Art. 5: the assessment is already past its 12 hours.
    public override bool Urgent => true;

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(AssessmentOverdueEmail m, Language language)
    {
        var (r, due) = (m.CaseReference, DisplayTime.Format(m.AssessmentDueAt));
        return language switch
        {
            Language.Mk => ($"ДОЦНИ: проценка на ризик за случај {r} (рок {due})",
            [
                $"Проценката на ризик за случајот {r} требаше да биде направена до {due}: според член 5 од Правилникот се врши веднаш, а најдоцна во рок од 12 часа откако центарот дознал за насилството.",
                "Направете ја проценката веднаш или евидентирајте зошто не може да се направи.",
            ]),
            Language.Sq => ($"ME VONESË: vlerësimi i rrezikut për rastin {r} (afati {due})",
            [
                $"Vlerësimi i rrezikut për rastin {r} duhej të bëhej deri më {due}: sipas nenit 5 të Rregullores bëhet menjëherë dhe jo më vonë se 12 orë nga momenti kur qendra mësoi për dhunën.",
                "Bëjeni vlerësimin tani ose regjistroni pse nuk mund të bëhet.",
            ]),
            Language.Sr => ($"KASNI: procena rizika za slučaj {r} (rok {due})",
            [
                $"Procena rizika za slučaj {r} trebalo je da bude urađena do {due}: prema članu 5 Pravilnika vrši se odmah, a najkasnije u roku od 12 časova od kada je centar saznao za nasilje.",
                "Uradite procenu odmah ili evidentirajte zašto ne može da se uradi.",
            ]),
            _ => ($"OVERDUE: risk assessment of case {r} (due {due})",
            [
                $"The risk assessment of case {r} was due by {due}: under Article 5 of the Rulebook it is made immediately, and at the latest within 12 hours of the centre learning of the violence.",
                "Make the assessment now, or record why it cannot be made.",
            ]),
        };
    }
}
