using Safeguard.BuildingBlocks.Domain;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.UnitTests;

public sealed class CaseTests
{
    [Fact]
    public void The_assessment_is_due_12_hours_after_the_centre_learned_of_the_violence()
    {
        // Rulebook Art. 5.
        var opened = CaseFactory.Open();

        Assert.Equal(CaseFactory.LearnedAt.AddHours(12), opened.AssessmentDueAt);
        Assert.False(opened.IsAssessmentOverdue(CaseFactory.LearnedAt.AddHours(12).AddTicks(-1)));
        Assert.True(opened.IsAssessmentOverdue(CaseFactory.LearnedAt.AddHours(12)));
    }

    [Fact]
    public void An_assessed_case_is_never_overdue()
    {
        var opened = CaseFactory.Open();
        opened.RecordAssessment(RiskLevel.Standard, CaseFactory.LearnedAt.AddHours(13));

        Assert.False(opened.IsAssessmentOverdue(CaseFactory.LearnedAt.AddDays(3)));
    }

    [Fact]
    public void An_open_case_takes_changes()
    {
        Assert.Null(CaseFactory.Open().CheckOpen());
    }

    [Fact]
    public void A_closed_case_takes_nothing_more()
    {
        var closed = CaseFactory.Open();
        closed.Close("The family moved abroad.", CaseFactory.LearnedAt.AddDays(30));

        var broken = closed.CheckOpen();

        Assert.NotNull(broken);
        Assert.Equal(RuleKind.Conflict, broken.Kind);
        Assert.Equal("state", broken.Field);
        Assert.False(closed.IsAssessmentOverdue(CaseFactory.LearnedAt.AddDays(31)));
    }

    [Theory]
    [InlineData(VictimCategory.Child, true)]
    [InlineData(VictimCategory.LimitedLegalCapacity, true)]
    [InlineData(VictimCategory.Adult, false)]
    public void A_child_or_a_person_with_limited_capacity_is_protected_without_consent(VictimCategory category, bool withoutConsent)
    {
        // Rulebook Art. 22(2).
        Assert.Equal(withoutConsent, CaseFactory.Open(category).ProtectionWithoutConsent);
    }

    [Fact]
    public void A_case_closes_only_without_a_live_safety_plan()
    {
        // Rulebook Art. 21: the team ends the plan on a reassessment; the case does not close around it.
        var opened = CaseFactory.Open();

        var broken = opened.CheckClosable(safetyPlanLive: true);

        Assert.Equal(RuleKind.Conflict, broken!.Kind);
        Assert.Equal("safetyPlan", broken.Field);
        Assert.Null(opened.CheckClosable(safetyPlanLive: false));
    }

    [Fact]
    public void A_closed_case_does_not_close_again()
    {
        var closed = CaseFactory.Open();
        closed.Close("Reported in error.", CaseFactory.LearnedAt.AddDays(1));

        Assert.Equal("state", closed.CheckClosable(safetyPlanLive: false)!.Field);
    }
}
