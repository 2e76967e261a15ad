namespace Safeguard.Workspace.Languages;

/// <summary>The workspace's words in Macedonian, Albanian, Serbian (Latin) and English.</summary>
public sealed record WorkspaceTexts(
    string Language,
    string LanguageName,
    string LanguageLabel,
    string Cases,
    string CasesOfTheCentre,
    string State,
    string RiskLevel,
    string OverdueOnly,
    string NoCases,
    string LoadingCases,
    string Reference,
    string Victim,
    string ReportedBy,
    string Opened,
    string Assessment,
    string OverdueSince,
    string DueBy,
    string By,
    string SignedInAs,
    string SignOut,
    string CasesUnreadable)
{
    public static readonly WorkspaceTexts Mk = new("mk", "Македонски", "Јазик", "Случаи", "Случаи на центарот", "Состојба", "Ниво на ризик",
        "Само задоцнета процена", "Нема такви случаи.", "Се вчитуваат случаите", "Број", "Жртва", "Пријавено од", "Отворен", "Процена (12 ч)",
        "Задоцнета од", "Рок до", "До", "Најавени како", "Одјава", "Случаите не може да се прочитаат");

    public static readonly WorkspaceTexts Sq = new("sq", "Shqip", "Gjuha", "Rastet", "Rastet e qendrës", "Gjendja", "Niveli i rrezikut",
        "Vetëm vlerësimet e vonuara", "Nuk ka raste të tilla.", "Po ngarkohen rastet", "Numri", "Viktima", "Raportuar nga", "Hapur", "Vlerësimi (12 orë)",
        "E vonuar që nga", "Afati deri më", "Deri më", "Të identifikuar si", "Dilni", "Rastet nuk mund të lexohen");

    public static readonly WorkspaceTexts Sr = new("sr", "Srpski", "Jezik", "Slučajevi", "Slučajevi centra", "Stanje", "Nivo rizika",
        "Samo zakasnela procena", "Nema takvih slučajeva.", "Učitavaju se slučajevi", "Broj", "Žrtva", "Prijavio", "Otvoren", "Procena (12 č)",
        "Kasni od", "Rok do", "Do", "Prijavljeni kao", "Odjava", "Slučajevi ne mogu da se pročitaju");

    public static readonly WorkspaceTexts En = new("en", "English", "Language", "Cases", "Cases of the centre", "State", "Risk level",
        "Assessment overdue only", "No cases match.", "Loading the cases", "Reference", "Victim", "Reported by", "Opened", "Assessment (12 h)",
        "Overdue since", "Due by", "By", "Signed in as", "Sign out", "The cases could not be read");

    public static readonly IReadOnlyList<WorkspaceTexts> All = [Mk, Sq, Sr, En];

    /// <summary>The texts of a language code; English when it is none of the four.</summary>
    public static WorkspaceTexts Of(string? language) => All.FirstOrDefault(t => t.Language == language) ?? En;
}
