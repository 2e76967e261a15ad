using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safeguard.RiskAssessment.Tests;

/// <summary>
/// Issue 23: the workspace shows the level and its reasons while the professional answers, from the service's own
/// model. The evaluation records nothing and takes the questionnaire half-filled; what it gives is what the
/// assessment then records.
/// </summary>
public sealed class EvaluationTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task Half_answered_questions_give_the_level_the_recorded_assessment_then_gives()
    {
        var partial = new JsonObject { ["1.14"] = new JsonObject { ["answer"] = "yes" }, ["1.2"] = new JsonObject { ["answer"] = "no" } };
        var response = await Csr.PostAsJsonAsync("/api/risk-assessment/evaluations", new { childrenInFamily = false, answers = partial });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var live = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("high", live.GetProperty("level").GetString());
        Assert.Equal(["threat-to-kill"], live.GetProperty("redFlags").EnumerateArray().Select(f => f.GetString()));
        // Everything not yet answered is unknown, not safe.
        Assert.Equal("low", live.GetProperty("confidence").GetString());

        var complete = (await Answers.AllClearAsync(Csr)).Yes("1.14", "1.3").Build();
        var evaluated = await (await Csr.PostAsJsonAsync("/api/risk-assessment/evaluations", new { childrenInFamily = false, answers = complete }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var c = await Csr.OpenCaseAsync(_centre);
        var recorded = await (await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment(complete))).Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in new[] { "level", "modelLevel", "confidence", "factorsPresent", "factorsUnknown" })
        {
            Assert.Equal(recorded.GetProperty(field).ToString(), evaluated.GetProperty(field).ToString());
        }
        Assert.Equal(
            recorded.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()),
            evaluated.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Judgement_raises_with_a_reason_never_lowers_and_a_wrong_item_is_named()
    {
        var answers = new JsonObject { ["1.14"] = new JsonObject { ["answer"] = "yes" } };
        var lowered = await Csr.PostAsJsonAsync("/api/risk-assessment/evaluations",
            new { childrenInFamily = false, answers, judgement = new { level = "medium" } });
        await lowered.AssertProblemAsync(HttpStatusCode.BadRequest, "judgement.level");

        var calm = new JsonObject { ["1.2"] = new JsonObject { ["answer"] = "no" } };
        var raised = await Csr.PostAsJsonAsync("/api/risk-assessment/evaluations",
            new { childrenInFamily = false, answers = calm, judgement = new { level = "high", reason = "She says he bought a gun last week." } });
        var view = await raised.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("high", view.GetProperty("level").GetString());
        Assert.Equal("professional-judgement", view.GetProperty("reasons")[0].GetProperty("kind").GetString());

        var unknown = await Csr.PostAsJsonAsync("/api/risk-assessment/evaluations",
            new { childrenInFamily = false, answers = new JsonObject { ["9.99"] = new JsonObject { ["answer"] = "yes" } } });
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "answers.9.99");
        var children = await Csr.PostAsJsonAsync("/api/risk-assessment/evaluations",
            new { childrenInFamily = false, answers = new JsonObject { ["4.1"] = new JsonObject { ["answer"] = "yes" } } });
        await children.AssertProblemAsync(HttpStatusCode.BadRequest, "answers.4.1");
    }
}
