using Safeguard.BuildingBlocks.Domain;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.SafetyPlan.Plans;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Annex 2 §3; Art. 11, 20, 22: the team is convened only with her consent to it, or while she has not been asked.</summary>
public sealed class TeamConsentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Team = Guid.NewGuid();

    private static Plans.SafetyPlan Convene(string consent, DateTimeOffset? signedAt = null) => Plans.SafetyPlan.Convene(Guid.NewGuid(), "SK-2026-00001", "SK",
        Team, ["high-risk", "police-emergency-measure"], "high", [], childrenAtRisk: false, othersAtRisk: false, victimConsent: consent,
        policeReportReference: "PR-1", emergencyMeasures: ["removal-from-home"], violenceReportedAt: Now.AddHours(-2),
        consentAsOf: signedAt ?? DateTimeOffset.UnixEpoch, now: Now);

    [Theory]
    [InlineData(TeamConsent.Given)]
    [InlineData(TeamConsent.NotRequired)]
    [InlineData(TeamConsent.NotAsked)]
    public void The_team_is_convened_with_her_consent_without_the_need_for_it_or_while_she_is_not_yet_asked(string consent)
    {
        var plan = Convene(consent);

        Assert.Equal(PlanState.Convened, plan.State);
        Assert.Equal(Team, plan.TeamId);
    }

    [Fact]
    public void Pending_consent_is_not_consent_measures_that_need_it_wait()
    {
        Assert.False(Convene(TeamConsent.NotAsked).ConsentAllowsVictimMeasures);
        Assert.True(Convene(TeamConsent.Given).ConsentAllowsVictimMeasures);
        Assert.True(Convene(TeamConsent.NotRequired).ConsentAllowsVictimMeasures);
    }

    [Theory]
    [InlineData(TeamConsent.Refused)]
    [InlineData(TeamConsent.Withdrawn)]
    public void Against_her_refusal_the_team_is_not_convened_and_the_police_measures_are_still_recorded(string consent)
    {
        var plan = Convene(consent, Now.AddHours(-1));

        Assert.Equal(PlanState.AwaitingConsent, plan.State);
        Assert.Null(plan.TeamId);
        Assert.False(plan.ConsentAllowsVictimMeasures);
        Assert.Equal(["removal-from-home"], plan.EmergencyMeasures);
        Assert.Equal("PR-1", plan.PoliceReportReference);
    }

    [Fact]
    public void Her_later_consent_to_the_team_convenes_it()
    {
        var plan = Convene(TeamConsent.Refused, Now.AddHours(-1));

        Assert.True(plan.UpdateConsent(TeamConsent.Given, Now.AddHours(5)));
        Assert.Null(plan.ConveneOnConsent(Team, Now.AddHours(6)));

        Assert.Equal(PlanState.Convened, plan.State);
        Assert.Equal(Team, plan.TeamId);
        Assert.Equal(Now.AddHours(6), plan.ConvenedAt);
        Assert.True(plan.ConsentAllowsVictimMeasures);
    }

    [Fact]
    public void The_consent_signed_last_wins_whatever_order_the_events_arrive_in()
    {
        var plan = Convene(TeamConsent.NotAsked);
        plan.UpdateConsent(TeamConsent.Refused, Now.AddHours(3));

        // The convening event (or an older form) arriving late says "given", signed earlier: her refusal stands.
        Assert.False(plan.UpdateConsent(TeamConsent.Given, Now.AddHours(1)));
        Assert.Equal(TeamConsent.Refused, plan.VictimConsent);
        Assert.False(plan.ConsentAllowsVictimMeasures);
    }

    [Fact]
    public void A_plan_is_convened_on_consent_only_when_it_waits_for_it_and_she_gave_it()
    {
        Assert.Equal(RuleKind.Conflict, Convene(TeamConsent.Given).ConveneOnConsent(Team, Now)?.Kind);
        Assert.Equal("victimConsent", Convene(TeamConsent.Refused, Now).ConveneOnConsent(Team, Now)?.Field);
    }

    [Fact]
    public void A_plan_that_never_had_its_team_closes_with_its_case_a_convened_one_does_not()
    {
        var waiting = Convene(TeamConsent.Refused, Now);
        Assert.True(waiting.CloseWithCase(Now.AddDays(1)));
        Assert.Equal(PlanState.Closed, waiting.State);

        var convened = Convene(TeamConsent.Given);
        Assert.False(convened.CloseWithCase(Now.AddDays(1)));
        Assert.Equal(PlanState.Convened, convened.State);
    }
}

/// <summary>Art. 21: reassessments reach the plan; a raised level is new risk.</summary>
public sealed class ReassessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));

    private static Plans.SafetyPlan ConvenedByThePolice() => Plans.SafetyPlan.Convene(Guid.NewGuid(), "SK-2026-00001", "SK", Guid.NewGuid(),
        ["police-emergency-measure"], riskLevel: null, [], childrenAtRisk: false, othersAtRisk: false, victimConsent: TeamConsent.Given,
        policeReportReference: "PS-1", emergencyMeasures: ["removal-from-home"], violenceReportedAt: Now, consentAsOf: Now, now: Now);

    [Fact]
    public void A_plan_convened_before_any_assessment_takes_its_first_level_and_a_higher_one_is_new_risk()
    {
        var plan = ConvenedByThePolice();

        Assert.Equal(AssessmentNews.Recorded, plan.RecordAssessment("standard", 1, Now.AddHours(1)));
        Assert.Equal("standard", plan.RiskLevel);
        Assert.Equal(AssessmentNews.RaisedLevel, plan.RecordAssessment("high", 2, Now.AddHours(2)));
        Assert.Equal("high", plan.RiskLevel);
        Assert.Equal(AssessmentNews.Stale, plan.RecordAssessment("medium", 2, Now.AddHours(3)));
        Assert.Equal(AssessmentNews.Recorded, plan.RecordAssessment("standard", 3, Now.AddHours(4)));
        Assert.Equal("standard", plan.LastAssessedLevel);
    }
}
