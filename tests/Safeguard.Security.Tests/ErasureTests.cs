using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Security.Tests;

/// <summary>
/// Issue 24 §10: a closed case is erased when its retention period ends, or earlier on an authorised request, by one
/// path. What is left names nobody, the counts stay, and the audit keeps that it happened.
/// </summary>
public sealed class ErasureTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    [Fact]
    public async Task A_supervisor_erases_a_closed_case_on_request_and_what_is_left_names_nobody()
    {
        var surname = Names.Marker();
        var worker = platform.As(Personas.CaseWorker(_centre));
        var supervisor = platform.As(Personas.Supervisor(_centre));
        var c = await worker.OpenCaseAsync(_centre, victimName: $"Ana {surname}",
            household: [new { fullName = $"Mila {surname}", relation = "daughter", isChild = true }]);
        var path = $"{RiskAssessmentApi.Cases}/{c.Id}/erasure";

        // An open case is a protection in progress; a case worker does not decide on erasure.
        (await (await supervisor.PostIfMatchAsync(path, new { ground = "consent-withdrawn" }, c.ETag))
            .AssertProblemAsync(HttpStatusCode.Conflict, "state")).GetRawText();
        var closed = await worker.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = $"Moved away with {surname}" }, c.ETag);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostIfMatchAsync(path, new { ground = "consent-withdrawn" }, RiskAssessmentApi.ETagOf(closed))).StatusCode);
        await (await supervisor.PostIfMatchAsync(path, new { ground = "retention-ended" }, RiskAssessmentApi.ETagOf(closed)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ground");
        await (await supervisor.PostIfMatchAsync(path, new { ground = "consent-withdrawn" }, c.ETag))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var erased = await supervisor.PostIfMatchAsync(path, new { ground = "consent-withdrawn" }, RiskAssessmentApi.ETagOf(closed));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        var read = (await supervisor.ReadCaseAsync(c.Id)).Body;
        Assert.DoesNotContain(surname, read.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", read.GetProperty("victim").GetProperty("fullName").GetString());
        Assert.Equal("daughter", read.GetProperty("household")[0].GetProperty("relation").GetString());
        Assert.Equal("consent-withdrawn", read.GetProperty("erasureGround").GetString());
        Assert.Equal(JsonValueKind.String, read.GetProperty("erasedAt").ValueKind);
        Assert.Equal("closed", read.GetProperty("state").GetString());
        // No name finds it any more; the centre's list still counts it.
        var found = await supervisor.PostAsJsonAsync(RiskAssessmentApi.Cases + "/search", new { name = surname });
        Assert.Empty((await found.Content.ReadFromJsonAsync<JsonElement[]>())!);
        Assert.Contains(await supervisor.ListAsync(RiskAssessmentApi.Cases), l => l.GetProperty("id").GetGuid() == c.Id);
        Assert.Equal(0, (int)Assert.Single(await platform.QueryAsync("risk-assessment-db",
            "SELECT cardinality(name_tokens) FROM cases WHERE id = @id", ("id", c.Id)))[0]);

        // Once is enough, and the history shows who erased it.
        await (await supervisor.PostIfMatchAsync(path, new { ground = "objection" }, RiskAssessmentApi.ETagOf(erased)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "erasedAt");
        var history = await supervisor.GetFromJsonAsync<JsonElement[]>($"/api/risk-assessment/audit/case/{c.Id}");
        Assert.Contains(history!, e => e.GetProperty("endpoint").GetString() == "POST /api/risk-assessment/cases/{id:guid}/erasure"
            && e.GetProperty("status").GetInt32() == 200 && e.GetProperty("subject").GetString() == $"sv-{_centre}");
    }

    [Fact]
    public async Task A_case_closed_longer_ago_than_its_retention_period_is_erased_by_the_platform_and_the_audit_says_so()
    {
        var surname = Names.Marker();
        var worker = platform.As(Personas.CaseWorker(_centre));
        var old = await ClosedCaseAsync(worker, $"Vesna {surname}");
        var recent = await ClosedCaseAsync(worker, $"Dita {surname}");
        // Closed ten years and a day ago (Retention:ClosedCaseDays, 3,650 by default).
        await platform.QueryAsync("risk-assessment-db", "UPDATE cases SET closed_at = closed_at - interval '3651 days' WHERE id = @id", ("id", old.Id));
        await platform.Gateway.AdvanceClockAsync("/api/risk-assessment", TimeSpan.Zero);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await platform.QueryAsync("risk-assessment-db", "SELECT 1 FROM cases WHERE id = @id AND erased_at IS NOT NULL", ("id", old.Id))).Count == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The case was not erased. The clean-up said: "
                + string.Join(" | ", platform.LogLines.Where(l => l.Contains("Retention", StringComparison.Ordinal)).TakeLast(5)));
            await Task.Delay(250);
        }

        var supervisor = platform.As(Personas.Supervisor(_centre));
        var read = (await supervisor.ReadCaseAsync(old.Id)).Body;
        Assert.DoesNotContain(surname, read.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("retention-ended", read.GetProperty("erasureGround").GetString());
        Assert.Contains(surname, (await supervisor.ReadCaseAsync(recent.Id)).Body.GetRawText());
        var entry = Assert.Single(await platform.QueryAsync("risk-assessment-db",
            "SELECT subject, endpoint, status FROM audit_entries WHERE record_id = @id AND action = 'erase'", ("id", old.Id)));
        Assert.Equal(["system", "retention Retention:ClosedCaseDays", "200"], entry.Select(v => v.ToString()));
    }

    [Fact]
    public async Task Erasing_a_case_erases_the_safety_plan_kept_for_it_and_safety_plan_audits_it()
    {
        var supervisor = platform.As(Personas.Supervisor(_centre));
        var c = await supervisor.OpenCaseAsync(_centre);
        // A plan that waited for her consent to the team, closed with the case.
        var refused = await supervisor.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents",
            RiskAssessmentApi.ConsentForm(["shelter", "legal-aid"], toTeamAndSafetyPlan: false), c.ETag);
        Assert.Equal(HttpStatusCode.Created, refused.StatusCode);
        var reported = await supervisor.ReportEmergencyMeasureAsync(c, RiskAssessmentApi.ETagOf(refused), "PS-ERASE-1");
        var planId = (await supervisor.WaitForPlanAsync(c.Id, p => p.GetProperty("state").GetString() == "awaiting-consent")).GetProperty("id").GetGuid();
        var closed = await supervisor.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = "She moved abroad." },
            RiskAssessmentApi.ETagOf(reported));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        await supervisor.WaitForPlanAsync(c.Id, p => p.GetProperty("state").GetString() == "closed");

        var erased = await supervisor.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/erasure", new { ground = "objection" }, RiskAssessmentApi.ETagOf(closed));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        IReadOnlyList<object[]> entries;
        while ((entries = await platform.QueryAsync("safety-plan-db",
                   "SELECT subject, endpoint FROM audit_entries WHERE record_id = @id AND action = 'erase'", ("id", planId))).Count == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "safety-plan did not erase the plan of the erased case");
            await Task.Delay(250);
        }
        Assert.Equal(["system", "event CaseErased (objection)"], Assert.Single(entries).Select(v => v.ToString()));
        var plan = await supervisor.WaitForPlanAsync(c.Id);
        Assert.All(plan.GetProperty("measures").EnumerateArray(), m => Assert.Equal("", m.GetProperty("description").GetString()));
    }

    private async Task<OpenedCase> ClosedCaseAsync(HttpClient worker, string victimName)
    {
        var c = await worker.OpenCaseAsync(_centre, victimName: victimName);
        var closed = await worker.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = "No further risk reported" }, c.ETag);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        return c;
    }
}
