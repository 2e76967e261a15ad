using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Safeguard.BuildingBlocks.Privacy;

/// <summary>
/// Encrypts personal data (names, contacts, addresses, narratives) before it reaches the database, with keys
/// kept outside it in the ASP.NET Core Data Protection key ring: a database dump alone does not say who a
/// victim is (Rulebook Art. 3: the victim's identity and personal data are protected). Each service encrypts
/// under its own purpose, so one service's key material cannot read another's columns.
/// </summary>
public sealed class PersonalDataProtector
{
    /// <summary>Marks a stored value as ciphertext, so values written before a column was protected can be found.</summary>
    public const string Prefix = "pd1:";

    private readonly IPersistedDataProtector _protector;

    public PersonalDataProtector(IDataProtectionProvider provider, string serviceName)
    {
        // Every protector the key ring makes is a persisted one; it tells which values need a newer key.
        _protector = (IPersistedDataProtector)provider.CreateProtector("Safeguard.PersonalData", serviceName);
    }

    /// <summary>A protector whose keys live only in memory: for writing migrations, never for data.</summary>
    public static PersonalDataProtector Ephemeral() => new(new EphemeralDataProtectionProvider(), "design-time");

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string value) => Prefix + Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// How every value encrypted now begins: the marker, then in base64 Data Protection's magic header and the
    /// first 14 bytes of the current key's id (18 bytes, so exactly 24 characters). Values that begin otherwise
    /// are in clear or under another key; the backfill reads only those.
    /// </summary>
    public string CurrentKeyPrefix => Protect("")[..(Prefix.Length + 24)];

    public string Unprotect(string stored)
    {
        if (!IsProtected(stored))
        {
            // Never echo the value: it may be a name.
            throw new InvalidOperationException("A personal-data column holds a value that is not encrypted; the start-up backfill has not run.");
        }
        return Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(stored[Prefix.Length..])));
    }

    /// <summary>
    /// The value encrypted under the current default key, or null when it already is: plain values stored before
    /// the column was protected, and values under an older or revoked key (key rotation), are re-encrypted.
    /// </summary>
    public string? ReProtect(string stored)
    {
        if (!IsProtected(stored))
        {
            return Protect(stored);
        }
        var plain = _protector.DangerousUnprotect(Convert.FromBase64String(stored[Prefix.Length..]), ignoreRevocationErrors: true,
            out var requiresMigration, out var wasRevoked);
        return requiresMigration || wasRevoked ? Protect(Encoding.UTF8.GetString(plain)) : null;
    }
}
