using Safeguard.Reintegration.Plans;
using Safeguard.Reintegration.Referrals;

namespace Safeguard.Reintegration.UnitTests;

/// <summary>004 §2.3: a referral the institution has not answered by its date is chased, once.</summary>
public sealed class ReferralChaseRuleTests
{
    private static readonly DateTimeOffset Sent = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AnswerBy = Sent.AddDays(7);

    private static Referral Referral() => Referrals.Referral.Send("RI-DR-2026-00001/01", Guid.NewGuid(), null, "jobseeker-registration", [Guid.NewGuid()],
        new Recipient(InstitutionKind.EmploymentOffice, "Employment office", "Contact", "contact@apri.test", "sq"), "Register her.", "officer@komuna.test",
        Sent, AnswerBy);

    [Fact]
    public void A_referral_is_chased_from_its_answer_date_without_changing_it()
    {
        var referral = Referral();
        Assert.False(referral.IsUnansweredAt(AnswerBy.AddTicks(-1)));
        Assert.True(referral.IsUnansweredAt(AnswerBy));
        Assert.Throws<InvalidOperationException>(() => ReferralChase.Of(referral, AnswerBy.AddTicks(-1)));

        var chase = ReferralChase.Of(referral, AnswerBy.AddHours(1));

        Assert.Equal((referral.Id, AnswerBy.AddHours(1)), (chase.ReferralId, chase.ChasedAt));
        // The chase is a row of its own: the referral, and so its version, stays as it was.
        Assert.Equal(Sent, referral.UpdatedAt);
    }

    [Theory]
    [InlineData(ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.Rejected)]
    [InlineData(ReferralStatus.Revoked)]
    public void An_answered_or_revoked_referral_is_never_chased(ReferralStatus answer)
    {
        var referral = Referral();
        referral.MoveTo(answer, Sent.AddDays(1), "Contact", "Note", null, Sent.AddDays(1));

        Assert.False(referral.IsUnansweredAt(AnswerBy.AddDays(30)));
        Assert.Throws<InvalidOperationException>(() => ReferralChase.Of(referral, AnswerBy.AddDays(30)));
    }
}
