using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Plans;
using Safeguard.Reintegration.Referrals;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.UnitTests;

/// <summary>000 §4.3.4: the prison works with the centre for social work of the place of residence before release.</summary>
public sealed class HandoverRulesTests
{
    private static Caller Worker(string centre, string kind = "csr") => new("cw", new HashSet<string> { PlatformRoles.CsrCaseWorker }, centre, kind, "cw@csr.test");

    [Fact]
    public void Only_a_handover_must_name_the_centre_of_residence()
    {
        Assert.True(CategoryRules.NeedsCentre(ArrivalKind.PreReleaseHandover));
        Assert.All([ArrivalKind.Return, ArrivalKind.StatusGranted, ArrivalKind.Release], k => Assert.False(CategoryRules.NeedsCentre(k)));
    }

    [Fact]
    public void A_referral_to_a_centre_is_answered_by_that_centres_workers_and_the_account_holding_it_only()
    {
        var toCentre = new Recipient(InstitutionKind.Csr, "CSR Skopje", "Intake", "intake@csr.test", "mk", "SK");
        var contact = new Caller("tm-intake", new HashSet<string> { PlatformRoles.TeamMember }, "X", "ngo", "intake@csr.test");

        Assert.True(toCentre.AnsweredBy(Worker("SK"), holder: null));
        Assert.False(toCentre.AnsweredBy(Worker("KU"), holder: null));
        Assert.False(toCentre.AnsweredBy(Worker("SK", kind: "municipality"), holder: null));
        Assert.True(toCentre.AnsweredBy(contact, holder: "tm-intake"));
        // Issue 22 §4: the contact's address in a token is not the referral; only the account that took it is.
        Assert.False(toCentre.AnsweredBy(contact, holder: null));
        Assert.False(toCentre.AnsweredBy(contact, holder: "tm-someone-else"));
        // A centre's code means nothing on a referral to another kind of institution.
        Assert.False((toCentre with { Institution = InstitutionKind.HousingOffice }).AnsweredBy(Worker("SK"), holder: null));
    }

    [Fact]
    public void A_referral_is_taken_once_with_its_code_and_only_while_it_is_open()
    {
        var (holder, code) = ReferralHolder.Invite(Guid.NewGuid());
        var (late, _) = ReferralHolder.Invite(Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(Safeguard.BuildingBlocks.Access.InvitationCode.Hash(code), holder.CodeHash);
        Assert.Null(holder.Claim("tm-a", referralOpen: true, now));
        Assert.Equal("tm-a", holder.AccountSubject);
        Assert.Equal(ReferralHolder.UnknownCode, holder.Claim("tm-b", referralOpen: true, now));
        Assert.Equal("tm-a", holder.AccountSubject);
        Assert.Equal(Safeguard.BuildingBlocks.Domain.RuleKind.Conflict, late.Claim("tm-a", referralOpen: false, now)?.Kind);
        Assert.Null(late.AccountSubject);
    }
}
