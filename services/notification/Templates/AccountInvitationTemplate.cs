namespace Safeguard.Notification.Templates;

public sealed record AccountInvitationEmail(string InstitutionName, IReadOnlyList<string> Roles, string ActivationUrl, DateTimeOffset ExpiresAt);

/// <summary>To a professional whose account was registered: the one-time link to choose a password and enrol her authenticator.</summary>
public sealed class AccountInvitationTemplate : EmailTemplate<AccountInvitationEmail>
{
    public override string Key => "account-invitation";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(AccountInvitationEmail m, Language language)
    {
        var (institution, roles, link, until) = (m.InstitutionName, string.Join(", ", m.Roles), m.ActivationUrl, DisplayTime.Format(m.ExpiresAt));
        return language switch
        {
            Language.Mk => ($"Safeguard: вашата сметка за {institution}", [
                $"Отворена ви е сметка на платформата Safeguard за {institution} (улоги: {roles}).",
                $"Изберете лозинка и поврзете апликација за автентикација на: {link}",
                $"Врската важи до {until} и може да се користи еднаш. Ако не ја очекувавте, не ја отворајте и известете го вашиот администратор."]),
            Language.Sq => ($"Safeguard: llogaria juaj për {institution}", [
                $"Ju është hapur një llogari në platformën Safeguard për {institution} (rolet: {roles}).",
                $"Zgjidhni fjalëkalimin dhe lidhni aplikacionin e vërtetimit te: {link}",
                $"Lidhja vlen deri më {until} dhe përdoret një herë. Nëse nuk e prisnit, mos e hapni dhe njoftoni administratorin tuaj."]),
            Language.Sr => ($"Safeguard: vaš nalog za {institution}", [
                $"Otvoren vam je nalog na platformi Safeguard za {institution} (uloge: {roles}).",
                $"Izaberite lozinku i povežite aplikaciju za autentifikaciju na: {link}",
                $"Veza važi do {until} i koristi se jednom. Ako je niste očekivali, ne otvarajte je i obavestite svog administratora."]),
            _ => ($"Safeguard: your account at {institution}", [
                $"An account on the Safeguard platform was opened for you at {institution} (roles: {roles}).",
                $"Choose your password and link an authenticator app at: {link}",
                $"The link works once, until {until}. If you did not expect it, do not open it and tell your administrator."]),
        };
    }
}
