using Safeguard.BuildingBlocks.Domain;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Art. 21 (last paragraph), Annex 5 §5: the team ends the plan on a reassessment, never at high.</summary>
public sealed class ClosureTests
{
    private static readonly DateTimeOffset ConvenedAt = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset AdoptedAt = ConvenedAt.AddHours(4);

    private static Plans.SafetyPlan Adopted()
    {
        var plan = Plans.SafetyPlan.Convene(Guid.NewGuid(), "SK-2026-00001", "SK", Guid.NewGuid(), ["high-risk"], "high", [],
            childrenAtRisk: false, othersAtRisk: false, victimConsent: "given", policeReportReference: null, emergencyMeasures: [],
            violenceReportedAt: ConvenedAt.AddHours(-2), consentAsOf: ConvenedAt, now: ConvenedAt);
        var measure = PlanMeasure.Draft(plan.Id, 1, MeasureCatalogue.Get("regular-contact"), InstitutionKind.Csr, Guid.NewGuid(), null, ConvenedAt);
        Assert.Null(plan.Adopt(AdoptedAt, [measure]));
        return plan;
    }

    private static RuleBroken? CloseAfter(Plans.SafetyPlan plan, bool riskCeased = true, string[]? participants = null, DateTimeOffset? lastAlert = null) =>
        plan.Close(AdoptedAt.AddDays(30), "No incident for three weeks.", "End the plan.", riskCeased, participants ?? ["A. Member", "B. Member"], lastAlert);

    [Theory]
    [InlineData("standard")]
    [InlineData("medium")]
    public void The_team_closes_the_plan_on_a_later_reassessment_below_high(string level)
    {
        var plan = Adopted();
        plan.RecordAssessment(level, 2, AdoptedAt.AddDays(20));

        Assert.Null(CloseAfter(plan));
        Assert.Equal(PlanState.Closed, plan.State);
        Assert.Equal(["A. Member", "B. Member"], plan.ClosingParticipants);
        Assert.Equal("Effects: No incident for three weeks. Decision: End the plan.", plan.ClosingEvaluation);
    }

    [Fact]
    public void Without_a_reassessment_since_adoption_or_the_last_alert_the_plan_stays()
    {
        var plan = Adopted();
        Assert.Equal("reassessment", CloseAfter(plan)!.Field);

        plan.RecordAssessment("standard", 2, AdoptedAt.AddDays(20));
        Assert.Equal("reassessment", CloseAfter(plan, lastAlert: AdoptedAt.AddDays(21))!.Field);
        Assert.Equal(PlanState.Adopted, plan.State);
    }

    [Fact]
    public void A_reassessment_at_high_refuses_closure()
    {
        var plan = Adopted();
        plan.RecordAssessment("high", 2, AdoptedAt.AddDays(20));

        var broken = CloseAfter(plan);

        Assert.Equal(RuleKind.Conflict, broken!.Kind);
        Assert.Equal("reassessment", broken.Field);
    }

    [Fact]
    public void The_team_must_decide_the_risk_has_ceased_and_name_who_took_part()
    {
        var plan = Adopted();
        plan.RecordAssessment("standard", 2, AdoptedAt.AddDays(20));

        Assert.Equal(RuleBroken.Invalid("riskCeased", "Art. 21: the plan ends on the team's decision that the risk has ceased for the victim and her family."),
            CloseAfter(plan, riskCeased: false));
        Assert.Equal("participants", CloseAfter(plan, participants: [])!.Field);
        Assert.Equal("participants", CloseAfter(plan, participants: ["A. Member", " "])!.Field);
        Assert.Equal(PlanState.Adopted, plan.State);
    }
}
