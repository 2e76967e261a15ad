using Safeguard.RiskAssessment.Risk;
using Safeguard.RiskAssessment.Assessments;

namespace Safeguard.RiskAssessment.UnitTests;

/// <summary>Rulebook Art. 4 and 6: the victim is informed of her rights before she is assessed.</summary>
public sealed class InformedOfRightsTests
{
    [Fact]
    public void An_informed_victim_may_be_assessed()
    {
        Assert.Null(Assessment.CheckInformedOfRights(true, victimIsChild: false));
        Assert.Null(Assessment.CheckInformedOfRights(true, victimIsChild: true));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void An_assessment_before_she_was_informed_is_refused_naming_the_field(bool? informed)
    {
        var broken = Assessment.CheckInformedOfRights(informed, victimIsChild: false);

        Assert.Equal("victimInformedOfRights", broken!.Field);
        Assert.Contains("Art. 4 and 6", broken.Message);
    }

    [Fact]
    public void For_a_child_the_refusal_asks_for_information_suited_to_her_age()
    {
        // Art. 6(2).
        var broken = Assessment.CheckInformedOfRights(false, victimIsChild: true);

        Assert.Contains("6(2)", broken!.Message);
        Assert.Contains("age", broken.Message);
    }
}

/// <summary>Annex 1 §5.4: the date the team was convened belongs to a "yes".</summary>
public sealed class TeamConvenedOnTests
{
    [Fact]
    public void A_convening_date_goes_with_a_yes_to_5_4()
    {
        Assert.Null(Assessment.CheckTeamConvenedOn(new DateOnly(2026, 11, 24), AnswerValue.Yes));
        Assert.Null(Assessment.CheckTeamConvenedOn(null, AnswerValue.No));
    }

    [Theory]
    [InlineData(AnswerValue.No)]
    [InlineData(AnswerValue.CannotAssess)]
    [InlineData(null)]
    public void A_convening_date_without_a_yes_is_refused_naming_the_field(AnswerValue? answer)
    {
        Assert.Equal("teamConvenedOn", Assessment.CheckTeamConvenedOn(new DateOnly(2026, 11, 24), answer)!.Field);
    }
}
