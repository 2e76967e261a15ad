using Safeguard.BuildingBlocks.Domain;
using Safeguard.RiskAssessment.Assessments;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.UnitTests;

/// <summary>Annex 1 §5: the professional may raise the model's level with a reason, never lower it.</summary>
public sealed class ProfessionalJudgementTests
{
    [Fact]
    public void Without_a_judgement_the_models_level_stands()
    {
        var (outcome, broken) = ProfessionalJudgement.Apply(RiskLevel.Medium, null, null);

        Assert.Null(broken);
        Assert.Equal(new ProfessionalJudgement.Outcome(RiskLevel.Medium, null), outcome);
    }

    [Fact]
    public void Agreeing_with_the_model_needs_no_reason()
    {
        var (outcome, broken) = ProfessionalJudgement.Apply(RiskLevel.High, RiskLevel.High, null);

        Assert.Null(broken);
        Assert.Equal(RiskLevel.High, outcome!.Level);
        Assert.Null(outcome.Reason);
    }

    [Fact]
    public void Raising_with_a_reason_records_the_raised_level_and_the_reason()
    {
        var (outcome, broken) = ProfessionalJudgement.Apply(RiskLevel.Standard, RiskLevel.High, "  He bought a gun last week.  ");

        Assert.Null(broken);
        Assert.Equal(RiskLevel.High, outcome!.Level);
        Assert.Equal("He bought a gun last week.", outcome.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("worried")]
    public void Raising_without_a_reason_a_colleague_can_follow_is_refused(string? reason)
    {
        var (outcome, broken) = ProfessionalJudgement.Apply(RiskLevel.Standard, RiskLevel.Medium, reason);

        Assert.Null(outcome);
        Assert.Equal(RuleBroken.Invalid("judgement.reason", $"Raising the level needs a written reason of at least {ProfessionalJudgement.MinimumReasonLength} characters."), broken);
    }

    [Theory]
    [InlineData(RiskLevel.High, RiskLevel.Medium)]
    [InlineData(RiskLevel.High, RiskLevel.Standard)]
    [InlineData(RiskLevel.Medium, RiskLevel.Standard)]
    public void Lowering_the_models_level_is_refused_whatever_the_reason(RiskLevel model, RiskLevel judged)
    {
        var (outcome, broken) = ProfessionalJudgement.Apply(model, judged, "She says he has calmed down since.");

        Assert.Null(outcome);
        Assert.Equal(RuleKind.Invalid, broken!.Kind);
        Assert.Equal("judgement.level", broken.Field);
    }

    [Fact]
    public void A_raised_level_is_explained_by_her_reason_first_then_the_models()
    {
        var model = RiskModel.Evaluate(new Dictionary<string, AnswerValue> { ["1.2"] = AnswerValue.Yes }, childrenInFamily: false);

        var raised = model.ReasonsFor(RiskLevel.High, "He bought a gun last week.");
        Assert.Equal("professional-judgement", raised[0].Kind);
        Assert.Contains("He bought a gun last week.", raised[0].Description);
        Assert.Equal(model.Reasons, raised.Skip(1));
        Assert.Same(model.Reasons, model.ReasonsFor(model.Level, null));
    }
}
