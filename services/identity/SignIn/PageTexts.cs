namespace Safeguard.Identity.SignIn;

/// <summary>The sign-in pages' words in Macedonian, Albanian, Serbian (Latin) and English.</summary>
public sealed record PageTexts(
    string Language,
    string SignInTitle,
    string Email,
    string Password,
    string SignIn,
    string Failed,
    string LockedOut,
    string SecondFactorTitle,
    string SecondFactorHelp,
    string Code,
    string Confirm,
    string CodeFailed,
    string ActivateTitle,
    string ActivateHelp,
    string NewPassword,
    string RepeatPassword,
    string PasswordsDiffer,
    string PasswordRule,
    string AuthenticatorHelp,
    string AuthenticatorKey,
    string LinkExpired,
    string Activated,
    string SignedOut,
    string SignOut,
    string ChangePasswordTitle,
    string CurrentPassword,
    string PasswordChanged,
    string CurrentPasswordWrong,
    string SignedInAs)
{
    public static readonly PageTexts Mk = new("mk",
        "Најава", "Е-пошта", "Лозинка", "Најави се",
        "Е-поштата или лозинката не се точни.", "Сметката е привремено заклучена по повеќе неуспешни обиди. Обидете се подоцна.",
        "Втор фактор", "Внесете го шестцифрениот код од апликацијата за автентикација.", "Код", "Потврди", "Кодот не е точен.",
        "Активирајте ја сметката", "Изберете лозинка за вашата сметка.", "Нова лозинка", "Повторете ја лозинката", "Лозинките не се исти.",
        "Најмалку 15 знаци; неколку зборови по ред се добра лозинка.",
        "Додајте го овој клуч во апликацијата за автентикација (на пр. FreeOTP, Aegis, Google Authenticator) и внесете го кодот што го покажува.",
        "Клуч", "Врската е искористена или истечена. Побарајте нова од вашиот администратор.",
        "Сметката е активна. Сега можете да се најавите.", "Одјавени сте.", "Одјави се",
        "Промена на лозинка", "Сегашна лозинка", "Лозинката е променета. Другите најави завршија.", "Сегашната лозинка не е точна.", "Најавени сте како");

    public static readonly PageTexts Sq = new("sq",
        "Hyrja", "E-posta", "Fjalëkalimi", "Hyr",
        "E-posta ose fjalëkalimi nuk janë të sakta.", "Llogaria është kyçur përkohësisht pas disa përpjekjeve të dështuara. Provoni më vonë.",
        "Faktori i dytë", "Shkruani kodin gjashtëshifror nga aplikacioni i vërtetimit.", "Kodi", "Konfirmo", "Kodi nuk është i saktë.",
        "Aktivizoni llogarinë", "Zgjidhni një fjalëkalim për llogarinë tuaj.", "Fjalëkalimi i ri", "Përsëritni fjalëkalimin", "Fjalëkalimet nuk përputhen.",
        "Të paktën 15 karaktere; disa fjalë radhazi bëjnë një fjalëkalim të mirë.",
        "Shtoni këtë çelës në aplikacionin e vërtetimit (p.sh. FreeOTP, Aegis, Google Authenticator) dhe shkruani kodin që tregon.",
        "Çelësi", "Lidhja është përdorur ose ka skaduar. Kërkoni një të re nga administratori juaj.",
        "Llogaria është aktive. Tani mund të hyni.", "Keni dalë.", "Dil",
        "Ndryshimi i fjalëkalimit", "Fjalëkalimi aktual", "Fjalëkalimi u ndryshua. Hyrjet e tjera u mbyllën.", "Fjalëkalimi aktual nuk është i saktë.", "Keni hyrë si");

    public static readonly PageTexts Sr = new("sr",
        "Prijava", "E-pošta", "Lozinka", "Prijavi se",
        "E-pošta ili lozinka nisu tačni.", "Nalog je privremeno zaključan posle više neuspelih pokušaja. Pokušajte kasnije.",
        "Drugi faktor", "Unesite šestocifreni kod iz aplikacije za autentifikaciju.", "Kod", "Potvrdi", "Kod nije tačan.",
        "Aktivirajte nalog", "Izaberite lozinku za svoj nalog.", "Nova lozinka", "Ponovite lozinku", "Lozinke se ne poklapaju.",
        "Najmanje 15 znakova; nekoliko reči zaredom je dobra lozinka.",
        "Dodajte ovaj ključ u aplikaciju za autentifikaciju (npr. FreeOTP, Aegis, Google Authenticator) i unesite kod koji prikazuje.",
        "Ključ", "Veza je iskorišćena ili je istekla. Zatražite novu od svog administratora.",
        "Nalog je aktivan. Sada se možete prijaviti.", "Odjavljeni ste.", "Odjavi se",
        "Promena lozinke", "Trenutna lozinka", "Lozinka je promenjena. Ostale prijave su završene.", "Trenutna lozinka nije tačna.", "Prijavljeni ste kao");

    public static readonly PageTexts En = new("en",
        "Sign in", "E-mail", "Password", "Sign in",
        "The e-mail or password is not right.", "The account is locked for a while after several failed attempts. Try again later.",
        "Second factor", "Enter the six-digit code from your authenticator app.", "Code", "Confirm", "The code is not right.",
        "Activate your account", "Choose a password for your account.", "New password", "Repeat the password", "The passwords differ.",
        "At least 15 characters; a few words in a row make a good password.",
        "Add this key to your authenticator app (e.g. FreeOTP, Aegis, Google Authenticator) and enter the code it shows.",
        "Key", "The link has been used or has expired. Ask your administrator for a new one.",
        "Your account is active. You can sign in now.", "You are signed out.", "Sign out",
        "Change your password", "Current password", "Your password is changed. Your other sign-ins have ended.", "The current password is not right.", "You are signed in as");

    public static readonly IReadOnlyList<PageTexts> All = [Mk, Sq, Sr, En];

    /// <summary>The page's language: asked for (?lang=), else the browser's first known one, else Macedonian.</summary>
    public static PageTexts For(HttpRequest request)
    {
        if (request.Query["lang"].ToString() is { Length: 2 } asked && All.FirstOrDefault(t => t.Language == asked) is { } chosen)
        {
            return chosen;
        }
        var accepted = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value?[..Math.Min(2, l.Value.Length)]);
        return accepted.Select(code => All.FirstOrDefault(t => t.Language == code)).FirstOrDefault(t => t is not null) ?? Mk;
    }
}
