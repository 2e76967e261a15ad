using System.Text.RegularExpressions;
using Safeguard.Workspace.Api;
using Safeguard.Workspace.Languages;

namespace Safeguard.Workspace.UnitTests;

/// <summary>Issue 23: Macedonian, Albanian and Serbian are complete: no page shows an English phrase to someone who chose another language.</summary>
public sealed partial class TextsTests
{
    [GeneratedRegex("""(?:\bT|_texts)\["((?:[^"\\]|\\.)+)"\]|(?:ProblemText|ErrorsOf)\([^"]*, "((?:[^"\\]|\\.)+)"\)""")]
    private static partial Regex Phrase();

    private static readonly WorkspaceTexts[] Translations = [WorkspaceTexts.Mk, WorkspaceTexts.Sq, WorkspaceTexts.Sr];

    /// <summary>Every phrase the pages and components write, read from their source.</summary>
    private static IEnumerable<string> PhrasesInTheSource()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var sources = Directory.EnumerateFiles(Path.Combine(root.FullName, "services", "workspace", "Components"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor") || f.EndsWith(".cs"));
        return sources.SelectMany(f => Phrase().Matches(File.ReadAllText(f)))
            .Select(m => (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Replace("\\\"", "\""));
    }

    public static TheoryData<string> Languages => new(Translations.Select(t => t.Language));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_phrase_of_the_pages_the_forms_and_the_codes_is_translated(string language)
    {
        var texts = WorkspaceTexts.Of(language);
        var phrases = PhrasesInTheSource().ToHashSet();
        Assert.True(phrases.Count > 50, "The pages' phrases were not found in their source.");
        phrases.UnionWith(ConsentForm.Rights.Concat(ConsentForm.Measures).Concat(FormContent.ViolenceRows).Select(r => r.Text));
        phrases.UnionWith(WorkspaceTexts.En.Words.Keys);

        var missing = phrases.Where(p => !texts.Words.ContainsKey(p)).Order().ToList();
        Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(" | ", missing)}");
    }

    [Fact]
    public void The_three_translations_carry_the_same_phrases_and_none_is_left_empty()
    {
        var keys = WorkspaceTexts.Mk.Words.Keys.Order().ToList();
        Assert.Equal(keys, WorkspaceTexts.Sq.Words.Keys.Order());
        Assert.Equal(keys, WorkspaceTexts.Sr.Words.Keys.Order());
        Assert.All(Translations.SelectMany(t => t.Words.Values), word => Assert.False(string.IsNullOrWhiteSpace(word)));
    }

    [Fact]
    public void A_phrase_without_words_shows_in_english_and_an_unknown_language_is_english()
    {
        Assert.Equal("Not a phrase of the workspace", WorkspaceTexts.Mk["Not a phrase of the workspace"]);
        Assert.Equal("Случаи на центарот", WorkspaceTexts.Of("mk")["Cases of the centre"]);
        Assert.Same(WorkspaceTexts.En, WorkspaceTexts.Of("de"));
        Assert.Same(WorkspaceTexts.En, WorkspaceTexts.Of(null));
        Assert.Equal("High", WorkspaceTexts.En["high"]);
    }

    [Fact]
    public void A_served_text_is_picked_in_her_language_else_english()
    {
        var text = new Dictionary<string, string> { ["en"] = "Yes", ["mk"] = "Да" };
        Assert.Equal("Да", WorkspaceTexts.Mk.Pick(text));
        Assert.Equal("Yes", WorkspaceTexts.Sq.Pick(text));
        Assert.Equal("", WorkspaceTexts.Sq.Pick(null));
    }
}
