using System.Text.Json;

namespace Safeguard.BuildingBlocks.Http;

/// <summary>
/// Enumerations travel as kebab-case words in JSON ("awaiting-assessment"); query strings must accept the
/// same words, which ASP.NET's own enum binding does not.
/// </summary>
public static class KebabCaseEnum
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The words a field accepts, for error messages.</summary>
    public static string Names<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(Name));
}
