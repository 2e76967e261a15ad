using Safeguard.BuildingBlocks.Domain;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.SafetyPlan.Cases;
using Safeguard.SafetyPlan.IndividualPlans;
using Safeguard.SafetyPlan.Plans;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Annex 5 whole: questions 1-3, §1-§3, prefilled from what the centre holds, and a member's share of it.</summary>
public sealed class PlanFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(1));

    private static Plans.SafetyPlan Plan(string consent = TeamConsent.Given, string? police = "PS-1") => Plans.SafetyPlan.Convene(Guid.NewGuid(), "SK-2026-00001",
        "SK", Guid.NewGuid(), ["high-risk"], "high", ["weapon", "strangulation"], childrenAtRisk: true, othersAtRisk: false, victimConsent: consent,
        policeReportReference: police, emergencyMeasures: police is null ? [] : ["removal-from-home"], violenceReportedAt: Now.AddHours(-3), consentAsOf: Now, now: Now);

    private static PlanForm Form(bool informed = true, bool consent = true, Dictionary<string, ViolenceRow>? rows = null) => new(informed, consent,
        "That he comes back at night.", "Her sister", "Her mother-in-law", new VictimSection("Ana B.", null, null, null, null, null, null, "Two children"),
        rows ?? new() { [PlanForm.ContactedSafelyRow] = new(true, "Mobile, after 18:00 only") },
        new PerpetratorSection("B. B.", null, FirearmLicenceOrFirearm: true, "Two reports in 2025", null, "Alcohol", null), null, "High");

    [Fact]
    public void The_form_beyond_questions_1_and_2_needs_both_yeses()
    {
        var broken = Form(informed: true, consent: false).Check(protectionWithoutConsent: false);

        Assert.Contains(broken, b => b.Field == "fears");
        Assert.Contains(broken, b => b.Field == "perpetrator");
        Assert.Empty(Form().Check(protectionWithoutConsent: false));
    }

    [Fact]
    public void A_childs_plan_holds_the_form_without_the_consent_answers()
    {
        // Art. 22(2).
        var plan = Plan(consent: TeamConsent.NotRequired);

        Assert.Empty(plan.RecordForm(Form(informed: false, consent: false)));
        Assert.NotNull(plan.Form);
    }

    [Fact]
    public void Rows_must_be_the_forms_own_and_nothing_is_kept_when_a_rule_is_broken()
    {
        var plan = Plan();

        var broken = plan.RecordForm(Form(rows: new() { ["weather"] = new(true, null) }));

        Assert.Equal("violenceTable.weather", Assert.Single(broken).Field);
        Assert.Null(plan.Form);
    }

    [Fact]
    public void A_draft_is_prefilled_from_the_individual_plan_the_assessment_and_the_police_report()
    {
        var plan = Plan();
        var individual = IndividualPlan.Start(KnownCase.Of(plan.CaseId, plan.CaseReference, "SK", false, Now.AddHours(-4)));
        individual.Record(true, true, new IndividualPlanContent("That he comes back.", "Her sister", "His brother", null, null, null, null, null, []),
            null, null, "Case worker", Now);

        var (draft, from) = PlanForm.Prefill(plan, individual);

        Assert.Equal(["individual-plan", "risk-assessment", "police-report"], from);
        Assert.True(draft.Informed && draft.ConsentToTeamAndDataExchange);
        Assert.Equal("His brother", draft.UnsafeToTalkTo);
        Assert.Contains("high", draft.RiskOfRepetition);
        Assert.Contains("weapon", draft.RiskOfRepetition);
        Assert.Contains("PS-1", draft.OtherCircumstances);
    }

    [Fact]
    public void Without_an_individual_plan_the_draft_asks_her_again()
    {
        var (draft, from) = PlanForm.Prefill(Plan(police: null), individual: null);

        Assert.Equal(["risk-assessment"], from);
        Assert.False(draft.Informed);
        Assert.Null(draft.Fears);
    }

    [Fact]
    public void A_team_member_sees_the_firearm_who_is_unsafe_to_talk_to_and_whether_she_can_be_contacted_safely()
    {
        var members = Form().ForMembers();

        Assert.True(members.FirearmLicenceOrFirearm);
        Assert.Equal("Her mother-in-law", members.UnsafeToTalkTo);
        Assert.Equal(new ViolenceRow(true, "Mobile, after 18:00 only"), members.VictimCanBeContactedSafely);
    }

    [Fact]
    public void A_closed_plan_or_one_waiting_for_her_consent_takes_no_form()
    {
        var waiting = Plan(consent: TeamConsent.Refused);

        Assert.Equal(RuleKind.Conflict, Assert.Single(waiting.RecordForm(Form())).Kind);
    }
}
