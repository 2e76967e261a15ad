using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safeguard.RiskAssessment.Tests;

/// <summary>
/// Every invalid request is answered with an RFC 7807 problem that names the field, and leaves the case
/// exactly as it was: no assessment stored, the same ETag.
/// </summary>
public sealed class InvalidRequestTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private async Task AssertNothingStoredAsync(OpenedCase c)
    {
        Assert.Empty(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/assessments"));
        var read = await Csr.ReadCaseAsync(c.Id);
        Assert.Equal(c.ETag, read.ETag);
        Assert.Equal(0, read.Body.GetProperty("assessmentCount").GetInt32());
    }

    private async Task<(OpenedCase Case, HttpResponseMessage Response)> SubmitAsync(Func<Answers, Answers> edit, bool children = false, object? judgement = null, DateTimeOffset? assessedAt = null)
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var answers = edit(await Answers.AllClearAsync(Csr, children)).Build();
        var response = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment(answers, children, judgement, assessedAt));
        return (c, response);
    }

    [Fact]
    public async Task An_unknown_item_is_named()
    {
        var (c, response) = await SubmitAsync(a => a.Yes("9.99"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "answers.9.99");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task A_missing_required_answer_is_named()
    {
        var (c, response) = await SubmitAsync(a => a.Without("1.7").Without("2.10"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "answers.1.7", "answers.2.10");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task Children_section_answers_without_children_are_refused()
    {
        var (c, response) = await SubmitAsync(a => a.Yes("4.1"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "answers.4.1");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task Children_section_is_required_with_children()
    {
        var (c, response) = await SubmitAsync(a => a.Without("4.4"), children: true);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "answers.4.4");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task An_unknown_option_or_detail_is_named()
    {
        var (c, response) = await SubmitAsync(a => a
            .Raw("2.4", new JsonObject { ["answer"] = "yes", ["choices"] = new JsonArray("jaywalking") })
            .Raw("1.2", new JsonObject { ["answer"] = "yes", ["details"] = new JsonObject { ["shoe-size"] = "42" } }));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "answers.1.2", "answers.2.4");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task An_answer_off_the_scale_names_its_field()
    {
        var (c, response) = await SubmitAsync(a => a.Raw("1.2", new JsonObject { ["answer"] = "maybe" }));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var field = Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name;
        Assert.Contains("1.2", field);
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task Lowering_the_level_by_judgement_is_refused()
    {
        var (c, response) = await SubmitAsync(a => a.Yes("1.27"), judgement: new { level = "medium", reason = "She says he has calmed down lately." });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "judgement.level");
        Assert.Contains("never lower", problem.GetProperty("errors").GetProperty("judgement.level")[0].GetString());
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task Raising_the_level_without_a_reason_is_refused()
    {
        var (c, response) = await SubmitAsync(a => a, judgement: new { level = "high" });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "judgement.reason");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task An_assessment_dated_in_the_future_is_refused()
    {
        var (c, response) = await SubmitAsync(a => a, assessedAt: DateTimeOffset.UtcNow.AddDays(400));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "assessedAt");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task An_unknown_instrument_version_is_named()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var answers = (await Answers.AllClearAsync(Csr)).Build();
        var response = await Csr.SubmitAssessmentAsync(c, new
        {
            instrumentVersion = "1999.1", assessedAt = DateTimeOffset.UtcNow, assessedBy = "Test Professional", victimInformedOfRights = true, childrenInFamily = false, answers,
        });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "instrumentVersion");
        await AssertNothingStoredAsync(c);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task An_assessment_before_the_victim_was_informed_of_her_rights_is_refused(bool? informed)
    {
        // Rulebook Art. 4 and 6: she is informed of her rights and the protection measures first.
        var c = await Csr.OpenCaseAsync(_centre);
        var answers = (await Answers.AllClearAsync(Csr)).Build();
        var response = await Csr.SubmitAssessmentAsync(c, new
        {
            assessedAt = DateTimeOffset.UtcNow, assessedBy = "Test Professional", victimInformedOfRights = informed, childrenInFamily = false, answers,
        });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "victimInformedOfRights");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task The_Annex_1_form_keeps_its_place_the_teams_convening_date_and_the_professionals_notes()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var answers = (await Answers.AllClearAsync(Csr)).Yes("5.4").Build();
        var response = await Csr.SubmitAssessmentAsync(c, new
        {
            assessedAt = DateTimeOffset.UtcNow, assessedBy = "Test Professional", victimInformedOfRights = true, childrenInFamily = false, answers,
            place = "Centre office, room 4", teamConvenedOn = "2026-11-24", professionalNotes = "She asked to be called only at work.",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await Csr.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        Assert.Equal("Centre office, room 4", stored.GetProperty("place").GetString());
        Assert.Equal("2026-11-24", stored.GetProperty("teamConvenedOn").GetString());
        Assert.Equal("She asked to be called only at work.", stored.GetProperty("professionalNotes").GetString());
    }

    [Fact]
    public async Task A_convening_date_without_a_yes_to_5_4_is_named()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var answers = (await Answers.AllClearAsync(Csr)).Build();
        var response = await Csr.SubmitAssessmentAsync(c, new
        {
            assessedAt = DateTimeOffset.UtcNow, assessedBy = "Test Professional", victimInformedOfRights = true, childrenInFamily = false, answers,
            teamConvenedOn = "2026-11-24",
        });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "teamConvenedOn");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task An_assessment_records_that_the_victim_was_informed_of_her_rights()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var response = await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await Csr.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        Assert.True(stored.GetProperty("victimInformedOfRights").GetBoolean());
    }

    [Fact]
    public async Task A_change_without_If_Match_is_refused_with_428()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var response = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/assessments",
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build()), etag: null);
        await response.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "If-Match");
        await AssertNothingStoredAsync(c);
    }

    [Fact]
    public async Task Two_professionals_on_the_same_version_never_overwrite_each_other()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var body = RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build());

        var both = await Task.WhenAll(Csr.SubmitAssessmentAsync(c, body), Csr.SubmitAssessmentAsync(c, body));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Created);
        await Assert.Single(both, r => r.StatusCode != HttpStatusCode.Created).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Single(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/assessments"));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_412()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var body = RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build());
        Assert.Equal(HttpStatusCode.Created, (await Csr.SubmitAssessmentAsync(c, body)).StatusCode);

        var stale = await Csr.SubmitAssessmentAsync(c, body, c.ETag);

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Single(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/assessments"));
    }

    [Fact]
    public async Task Answers_to_a_closed_case_are_refused_with_409()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var closed = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = "Reported in error: no violence." }, c.ETag);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var response = await Csr.SubmitAssessmentAsync(c,
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build()), RiskAssessmentApi.ETagOf(closed));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "state");
        Assert.Empty(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/assessments"));
    }

    [Fact]
    public async Task A_case_without_a_victim_or_with_a_nameless_one_is_refused()
    {
        var centre = _centre;
        var noVictim = await Csr.PostAsJsonAsync(RiskAssessmentApi.Cases, new { centreCode = centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow });
        var nameless = await Csr.PostAsJsonAsync(RiskAssessmentApi.Cases,
            new { centreCode = centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow, victim = new { category = "adult" } });
        var badCategory = await Csr.PostAsJsonAsync(RiskAssessmentApi.Cases,
            new { centreCode = centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow, victim = new { fullName = "Test Victim", category = "teenager" } });

        await noVictim.AssertProblemAsync(HttpStatusCode.BadRequest, "victim");
        await nameless.AssertProblemAsync(HttpStatusCode.BadRequest, "victim.fullName");
        await badCategory.AssertProblemAsync(HttpStatusCode.BadRequest, "victim.category");
        Assert.Empty(await Csr.ListAsync($"{RiskAssessmentApi.Cases}?centre={centre}"));
    }

    [Fact]
    public async Task A_police_report_proposing_a_measure_without_naming_it_is_refused()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var response = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/police-reports", new
        {
            reportReference = "PS-1", policeStation = "Police station Centar", reportedAt = DateTimeOffset.UtcNow, emergencyMeasureProposed = true,
        }, c.ETag);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "proposedMeasures");
        Assert.Empty(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/police-reports"));
        Assert.Equal("awaiting-assessment", (await Csr.ReadCaseAsync(c.Id)).Body.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Changes_to_an_unknown_case_are_404_problems()
    {
        var response = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{Guid.NewGuid()}/assessments",
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build()), "\"1\"");
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
