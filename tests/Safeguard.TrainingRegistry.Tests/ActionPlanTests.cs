using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.TrainingRegistry.Tests;

/// <summary>The action plan's training activities are loaded as data at first start (seed 000; seed 002).</summary>
public sealed class ActionPlanTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_seeded_plan_holds_the_training_activities_in_the_original_language_with_their_targets()
    {
        var activities = await platform.Gateway.GetFromJsonAsync<JsonElement[]>(TrainingApi.Prefix + "/activities");
        Assert.NotNull(activities);
        string[] expected = ["1.1.1", "1.1.1a", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6", "1.1.7", "1.1.8", "1.1.9", "1.1.10", "1.1.11", "1.1.12", "1.2.1", "1.3.2",
            "1.4.5", "2.1.2", "4.2.2", "4.2.6", "PP.1", "PP.2"];
        Assert.Equal(expected, activities.Select(a => a.GetProperty("code").GetString()));

        var police = activities.Single(a => a.GetProperty("code").GetString() == "1.1.1");
        Assert.StartsWith("Обука за полициски службеници", police.GetProperty("description").GetString());
        Assert.StartsWith("Training police officers", police.GetProperty("titleEn").GetString());
        Assert.Equal((2023, 2025), (police.GetProperty("fromYear").GetInt32(), police.GetProperty("toYear").GetInt32()));
        var trainers = police.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("measure").GetString() == "trainers-certified");
        Assert.Equal(20, trainers.GetProperty("target").GetInt32());
        Assert.Contains("најмалку 20 обучувачи", trainers.GetProperty("text").GetString());
        Assert.Equal(["police"], police.GetProperty("targetGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(5, police.GetProperty("maxYearsOfExperience").GetInt32());
        // The police candidates' curriculum of 2023 is its own row, with the community-policing content it develops.
        var candidates = activities.Single(a => a.GetProperty("code").GetString() == "1.1.1a");
        Assert.Equal(["police-candidate"], candidates.GetProperty("targetGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Contains(candidates.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("text").GetString()!.Contains("Полициско работење во заедницата"));
        // 1.3.3 trains pupils with "the trainers trained under activity 1.1.4": the teachers' training of trainers.
        Assert.Contains("наставниот кадар", activities.Single(a => a.GetProperty("code").GetString() == "1.1.4").GetProperty("description").GetString());
        Assert.Equal("со редовни буџетски средства", police.GetProperty("fiscal").GetString());

        Assert.Equal("timeframe", trainers.GetProperty("scope").GetString());

        var goals = await platform.Gateway.GetFromJsonAsync<JsonElement[]>(TrainingApi.Prefix + "/goals");
        Assert.Contains(goals!, g => g.GetProperty("code").GetString() == "1.1" && g.GetProperty("priorityTitleEn").GetString() == "Prevention");
    }

    [Fact]
    public async Task A_target_over_the_timeframe_is_counted_over_its_years_so_far_and_the_view_says_so()
    {
        var analyst = platform.As(Personas.Analyst());

        // "At least 20 trainers" over 2023-2025: the 2025 view counts 2023 to 2025, the 2024 view 2023 to 2024.
        foreach (var (year, to) in new[] { (2025, 2025), (2024, 2024), (2027, 2025) })
        {
            var view = Assert.Single((await analyst.GetFromJsonAsync<JsonElement[]>($"{TrainingApi.Prefix}/indicators?year={year}&activity=1.1.1"))!);
            var trainers = view.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("target").ValueKind == JsonValueKind.Number);
            Assert.Equal("timeframe", trainers.GetProperty("scope").GetString());
            Assert.Equal((2023, to), (trainers.GetProperty("countedFrom").GetInt32(), trainers.GetProperty("countedTo").GetInt32()));
        }
        // An indicator without a target counts the year alone.
        var police = Assert.Single((await analyst.GetFromJsonAsync<JsonElement[]>($"{TrainingApi.Prefix}/indicators?year=2024&activity=1.1.1"))!);
        var trained = police.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("measure").GetString() == "people-trained");
        Assert.Equal((2024, 2024), (trained.GetProperty("countedFrom").GetInt32(), trained.GetProperty("countedTo").GetInt32()));
    }
}
