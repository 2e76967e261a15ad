using Safeguard.BuildingBlocks.Domain;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Art. 18-20, Annex 4 and 5: the team adopts the plan it was convened for, each measure with a responsible member.</summary>
public sealed class AdoptionTests
{
    private static readonly DateTimeOffset ConvenedAt = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));

    private static Plans.SafetyPlan Convened(Guid? teamId) => Plans.SafetyPlan.Convene(Guid.NewGuid(), "SK-2026-00001", "SK", teamId,
        ["high-risk"], "high", ["strangulation"], childrenAtRisk: false, othersAtRisk: false, victimConsent: "given",
        policeReportReference: null, emergencyMeasures: [], violenceReportedAt: ConvenedAt.AddHours(-2), consentAsOf: ConvenedAt, now: ConvenedAt);

    private static PlanMeasure Measure(Guid planId, int number, Guid? responsible) =>
        PlanMeasure.Draft(planId, number, MeasureCatalogue.Get("regular-contact"), InstitutionKind.Csr, responsible, "every 48 hours", ConvenedAt);

    [Fact]
    public void A_convened_plan_with_a_team_and_every_measure_assigned_is_adopted()
    {
        var plan = Convened(Guid.NewGuid());

        var broken = plan.Adopt(ConvenedAt.AddHours(3), [Measure(plan.Id, 1, Guid.NewGuid()), Measure(plan.Id, 2, Guid.NewGuid())]);

        Assert.Null(broken);
        Assert.Equal(PlanState.Adopted, plan.State);
        Assert.Equal(ConvenedAt.AddHours(3), plan.AdoptedAt);
    }

    [Fact]
    public void Only_a_convened_plan_is_adopted()
    {
        var plan = Convened(Guid.NewGuid());
        plan.Adopt(ConvenedAt.AddHours(1), [Measure(plan.Id, 1, Guid.NewGuid())]);

        var broken = plan.Adopt(ConvenedAt.AddHours(2), [Measure(plan.Id, 1, Guid.NewGuid())]);

        Assert.Equal(RuleKind.Conflict, broken!.Kind);
        Assert.Equal("state", broken.Field);
        Assert.Equal(ConvenedAt.AddHours(1), plan.AdoptedAt);
    }

    [Fact]
    public void A_plan_without_a_team_is_not_adopted()
    {
        var plan = Convened(teamId: null);

        var broken = plan.Adopt(ConvenedAt.AddHours(1), [Measure(plan.Id, 1, Guid.NewGuid())]);

        Assert.Equal(RuleBroken.Conflict("teamId", "The centre has no multisectoral team: register one before adopting (Annex 4)."), broken);
        Assert.Equal(PlanState.Convened, plan.State);
    }

    [Fact]
    public void A_plan_is_not_adopted_before_the_team_was_convened()
    {
        var plan = Convened(Guid.NewGuid());

        var broken = plan.Adopt(ConvenedAt.AddMinutes(-1), [Measure(plan.Id, 1, Guid.NewGuid())]);

        Assert.Equal(RuleKind.Invalid, broken!.Kind);
        Assert.Equal("adoptedAt", broken.Field);
        Assert.Null(plan.AdoptedAt);
    }

    [Fact]
    public void A_plan_needs_a_measure_and_a_responsible_member_for_each()
    {
        var plan = Convened(Guid.NewGuid());

        var none = plan.Adopt(ConvenedAt.AddHours(1), []);
        var unassigned = plan.Adopt(ConvenedAt.AddHours(1), [Measure(plan.Id, 1, Guid.NewGuid()), Measure(plan.Id, 2, null), Measure(plan.Id, 3, null)]);

        Assert.Equal(RuleBroken.Invalid("measures", "A plan needs at least one measure."), none);
        Assert.Equal(RuleBroken.Invalid("measures", "Measure(s) 2, 3 have no responsible member (Annex 5)."), unassigned);
        Assert.Equal(PlanState.Convened, plan.State);
    }

    [Fact]
    public void A_plan_convened_without_a_team_takes_the_centres_first_team_once()
    {
        var plan = Convened(teamId: null);
        var team = Guid.NewGuid();

        Assert.True(plan.GiveTeam(team));
        Assert.False(plan.GiveTeam(Guid.NewGuid()));
        Assert.Equal(team, plan.TeamId);
    }

    [Fact]
    public void An_adopted_plan_is_not_handed_to_another_team()
    {
        var plan = Convened(Guid.NewGuid());
        var team = plan.TeamId;

        Assert.False(plan.GiveTeam(Guid.NewGuid()));
        Assert.Equal(team, plan.TeamId);
    }
}
