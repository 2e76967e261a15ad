namespace Safeguard.Notification.Templates;

public sealed record ReferralSentEmail(string ReferralReference, string Service, string InstitutionName, DateTimeOffset AnswerBy);

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
        return language switch
        {
            Language.Mk => ($"Упатување {r}: {s}",
            [
                $"{m.InstitutionName} доби упатување {r} за услугата „{s}“ од општинската канцеларија за реинтеграција.",
                $"Прифатете го или одбијте го до {by}. Податоците за лицето, за кои е дадена согласност, се во Safeguard.",
            ]),
            Language.Sq => ($"Referimi {r}: {s}",
            [
                $"{m.InstitutionName} mori referimin {r} për shërbimin \"{s}\" nga zyra komunale për riintegrim.",
                $"Pranojeni ose refuzojeni deri më {by}. Të dhënat e personit, për të cilat është dhënë pëlqimi, janë në Safeguard.",
            ]),
            Language.Sr => ($"Uput {r}: {s}",
            [
                $"{m.InstitutionName} je dobio uput {r} za uslugu „{s}“ od opštinske kancelarije za reintegraciju.",
                $"Prihvatite ga ili odbijte do {by}. Podaci o licu, za koje je data saglasnost, nalaze se u Safeguard-u.",
            ]),
            _ => ($"Referral {r}: {s}",
            [
                $"{m.InstitutionName} has received referral {r} for the service \"{s}\" from the municipal reintegration office.",
                $"Please accept or reject it by {by}. The person's details, which they consented to share with you, are in Safeguard.",
            ]),
        };
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
