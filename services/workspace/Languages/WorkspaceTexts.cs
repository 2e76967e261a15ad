namespace Safeguard.Workspace.Languages;

/// <summary>
/// The workspace's words in one language. Pages write the English phrase, <c>T["Cases of the centre"]</c>; each
/// language's table gives its own (Macedonian, Albanian, Serbian in Latin script). A phrase a table lacks shows in
/// English rather than as a key: a unit test keeps every table complete. Codes the APIs return ("awaiting-assessment")
/// are phrases too, so English has a table of its own for them.
/// </summary>
public sealed class WorkspaceTexts(string language, string languageName, IReadOnlyDictionary<string, string> words)
{
    public static readonly WorkspaceTexts Mk = new("mk", "Македонски", Macedonian.Words);
    public static readonly WorkspaceTexts Sq = new("sq", "Shqip", Albanian.Words);
    public static readonly WorkspaceTexts Sr = new("sr", "Srpski", Serbian.Words);
    public static readonly WorkspaceTexts En = new("en", "English", English.Words);

    public static readonly IReadOnlyList<WorkspaceTexts> All = [Mk, Sq, Sr, En];

    /// <summary>"mk", "sq", "sr" or "en": also the key of the served instrument's and forms' texts.</summary>
    public string Language { get; } = language;

    /// <summary>The language's name in itself, for the language picker.</summary>
    public string LanguageName { get; } = languageName;

    public IReadOnlyDictionary<string, string> Words { get; } = words;

    public string this[string english] => Words.TryGetValue(english, out var word) ? word : english;

    /// <summary>The texts of a language code; English when it is none of the four.</summary>
    public static WorkspaceTexts Of(string? language) => All.FirstOrDefault(t => t.Language == language) ?? En;

    /// <summary>A text the API serves in the four languages (the Annex 1 instrument), in this one, else English.</summary>
    public string Pick(IReadOnlyDictionary<string, string>? texts) =>
        texts is null ? "" : texts.TryGetValue(Language, out var text) ? text : texts.GetValueOrDefault("en", "");
}
