namespace Safeguard.Testing;

/// <summary>Distinct values per test, so tests sharing one platform never see each other's data.</summary>
public static class Names
{
    private static int _counter = Random.Shared.Next(0, 26 * 26);

    /// <summary>A centre code of capital letters not used by another test of this run, e.g. "TQAB".</summary>
    public static string CentreCode()
    {
        var n = Interlocked.Increment(ref _counter);
        Span<char> code = ['T', 'X', (char)('A' + n / 26 % 26), (char)('A' + n % 26), (char)('A' + Random.Shared.Next(26))];
        return new string(code);
    }

    public static string Mailbox(string centreCode) => $"intake.{centreCode.ToLowerInvariant()}@csr.test";

    /// <summary>
    /// A made-up word no real text contains, e.g. "Qzvrkexmol": a test gives it to a person as a name and then
    /// looks for it where it must not be (a dump, a log line, a span, an e-mail).
    /// </summary>
    public static string Marker()
    {
        Span<char> word = stackalloc char[10];
        word[0] = 'Q';
        for (var i = 1; i < word.Length; i++)
        {
            word[i] = (char)('a' + Random.Shared.Next(26));
        }
        return new string(word);
    }
}
