namespace Safeguard.Notification.Templates;

/// <summary>The model of the "case opened" e-mail to the centre: reference and deadline, nothing personal.</summary>
public sealed record CaseOpenedEmail(string CaseReference, DateTimeOffset AssessmentDueAt);

/// <summary>Tells the centre for social work that a case was opened and when its risk assessment is due (Rulebook Art. 5).</summary>
public sealed class CaseOpenedTemplate : EmailTemplate<CaseOpenedEmail>
{
    public const string TemplateKey = "case-opened";

    public override string Key => TemplateKey;

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(CaseOpenedEmail model, Language language)
    {
        var reference = model.CaseReference;
        var due = DisplayTime.Format(model.AssessmentDueAt);
        return language switch
        {
            Language.Mk => (
                $"Нов случај {reference}: проценката на ризик е до {due}",
                [
                    $"Во вашиот центар е отворен случај со број {reference}.",
                    $"Според член 5 од Правилникот, проценката на ризикот се врши веднаш, а најдоцна во рок од 12 часа откако центарот дознал за насилството: до {due}.",
                    "Отворете го случајот во Safeguard. Оваа порака намерно не содржи лични податоци.",
                ]),
            Language.Sq => (
                $"Rast i ri {reference}: vlerësimi i rrezikut deri më {due}",
                [
                    $"Në qendrën tuaj është hapur rasti me numër {reference}.",
                    $"Sipas nenit 5 të Rregullores, vlerësimi i rrezikut bëhet menjëherë dhe jo më vonë se 12 orë nga momenti kur qendra mësoi për dhunën: deri më {due}.",
                    "Hapeni rastin në Safeguard. Ky mesazh me qëllim nuk përmban të dhëna personale.",
                ]),
            Language.Sr => (
                $"Novi slučaj {reference}: procena rizika do {due}",
                [
                    $"U vašem centru otvoren je slučaj broj {reference}.",
                    $"Prema članu 5 Pravilnika, procena rizika vrši se odmah, a najkasnije u roku od 12 časova od kada je centar saznao za nasilje: do {due}.",
                    "Otvorite slučaj u Safeguard-u. Ova poruka namerno ne sadrži lične podatke.",
                ]),
            _ => (
                $"New case {reference}: risk assessment due by {due}",
                [
                    $"A case has been opened at your centre under reference {reference}.",
                    $"Under Article 5 of the Rulebook the risk assessment is made immediately, and at the latest within 12 hours of the centre learning of the violence: by {due}.",
                    "Open the case in Safeguard. This message deliberately carries no personal data.",
                ]),
        };
    }
}
