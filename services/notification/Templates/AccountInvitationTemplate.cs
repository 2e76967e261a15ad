namespace Safeguard.Notification.Templates;

public sealed record AccountInvitationEmail(string InstitutionName, IReadOnlyList<string> Roles, string ActivationUrl, DateTimeOffset ExpiresAt, bool Reset = false);

/// <summary>To a professional whose account was registered: the one-time link to choose a password and enrol her authenticator.</summary>
public sealed class AccountInvitationTemplate : EmailTemplate<AccountInvitationEmail>
{
    public override string Key => "account-invitation";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(AccountInvitationEmail m, Language language)
    {
        var (institution, roles, link, until) = (m.InstitutionName, string.Join(", ", m.Roles), m.ActivationUrl, DisplayTime.Format(m.ExpiresAt));
        return (language, m.Reset) switch
        {
            (Language.Mk, true) => ($"Safeguard: нова врска за вашата сметка во {institution}", [
                $"Вашиот администратор побара нова лозинка за вашата сметка. Изберете ја и поврзете ја апликацијата за автентикација повторно на: {link}",
                $"Врската важи до {until} и може да се користи еднаш. Ако не ја очекувавте, известете го вашиот администратор."]),
            (Language.Sq, true) => ($"Safeguard: lidhje e re për llogarinë tuaj në {institution}", [
                $"Administratori juaj kërkoi një fjalëkalim të ri për llogarinë tuaj. Zgjidheni dhe lidhni sërish aplikacionin e vërtetimit te: {link}",
                $"Lidhja vlen deri më {until} dhe përdoret një herë. Nëse nuk e prisnit, njoftoni administratorin tuaj."]),
            (Language.Sr, true) => ($"Safeguard: nova veza za vaš nalog u {institution}", [
                $"Vaš administrator je zatražio novu lozinku za vaš nalog. Izaberite je i ponovo povežite aplikaciju za autentifikaciju na: {link}",
                $"Veza važi do {until} i koristi se jednom. Ako je niste očekivali, obavestite svog administratora."]),
            (_, true) => ($"Safeguard: a new sign-in link for your account at {institution}", [
                $"Your administrator asked for a new password for your account. Choose it and link your authenticator app again at: {link}",
                $"The link works once, until {until}. If you did not expect it, tell your administrator."]),
            (Language.Mk, _) => ($"Safeguard: вашата сметка за {institution}", [
                $"Отворена ви е сметка на платформата Safeguard за {institution} (улоги: {roles}).",
                $"Изберете лозинка и поврзете апликација за автентикација на: {link}",
                $"Врската важи до {until} и може да се користи еднаш. Ако не ја очекувавте, не ја отворајте и известете го вашиот администратор."]),
            (Language.Sq, _) => ($"Safeguard: llogaria juaj për {institution}", [
                $"Ju është hapur një llogari në platformën Safeguard për {institution} (rolet: {roles}).",
                $"Zgjidhni fjalëkalimin dhe lidhni aplikacionin e vërtetimit te: {link}",
                $"Lidhja vlen deri më {until} dhe përdoret një herë. Nëse nuk e prisnit, mos e hapni dhe njoftoni administratorin tuaj."]),
            (Language.Sr, _) => ($"Safeguard: vaš nalog za {institution}", [
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
