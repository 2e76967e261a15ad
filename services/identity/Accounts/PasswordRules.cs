using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Safeguard.Identity.Accounts;

/// <summary>
/// Passwords after NIST SP 800-63B §3.1.1: at least <see cref="MinimumLength"/> characters, up to
/// <see cref="MaximumLength"/>, any characters including spaces, no rules about classes of characters, and
/// refused when the password is known to be common or breached (a list bundled with the service, checked
/// offline: a deployment may replace it with a larger one), repetitive or sequential, or built from the
/// account's own e-mail or the platform's name.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<Account>
{
    /// <summary>Every account here reaches personal data; 15 is SP 800-63B rev. 4's floor for a password used alone.</summary>
    public const int MinimumLength = 15;

    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Known = new(LoadKnownPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password) =>
        Task.FromResult(Check(password, user.Email) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "password", Description = problem })
            : IdentityResult.Success);

    /// <summary>What is wrong with <paramref name="password"/>; null when it may be used.</summary>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return $"Use at least {MinimumLength} characters; a few words in a row make a good password.";
        }
        if (password.Length > MaximumLength)
        {
            return $"Use at most {MaximumLength} characters.";
        }
        var folded = password.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
        if (Known.Value.Contains(folded) || Known.Value.Contains(folded.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!')))
        {
            return "This password is on a list of common or breached passwords: choose another.";
        }
        if (folded.Distinct().Count() <= 3 || IsSequence(folded))
        {
            return "This password repeats or counts characters: choose another.";
        }
        var name = email?.Split('@')[0].ToLowerInvariant();
        if ((name is { Length: >= 4 } && folded.Contains(name, StringComparison.Ordinal)) || folded.Contains("safeguard", StringComparison.Ordinal))
        {
            return "This password contains your e-mail or the platform's name: choose another.";
        }
        return null;
    }

    private static bool IsSequence(string password)
    {
        var steps = password.Zip(password.Skip(1), (a, b) => b - a).Distinct().ToList();
        return steps.Count == 1 && Math.Abs(steps[0]) == 1;
    }

    private static HashSet<string> LoadKnownPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Safeguard.Identity.Accounts.known-passwords.txt")
            ?? throw new InvalidOperationException("The list of known passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var known = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                known.Add(line.Trim().ToLowerInvariant());
            }
        }
        return known;
    }
}
