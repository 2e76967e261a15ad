namespace Safeguard.Notification.Templates;

/// <param name="Role">"member" or "deputy".</param>
/// <summary>The code is typed on the workspace's seat page, never carried in the link.</summary>
public sealed record TeamSeatInvitationEmail(string TeamName, string InstitutionName, string Role, string Code, DateTimeOffset ExpiresAt) : ILinksToWorkspace
{
    public string? WorkspacePath => "seats";
}

/// <summary>
/// To a professional seated on a multisectoral team (Annex 4): the one-time code that binds the seat to the account
/// she signs in with (issue 22 §4). Until she enters it she cannot act in the seat; nobody else can either.
/// </summary>
public sealed class TeamSeatInvitationTemplate : EmailTemplate<TeamSeatInvitationEmail>
{
    public override string Key => "team-seat-invitation";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(TeamSeatInvitationEmail m, Language language)
    {
        var (team, institution, code, until, deputy) = (m.TeamName, m.InstitutionName, m.Code, DisplayTime.Format(m.ExpiresAt), m.Role == "deputy");
        return language switch
        {
            Language.Mk => ($"Safeguard: местото во тимот „{team}“", [
                $"Определени сте како {(deputy ? "заменик член" : "член")} на мултисекторскиот тим „{team}“ за {institution} (Прилог 4 од Правилникот).",
                $"Најавете се во Safeguard со вашата сметка и внесете го кодот {code} за да го преземете местото. Кодот важи до {until} и се користи еднаш.",
                "Само сметката што ќе го внесе кодот постапува во ова место. Ако не го очекувавте, известете го центарот за социјална работа."]),
            Language.Sq => ($"Safeguard: vendi juaj në ekipin \"{team}\"", [
                $"Jeni caktuar {(deputy ? "anëtar zëvendës" : "anëtar")} i ekipit multisektorial \"{team}\" për {institution} (Shtojca 4 e Rregullores).",
                $"Hyni në Safeguard me llogarinë tuaj dhe shkruani kodin {code} për ta marrë vendin. Kodi vlen deri më {until} dhe përdoret një herë.",
                "Vetëm llogaria që shkruan kodin vepron në këtë vend. Nëse nuk e prisnit, njoftoni qendrën për punë sociale."]),
            Language.Sr => ($"Safeguard: vaše mesto u timu „{team}“", [
                $"Određeni ste za {(deputy ? "zamenika člana" : "člana")} multisektorskog tima „{team}“ za {institution} (Prilog 4 Pravilnika).",
                $"Prijavite se u Safeguard svojim nalogom i unesite kod {code} da preuzmete mesto. Kod važi do {until} i koristi se jednom.",
                "Samo nalog koji unese kod postupa u ovom mestu. Ako ga niste očekivali, obavestite centar za socijalni rad."]),
            _ => ($"Safeguard: your seat on the team \"{team}\"", [
                $"You have been named {(deputy ? "deputy member" : "member")} of the multisectoral team \"{team}\" for {institution} (Annex 4 of the Rulebook).",
                $"Sign in to Safeguard with your account and enter the code {code} to take the seat. The code works once, until {until}.",
                "Only the account that enters the code acts in this seat. If you did not expect this, tell the centre for social work."]),
        };
    }
}
