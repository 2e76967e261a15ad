using Safeguard.SafetyPlan.Cases;
using Safeguard.SafetyPlan.IndividualPlans;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Annex 3 with her informed consent, or without it where Art. 22(2) says protection needs none.</summary>
public sealed class IndividualPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(1));

    private static readonly IndividualPlanContent Content = new("That he comes back.", null, null, null, null, null, null, "High", []);

    private static IndividualPlan StartFor(bool protectionWithoutConsent) =>
        IndividualPlan.Start(KnownCase.Of(Guid.NewGuid(), "SK-2026-00001", "SK", protectionWithoutConsent, Now.AddHours(-5)));

    [Fact]
    public void The_plan_takes_its_centre_and_reference_from_the_case()
    {
        var plan = StartFor(protectionWithoutConsent: false);

        Assert.Equal("SK", plan.CentreCode);
        Assert.Equal("SK-2026-00001", plan.CaseReference);
    }

    [Theory]
    [InlineData(true, true, false, true)]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, false, false)]
    [InlineData(false, false, false, false)]
    [InlineData(false, false, true, true)]
    [InlineData(true, false, true, true)]
    public void Content_needs_both_yeses_unless_protection_proceeds_without_consent(bool informed, bool consent, bool withoutConsent, bool mayHold)
    {
        Assert.Equal(mayHold, IndividualPlan.MayHoldContent(informed, consent, withoutConsent));
    }

    [Fact]
    public void A_childs_plan_keeps_its_content_without_the_consent_fields_and_states_Art_22_2()
    {
        var plan = StartFor(protectionWithoutConsent: true);

        plan.Record(informed: false, consent: false, Content, new DateOnly(2026, 11, 25), 30, "Case Worker", Now);

        Assert.Equal(Content, plan.Content);
        Assert.Equal(new DateOnly(2026, 11, 25), plan.AdoptedOn);
        Assert.Equal(IndividualPlan.WithoutConsentBasis, plan.LegalBasis);
    }

    [Fact]
    public void An_adults_plan_without_consent_keeps_nothing_even_what_it_held_before()
    {
        var plan = StartFor(protectionWithoutConsent: false);
        plan.Record(informed: true, consent: true, Content, new DateOnly(2026, 11, 25), 30, "Case Worker", Now);
        Assert.Equal(IndividualPlan.ConsentBasis, plan.LegalBasis);

        plan.Record(informed: true, consent: false, Content, new DateOnly(2026, 11, 25), 30, "Case Worker", Now.AddDays(1));

        Assert.Null(plan.Content);
        Assert.Null(plan.AdoptedOn);
        Assert.Null(plan.LegalBasis);
    }
}
