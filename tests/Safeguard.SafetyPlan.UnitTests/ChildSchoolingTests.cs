using Safeguard.BuildingBlocks.Domain;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Art. 28: help with the child's schooling is due again whenever she changes her residence or stay.</summary>
public sealed class ChildSchoolingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly TeamMembership SchoolSeat = TeamMembership.Start(Guid.NewGuid(), InstitutionKind.School, "School", MemberRole.Member,
        new ContactDetails("School Member", "school.member@institution.test", null, null, null, null, "mk"), Now);

    private static Plans.SafetyPlan Plan(bool childrenAtRisk) => Plans.SafetyPlan.Convene(Guid.NewGuid(), "SK-2026-00001", "SK", Guid.NewGuid(),
        ["high-risk"], "high", [], childrenAtRisk, othersAtRisk: false, victimConsent: "given", policeReportReference: null, emergencyMeasures: [],
        violenceReportedAt: Now.AddHours(-2), consentAsOf: Now, now: Now);

    [Fact]
    public void A_move_makes_the_school_notice_due_again_for_the_new_school_and_adds_the_schooling_help()
    {
        var plan = Plan(childrenAtRisk: true);
        var measures = PlanDrafting.Draft(plan, [SchoolSeat], Now).ToList();
        var notice = measures.Single(m => m.Code == ChildSchooling.SchoolNotice);
        notice.NameNoticeRecipient(new NoticeRecipient("Primary school Centar", "Skopje", null));
        notice.ChangeStatus(MeasureStatus.Done);

        var (dueAgain, broken) = ChildSchooling.OnMove(plan, measures, [SchoolSeat], Now.AddDays(20), Now.AddDays(21));

        Assert.Null(broken);
        Assert.Equal(MeasureStatus.Planned, notice.Status);
        Assert.Null(notice.NoticeRecipient);
        Assert.Equal(Now.AddDays(20), notice.DueAgainSince);
        var help = Assert.Single(dueAgain, m => m.Code == ChildSchooling.Help);
        Assert.Equal(measures.Max(m => m.Number) + 1, help.Number);
        Assert.Equal(SchoolSeat.Id, help.ResponsibleMembershipId);
        Assert.Equal(Now.AddDays(21), plan.RevisedAt);
    }

    [Fact]
    public void Every_move_starts_it_over_again()
    {
        var plan = Plan(childrenAtRisk: true);
        var measures = PlanDrafting.Draft(plan, [SchoolSeat], Now).ToList();
        var (first, _) = ChildSchooling.OnMove(plan, measures, [SchoolSeat], Now.AddDays(1), Now.AddDays(1));
        measures.AddRange(first.Where(m => !measures.Contains(m)));
        foreach (var m in measures)
        {
            m.ChangeStatus(MeasureStatus.Done);
        }

        var (second, _) = ChildSchooling.OnMove(plan, measures, [SchoolSeat], Now.AddDays(40), Now.AddDays(40));

        Assert.Equal(2, second.Count);
        Assert.All(second, m => Assert.Equal((MeasureStatus.Planned, Now.AddDays(40)), (m.Status, m.DueAgainSince)));
        Assert.Single(measures, m => m.Code == ChildSchooling.Help);
    }

    [Fact]
    public void A_plan_without_children_at_risk_has_no_schooling_to_redo()
    {
        var plan = Plan(childrenAtRisk: false);

        var (dueAgain, broken) = ChildSchooling.OnMove(plan, PlanDrafting.Draft(plan, [], Now).ToList(), [], Now, Now);

        Assert.Empty(dueAgain);
        Assert.Equal((RuleKind.Conflict, "childrenAtRisk"), (broken!.Kind, broken.Field));
        Assert.Null(plan.RevisedAt);
    }

    [Fact]
    public void A_move_cannot_be_recorded_before_it_happens()
    {
        var plan = Plan(childrenAtRisk: true);

        var (_, broken) = ChildSchooling.OnMove(plan, PlanDrafting.Draft(plan, [], Now).ToList(), [], Now.AddDays(1), Now);

        Assert.Equal("movedAt", broken!.Field);
    }
}
