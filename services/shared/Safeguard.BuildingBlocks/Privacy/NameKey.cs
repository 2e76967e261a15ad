using System.Globalization;
using System.Text;

namespace Safeguard.BuildingBlocks.Privacy;

/// <summary>
/// Folds a name so that one person registered twice is found: Macedonian and Serbian Cyrillic are written in
/// Latin letters, diacritics dropped, case and spacing ignored and the words sorted ("Ана Петровска",
/// "PETROVSKA Ana" and "Ana Petrovska" are one key).
/// </summary>
public static class NameKey
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['ѓ'] = "gj", ['ђ'] = "dj", ['е'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['ѕ'] = "dz", ['и'] = "i", ['ј'] = "j", ['к'] = "k", ['л'] = "l", ['љ'] = "lj", ['м'] = "m", ['н'] = "n", ['њ'] = "nj", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['ќ'] = "kj", ['ћ'] = "c", ['у'] = "u", ['ф'] = "f", ['х'] = "h", ['ц'] = "c",
        ['ч'] = "ch", ['џ'] = "dzh", ['ш'] = "sh",
    };

    // Latin spellings of the same sounds fold to the same letters as the transliteration above.
    private static readonly (string From, string To)[] Latin = [("ž", "zh"), ("š", "sh"), ("č", "ch"), ("ć", "c"), ("đ", "dj"), ("dž", "dzh"), ("ë", "e"), ("ç", "c")];

    public static string Of(string fullName)
    {
        var lower = fullName.Trim().ToLowerInvariant();
        foreach (var (from, to) in Latin.OrderByDescending(l => l.From.Length))
        {
            lower = lower.Replace(from, to, StringComparison.Ordinal);
        }
        var latin = new StringBuilder();
        foreach (var c in lower)
        {
            latin.Append(Cyrillic.TryGetValue(c, out var l) ? l : c.ToString());
        }
        var plain = new StringBuilder();
        foreach (var c in latin.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.IsLetter(c) ? c : ' ');
            }
        }
        return string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }
}
