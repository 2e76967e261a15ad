using System.Security.Cryptography;
using System.Text;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>
/// A one-time code sent to a work address, by which the person who reads that mailbox binds a seat or a referral
/// to her own account (issue 22 §4): whoever holds the code signed in is the one named, whatever e-mail her token
/// claims. Only the hash is stored; the code itself travels once, in the e-mail.
/// </summary>
public static class InvitationCode
{
    // Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud or retyped from paper survives.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 12;

    /// <summary>A fresh code, 60 random bits, written in groups of four ("7KQM-3XPD-A2RT"), and the hash to keep.</summary>
    public static (string Code, string Hash) New()
    {
        Span<byte> picks = stackalloc byte[Length];
        RandomNumberGenerator.Fill(picks);
        var code = new StringBuilder(Length + 2);
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                code.Append('-');
            }
            code.Append(Alphabet[picks[i] & 31]);
        }
        var text = code.ToString();
        return (text, Hash(text));
    }

    /// <summary>The hash a code is looked up by, forgiving case, spaces, dashes and the letters read as digits.</summary>
    public static string Hash(string code)
    {
        var normal = new StringBuilder(code.Length);
        foreach (var c in code.ToUpperInvariant())
        {
            switch (c)
            {
                case '-' or ' ':
                    continue;
                case 'O':
                    normal.Append('0');
                    break;
                case 'I' or 'L':
                    normal.Append('1');
                    break;
                default:
                    normal.Append(c);
                    break;
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normal.ToString())));
    }
}
