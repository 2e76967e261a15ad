namespace Safeguard.Notification.Templates;

/// <summary>The model of the handover e-mail to the centre: reference and dates, nothing personal.</summary>
public sealed record PreReleaseHandoverEmail(string CaseReference, DateTimeOffset ExpectedReleaseAt, DateTimeOffset VisitDueAt);

/// <summary>
/// Tells the centre for social work of the place of residence that a prison handed a prisoner over before release
/// (000 §4.3.4) and what to prepare: the joint visit within 72 hours of release (004 §1.1) and the help after it (000 §4.2.4).
/// </summary>
public sealed class PreReleaseHandoverTemplate : EmailTemplate<PreReleaseHandoverEmail>
{
    public override string Key => "pre-release-handover";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(PreReleaseHandoverEmail m, Language language)
    {
        var (r, release, visit) = (m.CaseReference, DisplayTime.Format(m.ExpectedReleaseAt), DisplayTime.Format(m.VisitDueAt));
        return language switch
        {
            Language.Mk => (
                $"Предавање пред отпуст {r}: отпуст околу {release}",
                [
                    $"Казнено-поправна установа го предаде случајот {r} на вашиот центар како центар за социјална работа по место на живеење. Отпустот се очекува околу {release}.",
                    $"Подгответе: заедничка посета со општинската канцеларија за заедници и враќање во рок од 72 часа од отпустот, до {visit} (план 004 §1.1), и помошта по отпустот: документи, сместување, социјална помош, вработување (000 §4.2.4).",
                    "Предавањето е во Safeguard, под „Предавања“. Оваа порака намерно не содржи лични податоци.",
                ]),
            Language.Sq => (
                $"Dorëzim para lirimit {r}: lirimi rreth {release}",
                [
                    $"Një institucion ndëshkimor-korrektues ia dorëzoi rastin {r} qendrës suaj si qendër për punë sociale e vendbanimit. Lirimi pritet rreth {release}.",
                    $"Përgatitni: vizitën e përbashkët me zyrën komunale për komunitete dhe kthim brenda 72 orëve nga lirimi, deri më {visit} (plani 004 §1.1), dhe ndihmën pas lirimit: dokumente, strehim, ndihmë sociale, punësim (000 §4.2.4).",
                    "Dorëzimi është në Safeguard, te „Dorëzimet“. Ky mesazh me qëllim nuk përmban të dhëna personale.",
                ]),
            Language.Sr => (
                $"Predaja pre otpusta {r}: otpust oko {release}",
                [
                    $"Kazneno-popravna ustanova predala je slučaj {r} vašem centru kao centru za socijalni rad prema mestu prebivališta. Otpust se očekuje oko {release}.",
                    $"Pripremite: zajedničku posetu sa opštinskom kancelarijom za zajednice i povratak u roku od 72 sata od otpusta, do {visit} (plan 004 §1.1), i pomoć posle otpusta: dokumenta, smeštaj, socijalna pomoć, zapošljavanje (000 §4.2.4).",
                    "Predaja je u Safeguard-u, pod „Predaje“. Ova poruka namerno ne sadrži lične podatke.",
                ]),
            _ => (
                $"Pre-release handover {r}: release expected around {release}",
                [
                    $"A prison has handed case {r} over to your centre as the centre for social work of the place of residence. The release is expected around {release}.",
                    $"Prepare the joint visit with the municipal office for communities and returns within 72 hours of the release, by {visit} (plan 004 §1.1), and the help after release: documents, accommodation, social assistance, employment (000 §4.2.4).",
                    "The handover is in Safeguard under Handovers. This message deliberately carries no personal data.",
                ]),
        };
    }
}
