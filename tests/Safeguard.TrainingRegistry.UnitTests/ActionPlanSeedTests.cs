using Safeguard.TrainingRegistry.ActionPlan;

namespace Safeguard.TrainingRegistry.UnitTests;

/// <summary>The activities of action-plan.json as read from seed 000's table (see the service's README for each reading).</summary>
public sealed class ActionPlanSeedTests
{
    private static async Task<Dictionary<string, Activity>> PlanAsync() =>
        (await ActionPlanSeeder.PlanActivitiesAsync(TestContext.Current.CancellationToken)).ToDictionary(a => a.Code);

    [Fact]
    public async Task Activities_1_1_1_to_1_1_4_are_numbered_as_the_seed_refers_to_them()
    {
        var plan = await PlanAsync();

        Assert.StartsWith("Обука за полициски службеници", plan["1.1.1"].Description);
        Assert.Equal([TargetGroup.Police], plan["1.1.1"].TargetGroups);
        Assert.StartsWith("Воведување на задача за учење", plan["1.1.1a"].Description);
        Assert.Equal((2023, 2023), (plan["1.1.1a"].FromYear, plan["1.1.1a"].ToYear));
        Assert.StartsWith("Континуирани специјализирани обуки", plan["1.1.2"].Description);
        Assert.StartsWith("Обука за психосоцијална поддршка", plan["1.1.3"].Description);
        // Seed 1.3.3: "the trainers trained under activity 1.1.4" are the teachers' training of trainers.
        Assert.Contains("обука за обучувачи и обуки за наставниот кадар", plan["1.1.4"].Description);
    }

    [Fact]
    public async Task The_community_policing_content_is_an_indicator_of_the_candidates_curriculum()
    {
        var plan = await PlanAsync();

        Assert.Contains(plan["1.1.1a"].Indicators, i => i.Text.Contains("Полициско работење во заедницата"));
    }

    [Fact]
    public async Task Police_training_under_1_1_1_is_for_officers_with_at_most_five_years_of_work_experience()
    {
        var police = (await PlanAsync())["1.1.1"];

        Assert.Null(police.RefuseExperience(5));
        Assert.NotNull(police.RefuseExperience(6));
        Assert.NotNull(police.RefuseExperience(null));
        Assert.Null((await PlanAsync())["1.1.6"].RefuseExperience(null));
    }

    [Fact]
    public async Task Target_groups_are_the_seeds_and_none_falls_to_other()
    {
        var plan = await PlanAsync();

        Assert.Equal([TargetGroup.InstitutionRepresentative, TargetGroup.Community], plan["1.1.11"].TargetGroups);
        Assert.Equal([TargetGroup.InstitutionRepresentative, TargetGroup.AcademicAndProfessionalPublic], plan["1.1.12"].TargetGroups);
        Assert.Contains(TargetGroup.ChildInCorrectionalInstitution, plan["4.2.2"].TargetGroups);
        Assert.DoesNotContain(plan.Values, a => a.TargetGroups.Contains(TargetGroup.Other));
    }

    [Fact]
    public async Task No_indicator_the_seed_does_not_have_and_the_missing_activities_are_there()
    {
        var plan = await PlanAsync();

        Assert.Equal(["Развиена програма и модул за обука (согласно искуството од Босна и Херцеговина)"], plan["4.2.6"].Indicators.Select(i => i.Text));
        Assert.Equal((2024, 2027), (plan["1.4.5"].FromYear, plan["1.4.5"].ToYear));
        Assert.Contains("интернет истраги", plan["1.4.5"].Description);
        Assert.Equal([TargetGroup.CommunityActionTeamMember], plan["1.3.2"].TargetGroups);
        Assert.Equal(2, plan["1.3.2"].Indicators.Count(i => i.Measure == IndicatorMeasure.PeopleTrained));
    }

    [Fact]
    public void A_second_row_of_an_activity_sorts_right_after_it()
    {
        string[] codes = ["1.1.10", "1.1.1a", "PP.1", "1.1.2", "1.1.1", "1.2.1"];

        Assert.Equal(["1.1.1", "1.1.1a", "1.1.2", "1.1.10", "1.2.1", "PP.1"], codes.Order(ActivityCodeOrder.Instance));
    }
}
