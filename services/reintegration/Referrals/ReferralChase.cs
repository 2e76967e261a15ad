using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.Reintegration.Referrals;

/// <summary>
/// That an unanswered referral was chased (004 §2.3): its key makes it once. A row of its own, so chasing never
/// changes the referral's version and a recipient answering at that moment is not turned away as stale.
/// </summary>
public sealed class ReferralChase
{
    private ReferralChase() { }

    public Guid ReferralId { get; private set; }

    public DateTimeOffset ChasedAt { get; private set; }

    public static ReferralChase Of(Referral referral, DateTimeOffset now) => referral.IsUnansweredAt(now)
        ? new ReferralChase { ReferralId = referral.Id, ChasedAt = now }
        : throw new InvalidOperationException("Only a referral unanswered past its answer date is chased.");
}

internal sealed class ReferralChaseConfiguration : IEntityTypeConfiguration<ReferralChase>
{
    public void Configure(EntityTypeBuilder<ReferralChase> b)
    {
        b.ToTable("referral_chases");
        b.HasKey(c => c.ReferralId);
        b.Property(c => c.ReferralId).HasColumnName("referral_id");
        b.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId);
        b.Property(c => c.ChasedAt).HasColumnName("chased_at");
    }
}
