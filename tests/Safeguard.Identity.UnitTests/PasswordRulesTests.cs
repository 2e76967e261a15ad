using Safeguard.Identity.Accounts;

namespace Safeguard.Identity.UnitTests;

/// <summary>NIST SP 800-63B §3.1.1: length, a list of known passwords, no composition rules.</summary>
public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("a long walk by the river Vardar")]
    [InlineData("лозинка од три збора и море")] // any script, spaces included
    [InlineData("onlylowercaseletterswithoutdigits")] // no rule about classes of characters
    public void A_long_password_of_any_characters_is_accepted(string password) =>
        Assert.Null(PasswordRules.Check(password, "ana.petrovska@csr.test"));

    [Theory]
    [InlineData("", "at least 15")]
    [InlineData("Sh0rt!Pass", "at least 15")]
    [InlineData("passwordpassword", "common or breached")]
    [InlineData("PasswordPassword2024!", "common or breached")] // case and trailing digits do not hide it
    [InlineData("aaaaaaaaaaaaaaaaaaaa", "repeats")]
    [InlineData("abcdefghijklmnop", "repeats or counts")]
    [InlineData("ana.petrovska likes tea", "e-mail")]
    [InlineData("my safeguard password is long", "platform's name")]
    public void A_short_known_repetitive_or_guessable_password_is_refused_saying_why(string password, string reason) =>
        Assert.Contains(reason, PasswordRules.Check(password, "ana.petrovska@csr.test"), StringComparison.Ordinal);

    [Fact]
    public void A_password_longer_than_the_maximum_is_refused() =>
        Assert.Contains("at most", PasswordRules.Check(new string('x', 60) + new string('y', 70), null), StringComparison.Ordinal);
}
