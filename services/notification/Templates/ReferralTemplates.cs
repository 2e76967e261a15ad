namespace Safeguard.Notification.Templates;

/// <param name="Code">The one-time code by which the contact's account takes the referral (issue 22 §4).</param>
public sealed record ReferralSentEmail(string ReferralReference, string Service, string InstitutionName, DateTimeOffset AnswerBy, string? Code = null);

/// <summary>
/// To the receiving institution's contact: a reintegration referral awaits an answer (004 §2.3). The person's
/// identity is not in the e-mail; the contact reads it in Safeguard, where the consent was checked.
/// </summary>
public sealed class ReferralSentTemplate : EmailTemplate<ReferralSentEmail>
{
    public override string Key => "referral-sent";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(ReferralSentEmail m, Language language)
    {
        var (r, s, by) = (m.ReferralReference, m.Service, DisplayTime.Format(m.AnswerBy));
        var (subject, paragraphs) = language switch
        {
            Language.Mk => ($"Упатување {r}: {s}", new List<string>
            {
                $"{m.InstitutionName} доби упатување {r} за услугата „{s}“ од општинската канцеларија за реинтеграција.",
                $"Прифатете го или одбијте го до {by}. Податоците за лицето, за кои е дадена согласност, се во Safeguard.",
            }),
            Language.Sq => ($"Referimi {r}: {s}", new List<string>
            {
                $"{m.InstitutionName} mori referimin {r} për shërbimin \"{s}\" nga zyra komunale për riintegrim.",
                $"Pranojeni ose refuzojeni deri më {by}. Të dhënat e personit, për të cilat është dhënë pëlqimi, janë në Safeguard.",
            }),
            Language.Sr => ($"Uput {r}: {s}", new List<string>
            {
                $"{m.InstitutionName} je dobio uput {r} za uslugu „{s}“ od opštinske kancelarije za reintegraciju.",
                $"Prihvatite ga ili odbijte do {by}. Podaci o licu, za koje je data saglasnost, nalaze se u Safeguard-u.",
            }),
            _ => ($"Referral {r}: {s}", new List<string>
            {
                $"{m.InstitutionName} has received referral {r} for the service \"{s}\" from the municipal reintegration office.",
                $"Please accept or reject it by {by}. The person's details, which they consented to share with you, are in Safeguard.",
            }),
        };
        if (m.Code is { } code)
        {
            paragraphs.Add(language switch
            {
                Language.Mk => $"За да го отворите, најавете се во Safeguard со вашата сметка и внесете го кодот {code} (еднаш). Само таа сметка одговара на упатувањето.",
                Language.Sq => $"Për ta hapur, hyni në Safeguard me llogarinë tuaj dhe shkruani kodin {code} (një herë). Vetëm ajo llogari i përgjigjet referimit.",
                Language.Sr => $"Da biste ga otvorili, prijavite se u Safeguard svojim nalogom i unesite kod {code} (jednom). Samo taj nalog odgovara na uput.",
                _ => $"To open it, sign in to Safeguard with your account and enter the code {code} (once). Only that account answers the referral.",
            });
        }
        return (subject, paragraphs);
    }
}

public sealed record ReferralRevokedEmail(string ReferralReference, string Service);

/// <summary>To the receiving institution's contact: the referral was revoked; stop acting on it.</summary>
public sealed class ReferralRevokedTemplate : EmailTemplate<ReferralRevokedEmail>
{
    public override string Key => "referral-revoked";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(ReferralRevokedEmail m, Language language) => language switch
    {
        Language.Mk => ($"Повлечено упатување {m.ReferralReference}",
            [$"Упатувањето {m.ReferralReference} за „{m.Service}“ е повлечено. Не постапувајте понатаму по него и не ги користете податоците за лицето за оваа намена."]),
        Language.Sq => ($"Referimi {m.ReferralReference} u tërhoq",
            [$"Referimi {m.ReferralReference} për \"{m.Service}\" u tërhoq. Mos veproni më tej sipas tij dhe mos i përdorni të dhënat e personit për këtë qëllim."]),
        Language.Sr => ($"Povučen uput {m.ReferralReference}",
            [$"Uput {m.ReferralReference} za „{m.Service}“ je povučen. Ne postupajte dalje po njemu i ne koristite podatke o licu u ovu svrhu."]),
        _ => ($"Referral {m.ReferralReference} revoked",
            [$"Referral {m.ReferralReference} for \"{m.Service}\" has been revoked. Do not act on it further, and do not use the person's data for this purpose."]),
    };
}

public sealed record ReferralChaseEmail(string ReferralReference, string Service, DateTimeOffset SentAt, DateTimeOffset AnswerBy);

/// <summary>To the receiving institution's contact, once: the referral's answer date has passed without an answer (004 §2.3).</summary>
public sealed class ReferralChaseTemplate : EmailTemplate<ReferralChaseEmail>
{
    public override string Key => "referral-chase";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(ReferralChaseEmail m, Language language)
    {
        var (r, s, sent, by) = (m.ReferralReference, m.Service, DisplayTime.Format(m.SentAt), DisplayTime.Format(m.AnswerBy));
        return language switch
        {
            Language.Mk => ($"Потсетник: упатување {r} чека одговор",
                [$"Упатувањето {r} за „{s}“, испратено на {sent}, требаше да биде прифатено или одбиено до {by}.", "Одговорете во Safeguard. Општинската канцеларија е известена дека одговорот доцни."]),
            Language.Sq => ($"Kujtesë: referimi {r} pret përgjigje",
                [$"Referimi {r} për \"{s}\", i dërguar më {sent}, duhej të pranohej ose refuzohej deri më {by}.", "Përgjigjuni në Safeguard. Zyra komunale është njoftuar se përgjigja vonon."]),
            Language.Sr => ($"Podsetnik: uput {r} čeka odgovor",
                [$"Uput {r} za „{s}“, poslat {sent}, trebalo je prihvatiti ili odbiti do {by}.", "Odgovorite u Safeguard-u. Opštinska kancelarija je obaveštena da odgovor kasni."]),
            _ => ($"Reminder: referral {r} awaits your answer",
                [$"Referral {r} for \"{s}\", sent on {sent}, was to be accepted or rejected by {by}.", "Please answer it in Safeguard. The municipal office has been told the answer is late."]),
        };
    }
}

public sealed record ReferralUnansweredEmail(string ReferralReference, string Service, string InstitutionName, DateTimeOffset AnswerBy);

/// <summary>To the referring officer (or her office's mailbox), once: the institution has not answered the referral by its date.</summary>
public sealed class ReferralUnansweredTemplate : EmailTemplate<ReferralUnansweredEmail>
{
    public override string Key => "referral-unanswered";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(ReferralUnansweredEmail m, Language language)
    {
        var (r, s, i, by) = (m.ReferralReference, m.Service, m.InstitutionName, DisplayTime.Format(m.AnswerBy));
        return language switch
        {
            Language.Mk => ($"Без одговор: упатување {r} до {i}",
                [$"{i} не одговори на упатувањето {r} за „{s}“ до {by}. Контактот е потсетен еднаш.", "Јавете му се на контактот или повлечете го упатувањето и упатете на друго место."]),
            Language.Sq => ($"Pa përgjigje: referimi {r} te {i}",
                [$"{i} nuk iu përgjigj referimit {r} për \"{s}\" deri më {by}. Kontakti u kujtua një herë.", "Telefononi kontaktin, ose tërhiqeni referimin dhe referojeni diku tjetër."]),
            Language.Sr => ($"Bez odgovora: uput {r} za {i}",
                [$"{i} nije odgovorio na uput {r} za „{s}“ do {by}. Kontakt je podsećen jednom.", "Pozovite kontakt, ili povucite uput i uputite na drugo mesto."]),
            _ => ($"Unanswered: referral {r} to {i}",
                [$"{i} has not answered referral {r} for \"{s}\" by {by}. Their contact has been reminded once.", "Call the contact, or revoke the referral and refer elsewhere."]),
        };
    }
}
