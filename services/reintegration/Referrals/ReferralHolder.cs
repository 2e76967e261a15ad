using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Domain;

namespace Safeguard.Reintegration.Referrals;

/// <summary>
/// Who answers a referral for the professional it names (issue 22 §4): the account that presented the one-time
/// code the referral's e-mail carried to her work address, never whoever claims that address in a token. A row
/// of its own, as the chase is, so taking the referral never changes its version.
/// </summary>
public sealed class ReferralHolder
{
    /// <summary>A code that opens no referral: never said whether it once did.</summary>
    public static readonly RuleBroken UnknownCode =
        RuleBroken.Invalid("code", "This code is not valid or was used already: ask the referring office to send the referral again.");

    private ReferralHolder() { }

    public Guid ReferralId { get; private set; }

    /// <summary>The hash of the e-mailed code (<see cref="InvitationCode"/>); null once used.</summary>
    public string? CodeHash { get; private set; }

    /// <summary>The account (<c>sub</c>) that answers for the named professional; null until she presents the code.</summary>
    public string? AccountSubject { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    /// <summary>A new referral's holder-to-be, and the code for the e-mail alone.</summary>
    public static (ReferralHolder Holder, string Code) Invite(Guid referralId)
    {
        var (code, hash) = InvitationCode.New();
        return (new ReferralHolder { ReferralId = referralId, CodeHash = hash }, code);
    }

    /// <summary>The account presenting the code answers the referral from now on; the code works once, while the referral is open.</summary>
    public RuleBroken? Claim(string subject, bool referralOpen, DateTimeOffset now)
    {
        if (CodeHash is null)
        {
            return UnknownCode;
        }
        if (!referralOpen)
        {
            return RuleBroken.Conflict("code", "The referral has ended: there is nothing left to answer.");
        }
        (AccountSubject, ClaimedAt, CodeHash) = (subject, now, null);
        return null;
    }
}

internal sealed class ReferralHolderConfiguration : IEntityTypeConfiguration<ReferralHolder>
{
    public void Configure(EntityTypeBuilder<ReferralHolder> b)
    {
        b.ToTable("referral_holders");
        b.HasKey(h => h.ReferralId);
        b.Property(h => h.ReferralId).HasColumnName("referral_id");
        b.HasOne<Referral>().WithMany().HasForeignKey(h => h.ReferralId);
        b.Property(h => h.CodeHash).HasColumnName("code_hash").HasMaxLength(64);
        b.HasIndex(h => h.CodeHash).IsUnique().HasFilter("code_hash IS NOT NULL");
        b.Property(h => h.AccountSubject).HasColumnName("account_subject").HasMaxLength(200);
        b.HasIndex(h => h.AccountSubject).HasFilter("account_subject IS NOT NULL");
        b.Property(h => h.ClaimedAt).HasColumnName("claimed_at");
    }
}
