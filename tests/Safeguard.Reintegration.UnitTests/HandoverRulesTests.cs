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
    public void A_referral_to_a_centre_is_answered_by_that_centres_workers_and_its_named_contact_only()
    {
        var toCentre = new Recipient(InstitutionKind.Csr, "CSR Skopje", "Intake", "intake@csr.test", "mk", "SK");

        Assert.True(toCentre.AnsweredBy(Worker("SK")));
        Assert.False(toCentre.AnsweredBy(Worker("KU")));
        Assert.False(toCentre.AnsweredBy(Worker("SK", kind: "municipality")));
        Assert.True(toCentre.AnsweredBy(new Caller("tm", new HashSet<string> { PlatformRoles.TeamMember }, "X", "ngo", "INTAKE@csr.test")));
        // A centre's code means nothing on a referral to another kind of institution.
        Assert.False((toCentre with { Institution = InstitutionKind.HousingOffice }).AnsweredBy(Worker("SK")));
    }
}
