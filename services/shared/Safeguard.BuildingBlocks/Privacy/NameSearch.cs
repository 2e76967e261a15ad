using System.Security.Cryptography;
using System.Text;

namespace Safeguard.BuildingBlocks.Privacy;

/// <summary>
/// Finds people by name although names are stored encrypted: each word of a folded name (<see cref="NameKey"/>:
/// any script, order, case or diacritics) is stored as a keyed hash (HMAC-SHA256 with Privacy:SearchKey, kept
/// outside the database). A search hashes its words the same way. Without the key a dump cannot test a guessed
/// name; with it, equal words still hash equally, which is what makes the search work.
/// </summary>
public sealed class NameSearch
{
    /// <summary>Hex digits kept of each hash: 128 bits, more than enough to tell words apart.</summary>
    private const int TokenLength = 32;

    private readonly byte[] _key;

    public NameSearch(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The name-search key must have at least 256 bits.", nameof(key));
        }
        _key = key;
    }

    /// <summary>The hashed words of all the given names, each once.</summary>
    public List<string> TokensOf(IEnumerable<string> names) => names.SelectMany(Words).Distinct().Select(Hash).ToList();

    /// <summary>The hashed words of a search: a record matches when it holds every one of them.</summary>
    public List<string> QueryTokens(string query) => TokensOf([query]);

    // One-letter words (initials) are too common to narrow a search and would only leak frequencies.
    private static IEnumerable<string> Words(string name) => NameKey.Of(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1);

    private string Hash(string word) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("name-word:" + word)))[..TokenLength];
}
