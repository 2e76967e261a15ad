using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Safeguard.RiskAssessment.Tests;

/// <summary>Opening a case through the gateway: what is stored, what is refused, and that refusals store nothing.</summary>
public sealed class OpenCaseTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private const string Cases = "/api/risk-assessment/cases";

    [Fact]
    public async Task The_assessment_is_due_12_hours_after_the_centre_learned_of_the_violence()
    {
        var learnedAt = new DateTimeOffset(2026, 11, 20, 21, 15, 0, TimeSpan.FromHours(1));

        var opened = (await Csr.OpenCaseAsync(_centre, learnedAt, "victim")).Body;

        // Rulebook Art. 5: immediately, at the latest within 12 hours.
        Assert.Equal(learnedAt.AddHours(12), opened.GetProperty("assessmentDueAt").GetDateTimeOffset());
        Assert.Equal(learnedAt, opened.GetProperty("learnedAt").GetDateTimeOffset());
        Assert.Equal("victim", opened.GetProperty("reportedBy").GetString());
    }

    [Fact]
    public async Task References_number_each_centres_cases_without_gaps_or_repeats_even_when_opened_at_once()
    {
        var centre = _centre;
        var other = Names.CentreCode();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);

        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Csr.OpenCaseAsync(centre, now)));
        var first = (await platform.As(Personas.CaseWorker(other)).OpenCaseAsync(other, now)).Body;

        var year = DateTime.UtcNow.Year;
        var references = burst.Select(c => c.Reference).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"{centre}-{year}-{n:D5}").ToArray(), references);
        Assert.Equal($"{other}-{year}-00001", first.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task A_case_reads_back_and_is_listed_under_its_centre()
    {
        var centre = _centre;
        var opened = (await Csr.OpenCaseAsync(centre, DateTimeOffset.UtcNow.AddHours(-2), "school")).Body;
        var id = opened.GetProperty("id").GetGuid();

        var read = await Csr.GetFromJsonAsync<JsonElement>($"{Cases}/{id}");
        var listed = await Csr.GetFromJsonAsync<JsonElement[]>($"{Cases}?centre={centre}");

        Assert.Equal(opened.GetProperty("reference").GetString(), read.GetProperty("reference").GetString());
        Assert.Equal(id, Assert.Single(listed!).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Missing_fields_are_named_in_a_problem_response_and_nothing_is_stored()
    {
        var centre = _centre;

        var response = await Csr.PostAsJsonAsync(Cases, new { centreCode = centre });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "learnedAt", "reportedBy", "victim");
        Assert.Empty((await Csr.GetFromJsonAsync<JsonElement[]>($"{Cases}?centre={centre}"))!);
    }

    [Fact]
    public async Task A_malformed_centre_code_is_named()
    {
        var response = await Csr.PostAsJsonAsync(Cases,
            new { centreCode = "sk-1", reportedBy = "police", learnedAt = DateTimeOffset.UtcNow, victim = new { fullName = "Test Victim", category = "adult" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "centreCode");
    }

    [Fact]
    public async Task An_unknown_reporter_is_named()
    {
        var centre = _centre;
        var response = await Csr.PostAsJsonAsync(Cases,
            new { centreCode = centre, reportedBy = "neighbour", learnedAt = DateTimeOffset.UtcNow, victim = new { fullName = "Test Victim", category = "adult" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "reportedBy");
        Assert.Empty((await Csr.GetFromJsonAsync<JsonElement[]>($"{Cases}?centre={centre}"))!);
    }

    [Fact]
    public async Task A_time_in_the_future_is_refused()
    {
        // "Future" is judged by the service's clock, which deadline tests move forward.
        var serviceNow = await platform.Gateway.AdvanceClockAsync("/api/risk-assessment", TimeSpan.Zero);
        var response = await Csr.PostAsJsonAsync(Cases,
            new { centreCode = _centre, reportedBy = "police", learnedAt = serviceNow.AddHours(3), victim = new { fullName = "Test Victim", category = "adult" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "learnedAt");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_problem_response()
    {
        using var content = new StringContent("{ this is not json", Encoding.UTF8, "application/json");

        var response = await Csr.PostAsync(Cases, content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task An_unknown_case_is_a_404_problem()
    {
        var response = await Csr.GetAsync($"{Cases}/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cases_are_filtered_by_state_and_risk_level()
    {
        var centre = _centre;
        var waiting = await Csr.OpenCaseAsync(centre);
        var assessed = await Csr.OpenCaseAsync(centre);
        var response = await Csr.SubmitAssessmentAsync(assessed,
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Yes("2.10").Build()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var high = await Csr.ListAsync($"{Cases}?centre={centre}&riskLevel=high");
        var awaiting = await Csr.ListAsync($"{Cases}?centre={centre}&state=awaiting-assessment");
        var convened = await Csr.ListAsync($"{Cases}?centre={centre}&state=team-convened&riskLevel=high");

        Assert.Equal(assessed.Id, Assert.Single(high).GetProperty("id").GetGuid());
        Assert.Equal(waiting.Id, Assert.Single(awaiting).GetProperty("id").GetGuid());
        Assert.Equal(assessed.Id, Assert.Single(convened).GetProperty("id").GetGuid());
    }
}
