using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.RiskAssessment.Tests;

/// <summary>
/// The risk model, scenario by scenario, through the gateway on the real service: red flags lift the level
/// alone, the DASH-style count sets it otherwise, "cannot assess" lowers confidence and never reads as
/// safety, and the professional may raise the level but never lower it.
/// </summary>
public sealed class RiskModelScenarioTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    /// <summary>One Annex 1 item for each factor that is not a red flag, and combines with no other into one.</summary>
    private static readonly string[] PlainFactors =
        ["1.2", "1.3", "1.4", "1.5", "1.6", "1.11", "1.12", "1.16", "1.18", "1.23", "1.24", "2.1", "2.2", "2.4", "2.6", "2.13", "2.14", "3.3"];

    private async Task<JsonElement> AssessAsync(Answers answers, bool children = false, object? judgement = null)
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var response = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment(answers.Build(), children, judgement));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Level(JsonElement assessment) => assessment.GetProperty("level").GetString()!;

    private static string[] RedFlags(JsonElement assessment) =>
        assessment.GetProperty("redFlags").EnumerateArray().Select(f => f.GetString()!).ToArray();

    [Fact]
    public async Task No_risk_answered_gives_standard_with_no_reasons()
    {
        var result = await AssessAsync(await Answers.AllClearAsync(Csr));

        Assert.Equal("standard", Level(result));
        Assert.Equal("normal", result.GetProperty("confidence").GetString());
        Assert.Equal(0, result.GetProperty("factorsPresent").GetInt32());
        Assert.Empty(result.GetProperty("reasons").EnumerateArray());
    }

    [Theory]
    [InlineData("attempted-strangulation", "1.27")]
    [InlineData("threat-to-kill", "1.14")]
    [InlineData("weapon", "1.7")]
    [InlineData("weapon", "1.8")]
    [InlineData("weapon", "1.10")]
    [InlineData("weapon", "1.15")]
    [InlineData("weapon", "2.5")]
    [InlineData("escalation", "2.10")]
    [InlineData("violence-in-pregnancy", "1.28")]
    [InlineData("breach-of-protection-measure", "2.7")]
    [InlineData("stalking-with-threats", "1.17", "1.9")]
    [InlineData("separation-with-coercive-control", "1.22", "1.5.2")]
    public async Task Each_red_flag_alone_makes_the_level_high(string redFlag, params string[] items)
    {
        var result = await AssessAsync((await Answers.AllClearAsync(Csr)).Yes(items));

        Assert.Equal("high", Level(result));
        Assert.Contains(redFlag, RedFlags(result));
        var reason = result.GetProperty("reasons").EnumerateArray().First(r => r.GetProperty("code").GetString() == redFlag);
        Assert.Equal("red-flag", reason.GetProperty("kind").GetString());
        Assert.Contains(items[0], reason.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task Half_of_a_compound_red_flag_is_only_a_factor()
    {
        var stalkingOnly = await AssessAsync((await Answers.AllClearAsync(Csr)).Yes("1.17"));
        var separationOnly = await AssessAsync((await Answers.AllClearAsync(Csr)).Yes("1.22"));

        Assert.Equal("standard", Level(stalkingOnly));
        Assert.Empty(RedFlags(stalkingOnly));
        Assert.Equal("standard", Level(separationOnly));
    }

    [Theory]
    [InlineData(6, "standard")]
    [InlineData(7, "medium")]
    [InlineData(13, "medium")]
    [InlineData(14, "high")]
    public async Task Without_red_flags_the_count_of_factors_sets_the_level(int factors, string expected)
    {
        var result = await AssessAsync((await Answers.AllClearAsync(Csr)).Yes(PlainFactors.Take(factors).ToArray()));

        Assert.Equal(expected, Level(result));
        Assert.Equal(factors, result.GetProperty("factorsPresent").GetInt32());
        Assert.Empty(RedFlags(result));
        Assert.Equal(factors, result.GetProperty("reasons").EnumerateArray().Count(r => r.GetProperty("kind").GetString() == "factor"));
    }

    [Fact]
    public async Task Inverted_factors_count_only_on_a_clear_no()
    {
        var noJobNoSupport = await AssessAsync((await Answers.AllClearAsync(Csr)).Set("no", "3.2", "2.15", "2.16"));
        var unknownJob = await AssessAsync((await Answers.AllClearAsync(Csr)).CannotAssess("3.2"));

        Assert.Equal(2, noJobNoSupport.GetProperty("factorsPresent").GetInt32());
        Assert.Equal(0, unknownJob.GetProperty("factorsPresent").GetInt32());
        Assert.Equal(1, unknownJob.GetProperty("factorsUnknown").GetInt32());
    }

    [Fact]
    public async Task Many_cannot_assess_answers_mean_low_confidence_and_never_standard()
    {
        var few = await AssessAsync((await Answers.AllClearAsync(Csr)).CannotAssess(PlainFactors.Take(4).ToArray()));
        var many = await AssessAsync((await Answers.AllClearAsync(Csr)).CannotAssess(PlainFactors.Take(5).ToArray()));

        Assert.Equal("standard", Level(few));
        Assert.Equal("normal", few.GetProperty("confidence").GetString());
        Assert.Equal("medium", Level(many));
        Assert.Equal("low", many.GetProperty("confidence").GetString());
        Assert.Equal(5, many.GetProperty("factorsUnknown").GetInt32());
        Assert.Contains(many.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "low-confidence");
    }

    [Fact]
    public async Task An_unknown_red_flag_means_low_confidence_and_shows_the_level_it_could_reach()
    {
        var result = await AssessAsync((await Answers.AllClearAsync(Csr)).CannotAssess("1.27"));

        Assert.Equal("medium", Level(result));
        Assert.Equal("low", result.GetProperty("confidence").GetString());
        Assert.Equal("high", result.GetProperty("levelIfUnknownsPresent").GetString());
        var reason = result.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "low-confidence");
        Assert.Contains("attempted-strangulation", reason.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_professional_may_raise_the_level_with_a_reason()
    {
        var result = await AssessAsync(await Answers.AllClearAsync(Csr),
            judgement: new { level = "high", reason = "She described a plan he made to take the children abroad." });

        Assert.Equal("high", Level(result));
        Assert.Equal("standard", result.GetProperty("modelLevel").GetString());
        var first = result.GetProperty("reasons")[0];
        Assert.Equal("professional-judgement", first.GetProperty("kind").GetString());
        Assert.Contains("take the children abroad", first.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_case_keeps_every_assessment_and_its_history_shows_how_the_level_moved()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var first = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build()));
        var second = await Csr.SubmitAssessmentAsync(c,
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Yes("2.10").Build()), RiskAssessmentApi.ETagOf(first));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        var history = await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/risk-history");
        var assessments = await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/assessments");
        var current = await Csr.ReadCaseAsync(c.Id);

        Assert.Equal(["standard", "high"], history.Select(h => h.GetProperty("level").GetString()));
        Assert.Equal("standard", history[1].GetProperty("previousLevel").GetString());
        Assert.Equal([1, 2], assessments.Select(a => a.GetProperty("sequence").GetInt32()));
        Assert.Equal("2025.1", assessments[0].GetProperty("instrumentVersion").GetString());
        Assert.Equal("high", current.Body.GetProperty("riskLevel").GetString());
        Assert.Equal(2, current.Body.GetProperty("assessmentCount").GetInt32());
    }
}
