using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.ServiceDefaults.Security;

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

        await platform.WaitForRowAsync("risk-assessment-db", "SELECT 1 FROM cases WHERE id = @id AND erased_at IS NOT NULL",
            "The case was not erased when its period ended.", ("id", old.Id));

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

        var entry = await platform.WaitForRowAsync("safety-plan-db", "SELECT subject, endpoint FROM audit_entries WHERE record_id = @id AND action = 'erase'",
            "safety-plan did not erase the plan of the erased case", ("id", planId));
        Assert.Equal(["system", "event CaseErased (objection)"], entry.Select(v => v.ToString()));
        var plan = await supervisor.WaitForPlanAsync(c.Id);
        Assert.All(plan.GetProperty("measures").EnumerateArray(), m => Assert.Equal("", m.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task A_reintegration_case_is_erased_on_the_municipality_s_request_or_when_its_period_ends_with_every_record_under_it()
    {
        var surname = Names.Marker();
        var municipality = Names.CentreCode();
        var officer = platform.As(Personas.ReintegrationOfficer(municipality));
        var requested = await ClosedReintegrationCaseAsync(officer, municipality, surname);
        var expired = await ClosedReintegrationCaseAsync(officer, municipality, surname);
        var path = $"{ReintegrationApi.Cases}/{requested.Id}/erasure";

        // Another municipality's officer does not reach the file; a request names a ground of Art. 17(1).
        await (await platform.As(Personas.ReintegrationOfficer(Names.CentreCode())).PostIfMatchAsync(path, new { ground = "objection" }, requested.ETag))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await officer.PostIfMatchAsync(path, new { ground = "retention-ended" }, requested.ETag)).AssertProblemAsync(HttpStatusCode.BadRequest, "ground");
        var erased = await officer.PostIfMatchAsync(path, new { ground = "objection" }, requested.ETag);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        await (await officer.PostIfMatchAsync(path, new { ground = "objection" }, RiskAssessmentApi.ETagOf(erased)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "erasedAt");

        // Closed ten years and a day ago (Retention:ClosedCaseDays of reintegration, 3,650 by default).
        await platform.QueryAsync("reintegration-db", "UPDATE reintegration_cases SET closed_at = closed_at - interval '3651 days' WHERE id = @id", ("id", expired.Id));
        await platform.Gateway.AdvanceClockAsync(ReintegrationApi.Prefix, TimeSpan.Zero);
        await platform.WaitForRowAsync("reintegration-db", "SELECT 1 FROM reintegration_cases WHERE id = @id AND erased_at IS NOT NULL",
            "The reintegration case was not erased when its period ended.", ("id", expired.Id));

        foreach (var (id, ground) in new[] { (requested.Id, "objection"), (expired.Id, "retention-ended") })
        {
            var read = (await officer.ReadAsync(id)).Body;
            Assert.DoesNotContain(surname, read.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("", read.GetProperty("household").GetProperty("address").GetString());
            Assert.Equal(ground, read.GetProperty("erasureGround").GetString());
            Assert.Equal(["head", "child"], read.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("relationship").GetString()));
            Assert.Equal("closed", read.GetProperty("state").GetString());
            // The words of every record under it went too, read back through the service that decrypts them.
            var rows = await platform.QueryAsync("reintegration-db",
                "SELECT (SELECT count(*) FROM reviews WHERE case_id = @id), (SELECT count(*) FROM needs_assessments WHERE case_id = @id)", ("id", id));
            Assert.Equal(["1", "1"], rows.Single().Select(v => v.ToString()));
            var visits = await officer.GetStringAsync($"{ReintegrationApi.Cases}/{id}/needs-assessments");
            Assert.DoesNotContain(surname, visits, StringComparison.OrdinalIgnoreCase);
            var reviews = await officer.GetStringAsync($"{ReintegrationApi.Cases}/{id}/reviews");
            Assert.DoesNotContain(surname, reviews, StringComparison.OrdinalIgnoreCase);
        }
        var found = await officer.PostAsJsonAsync(ReintegrationApi.Cases + "/search", new { municipality, name = surname });
        Assert.Empty((await found.Content.ReadFromJsonAsync<JsonElement[]>())!);
        Assert.Equal(["system", "retention Retention:ClosedCaseDays"], Assert.Single(await platform.QueryAsync("reintegration-db",
            "SELECT subject, endpoint FROM audit_entries WHERE record_id = @id AND action = 'erase'", ("id", expired.Id))).Select(v => v.ToString()));
        Assert.Equal([$"ro-{municipality}", "200"], Assert.Single(await platform.QueryAsync("reintegration-db",
            "SELECT subject, status FROM audit_entries WHERE record_id = @id AND endpoint = 'POST /api/reintegration/cases/{id:guid}/erasure' AND status = 200",
            ("id", requested.Id))).Select(v => v.ToString()));
    }

    [Fact]
    public async Task A_disabled_account_keeps_only_what_the_audit_needs_once_its_period_ends()
    {
        var flow = new SignInFlow(platform);
        var supervisor = await flow.RegisterInstitutionAsync(Names.CentreCode(), "csr", PlatformRoles.CsrSupervisor);
        var still = await flow.RegisterInstitutionAsync(Names.CentreCode(), "csr", PlatformRoles.CsrSupervisor);
        await flow.SignInAsync(supervisor);
        foreach (var account in new[] { supervisor, still })
        {
            Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.PostAsync($"/api/identity/accounts/{account.AccountId}/disable", null)).StatusCode);
        }

        // Disabled ten years and a day ago (Retention:DisabledAccountDays, 3,650 by default); the other only now.
        await platform.QueryAsync("identity-db", "UPDATE accounts SET \"DisabledAt\" = \"DisabledAt\" - interval '3651 days' WHERE \"Id\" = @id",
            ("id", supervisor.AccountId));
        await platform.Gateway.AdvanceClockAsync("/api/identity", TimeSpan.Zero);
        await platform.WaitForRowAsync("identity-db", "SELECT 1 FROM accounts WHERE \"Id\" = @id AND \"ErasedAt\" IS NOT NULL",
            "The disabled account was not erased when its period ended.", ("id", supervisor.AccountId));

        const string row = "SELECT \"UserName\", \"Email\", \"PasswordHash\", \"PhoneNumber\", (SELECT count(*) FROM account_tokens t WHERE t.\"UserId\" = a.\"Id\") "
            + "FROM accounts a WHERE \"Id\" = @id";
        Assert.Equal([$"erased-{supervisor.AccountId:N}", "", "", "", "0"],
            (await platform.QueryAsync("identity-db", row, ("id", supervisor.AccountId))).Single().Select(v => v.ToString()));
        Assert.Equal(still.Email, (await platform.QueryAsync("identity-db", row, ("id", still.AccountId))).Single()[1]);
        var view = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/identity/accounts/{supervisor.AccountId}");
        Assert.Equal(("erased", ""), (view.GetProperty("state").GetString(), view.GetProperty("email").GetString()));
        Assert.Equal(PlatformRoles.CsrSupervisor, view.GetProperty("roles")[0].GetString());
        // Her sign-ins stay in the audit under the id, and the audit says the platform erased her address.
        var actions = (await platform.QueryAsync("identity-db", "SELECT action, subject FROM audit_entries WHERE record_id = @id ORDER BY id",
            ("id", supervisor.AccountId))).Select(r => $"{r[0]} {r[1]}").ToList();
        Assert.Contains(actions, a => a.StartsWith("sign-in ", StringComparison.Ordinal));
        Assert.Contains("erase system", actions);
    }

    /// <summary>A returning family visited (a note naming them) and closed early by a final assessment that names them too.</summary>
    private static async Task<ReintegrationCase> ClosedReintegrationCaseAsync(HttpClient officer, string municipality, string surname)
    {
        var now = await officer.ServiceTimeAsync(ReintegrationApi.Prefix);
        var c = await officer.RegisterReturnAsync(municipality, now.AddHours(-5), surname);
        var etag = await officer.AssessNeedsAsync(c, c.ETag, new
        {
            visitedAt = now,
            visitors = new[]
            {
                new { fullName = "Officer A", institution = "Municipal office", represents = "municipal-office-for-communities-and-returns" },
                new { fullName = "Worker B", institution = "CSR", represents = "centre-for-social-work" },
            },
            needs = new[] { "civil-documents", "employment-and-skills", "social-assistance", "health", "mental-health", "education-and-language", "legal-aid" }
                .Select(a => new { area = a, level = "none", note = (string?)null })
                .Append(new { area = "housing", level = "urgent", note = (string?)$"The {surname} family sleeps at a cousin's" }).ToArray(),
        });
        var closed = await officer.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/reviews", new
        {
            kind = "final-assessment", reviewedAt = now, reviewedBy = "Officer", summary = $"The {surname} family left for Germany.", earlyClosureReason = "departure",
        }, etag);
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        return await officer.ReadAsync(c.Id);
    }

    private async Task<OpenedCase> ClosedCaseAsync(HttpClient worker, string victimName)
    {
        var c = await worker.OpenCaseAsync(_centre, victimName: victimName);
        var closed = await worker.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = "No further risk reported" }, c.ETag);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        return c;
    }
}
