using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace Safeguard.Security.Tests;

/// <summary>
/// Every read and change of a personal record leaves an entry (who, institution, role, action, record, time,
/// trace); a supervisor reads a record's access history through the gateway; nobody can change it.
/// </summary>
public sealed class AuditTrailTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    [Fact]
    public async Task A_supervisor_sees_who_opened_read_and_tried_to_read_a_case()
    {
        var worker = platform.As(Personas.CaseWorker(_centre));
        var supervisor = platform.As(Personas.Supervisor(_centre));
        var strangerCentre = Names.CentreCode();
        var c = await worker.OpenCaseAsync(_centre);
        await worker.ReadCaseAsync(c.Id);
        await platform.As(Personas.CaseWorker(strangerCentre)).GetAsync($"{RiskAssessmentApi.Cases}/{c.Id}/assessments");

        var history = await supervisor.GetFromJsonAsync<JsonElement[]>($"/api/risk-assessment/audit/case/{c.Id}");

        Assert.NotNull(history);
        Assert.Equal(["change", "read", "denied"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([$"cw-{_centre}", $"cw-{_centre}", $"cw-{strangerCentre}"], history.Select(e => e.GetProperty("subject").GetString()));
        Assert.Equal([_centre, _centre, strangerCentre], history.Select(e => e.GetProperty("institution").GetString()));
        Assert.All(history, e => Assert.Equal("csr-case-worker", e.GetProperty("roles").GetString()));
        Assert.Equal([201, 200, 404], history.Select(e => e.GetProperty("status").GetInt32()));
        Assert.Equal("GET /api/risk-assessment/cases/{caseId:guid}/assessments", history[2].GetProperty("endpoint").GetString());
        Assert.All(history, e => Assert.Matches("^[0-9a-f]{32}$", e.GetProperty("traceId").GetString()));
        // Entries name the record, never what it says.
        Assert.DoesNotContain("Test Victim", JsonSerializer.Serialize(history));
    }

    [Fact]
    public async Task Only_supervisors_of_the_centre_and_platform_administrators_read_the_history()
    {
        var c = await platform.As(Personas.Supervisor(_centre)).OpenCaseAsync(_centre);
        var path = $"/api/risk-assessment/audit/case/{c.Id}";

        await (await platform.As(Personas.CaseWorker(_centre)).GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await platform.As(Personas.Supervisor(Names.CentreCode())).GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.GetAsync(path)).StatusCode);
        await (await platform.Gateway.GetAsync($"/api/risk-assessment/audit/victim/{c.Id}")).AssertProblemAsync(HttpStatusCode.BadRequest, "recordType");
        // No API changes or deletes an entry.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await platform.Gateway.DeleteAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_entry()
    {
        var c = await platform.As(Personas.Supervisor(_centre)).OpenCaseAsync(_centre);
        foreach (var sql in new[]
        {
            "UPDATE audit_entries SET subject = 'someone-else' WHERE record_id = @id",
            "DELETE FROM audit_entries WHERE record_id = @id",
            "TRUNCATE audit_entries",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => platform.QueryAsync("risk-assessment-db", sql, ("id", c.Id)));
            Assert.Contains("append-only", refused.MessageText);
        }
        var rows = await platform.QueryAsync("risk-assessment-db", "SELECT subject FROM audit_entries WHERE record_id = @id", ("id", c.Id));
        Assert.Equal($"sv-{_centre}", Assert.Single(rows)[0]);
    }

    /// <summary>
    /// Issue 24 §8: a change is committed together with its audit entry or not at all. The audit store refuses one
    /// worker's entries (as a full disk or a lost privilege would): her new case and her assessment are then not
    /// recorded either. A stale change is refused, rolled back, and audited on its own; once the store takes entries
    /// again, the same assessment is recorded with exactly one entry.
    /// </summary>
    [Fact]
    public async Task A_change_whose_audit_entry_cannot_be_written_is_not_recorded_and_a_refused_one_is_audited_on_its_own()
    {
        const string db = "risk-assessment-db";
        var worker = platform.As(Personas.CaseWorker(_centre));
        var c = await platform.As(Personas.Supervisor(_centre)).OpenCaseAsync(_centre);
        var assessment = RiskAssessmentApi.Assessment((await Answers.AllClearAsync(worker)).Build());
        var refuse = $"refuse_audit_{_centre.ToLowerInvariant()}";
        await platform.QueryAsync(db, $"""
            CREATE FUNCTION {refuse}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit store refuses'; END $$;
            CREATE TRIGGER {refuse} BEFORE INSERT ON audit_entries FOR EACH ROW WHEN (NEW.subject = 'cw-{_centre}') EXECUTE FUNCTION {refuse}();
            """);
        try
        {
            var opened = await worker.PostAsJsonAsync(RiskAssessmentApi.Cases, new
            {
                centreCode = _centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
                victim = new { fullName = "Test Victim", category = "adult" }, household = Array.Empty<object>(),
            });
            Assert.False(opened.IsSuccessStatusCode, $"opened: {(int)opened.StatusCode}");
            var assessed = await worker.SubmitAssessmentAsync(c, assessment);
            Assert.False(assessed.IsSuccessStatusCode, $"assessed: {(int)assessed.StatusCode}");
        }
        finally
        {
            await platform.QueryAsync(db, $"DROP TRIGGER {refuse} ON audit_entries; DROP FUNCTION {refuse}();");
        }
        Assert.Equal(1L, Assert.Single(await platform.QueryAsync(db, "SELECT count(*) FROM cases WHERE centre_code = @centre", ("centre", _centre)))[0]);
        Assert.Equal(0L, Assert.Single(await platform.QueryAsync(db, "SELECT count(*) FROM assessments WHERE case_id = @id", ("id", c.Id)))[0]);

        var stale = await worker.SubmitAssessmentAsync(c, assessment, etag: "\"1\"");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        var accepted = await worker.SubmitAssessmentAsync(c, assessment);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);

        Assert.Equal(1L, Assert.Single(await platform.QueryAsync(db, "SELECT count(*) FROM assessments WHERE case_id = @id", ("id", c.Id)))[0]);
        var entries = await platform.QueryAsync(db, "SELECT action, status FROM audit_entries WHERE record_id = @id AND subject = @subject ORDER BY id",
            ("id", c.Id), ("subject", $"cw-{_centre}"));
        Assert.Equal(["change 412", "change 201"], entries.Select(e => $"{e[0]} {e[1]}"));
    }

    /// <summary>
    /// Issue 24 §7: a signed-in caller's refusal is audited like a 404 on another institution's record — by the
    /// endpoint's roles (a case worker asking for the access history, a training administrator asking for a case)
    /// or by a filter (another centre's list) — once each. An anonymous caller the gateway turns away is counted in a
    /// metric instead.
    /// </summary>
    [Fact]
    public async Task Refusals_of_signed_in_callers_are_audited_once_and_anonymous_ones_are_counted()
    {
        const string db = "risk-assessment-db";
        var worker = platform.As(Personas.CaseWorker(_centre));
        var c = await platform.As(Personas.Supervisor(_centre)).OpenCaseAsync(_centre);

        await (await worker.GetAsync($"/api/risk-assessment/audit/case/{c.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await platform.As(Personas.TrainingAdmin()).GetAsync($"{RiskAssessmentApi.Cases}/{c.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await worker.GetAsync($"{RiskAssessmentApi.Cases}?centre={Names.CentreCode()}")).AssertProblemAsync(HttpStatusCode.Forbidden, "centre");

        var refusals = await platform.QueryAsync(db,
            "SELECT subject, action, record_type, endpoint FROM audit_entries WHERE record_id = @id AND status = 403 ORDER BY id", ("id", c.Id));
        Assert.Equal(
            [$"cw-{_centre} denied endpoint GET /api/risk-assessment/audit/{{recordType}}/{{id:guid}}", "ta-1 denied case GET /api/risk-assessment/cases/{id:guid}"],
            refusals.Select(r => string.Join(' ', r)));
        var listed = await platform.QueryAsync(db, "SELECT action FROM audit_entries WHERE subject = @subject AND status = 403 AND record_id IS NULL",
            ("subject", $"cw-{_centre}"));
        Assert.Equal(["list"], listed.Select(r => (string)r[0]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Anonymous.GetAsync($"{RiskAssessmentApi.Cases}/{c.Id}")).StatusCode);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (!platform.Telemetry.Contains("metrics", "safeguard.gateway.unauthenticated") && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.True(platform.Telemetry.Contains("metrics", "safeguard.gateway.unauthenticated"), "the gateway counts the requests it turns away unauthenticated");
    }

    /// <summary>
    /// Issue 24 §9: what a platform administrator does to the platform is audited like a change of a record: a
    /// mailbox changed, an e-mail retried (here one that does not exist: the refusal too), dead letters replayed.
    /// Their keys are codes and queue names, kept in the entry's record key.
    /// </summary>
    [Fact]
    public async Task A_platform_administrators_mailbox_change_retry_and_dead_letter_replay_are_audited()
    {
        var admin = platform.Gateway;
        var code = _centre;
        var missing = Guid.NewGuid();
        var mailbox = await admin.PutAsJsonAsync($"/api/notifications/institutions/{code}", new { name = "Centre for social work", email = $"csr@{code.ToLowerInvariant()}.test" });
        Assert.True(mailbox.IsSuccessStatusCode, $"mailbox: {(int)mailbox.StatusCode}");
        await (await admin.PostAsync($"/api/notifications/{missing}/retry", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var queue = (await admin.GetFromJsonAsync<JsonElement[]>("/api/risk-assessment/dead-letters"))!.First().GetProperty("queue").GetString()!;
        var replayed = await admin.PostAsync($"/api/risk-assessment/dead-letters/{queue}/replay", null);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);

        var notification = await platform.QueryAsync("notification-db",
            "SELECT action, record_type, coalesce(record_key, record_id::text), status FROM audit_entries WHERE subject = 'pa-1' AND (record_key = @code OR record_id = @missing) ORDER BY id",
            ("code", code), ("missing", missing));
        Assert.Equal([$"change institution-mailbox {code} 201", $"change notification {missing} 404"], notification.Select(r => string.Join(' ', r)));
        var risk = await platform.QueryAsync("risk-assessment-db",
            "SELECT action, record_type, status FROM audit_entries WHERE subject = 'pa-1' AND record_key = @queue", ("queue", queue));
        Assert.Contains("change dead-letters 200", risk.Select(r => string.Join(' ', r)));
    }

    /// <summary>
    /// Issue 24 §6: a list or a name search records the id of every record it returned, as a read: the case's history
    /// shows the worker's list and her search that surfaced it, and a search that found nothing is still recorded.
    /// </summary>
    [Fact]
    public async Task Every_list_and_search_that_returned_a_case_shows_in_its_history_as_a_read()
    {
        var supervisor = platform.As(Personas.Supervisor(_centre));
        var worker = platform.As(Personas.CaseWorker(_centre));
        var name = $"Arta {Names.Marker()}";
        var c = await supervisor.OpenCaseAsync(_centre, victimName: name);

        Assert.Contains(c.Id, (await worker.ListAsync(RiskAssessmentApi.Cases)).Select(x => x.GetProperty("id").GetGuid()));
        var found = await worker.PostAsJsonAsync($"{RiskAssessmentApi.Cases}/search", new { name });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var none = await worker.PostAsJsonAsync($"{RiskAssessmentApi.Cases}/search", new { name = Names.Marker() });
        Assert.Empty((await none.Content.ReadFromJsonAsync<JsonElement[]>())!);

        var history = (await supervisor.GetFromJsonAsync<JsonElement[]>($"/api/risk-assessment/audit/case/{c.Id}"))!;
        Assert.Equal(["change", "list", "list"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("POST /api/risk-assessment/cases/search", history[2].GetProperty("endpoint").GetString());
        Assert.All(history[1..], e => Assert.Equal($"cw-{_centre}", e.GetProperty("subject").GetString()));
        var empty = await platform.QueryAsync("risk-assessment-db",
            "SELECT action FROM audit_entries WHERE subject = @subject AND record_id IS NULL AND endpoint LIKE '%/search'", ("subject", $"cw-{_centre}"));
        Assert.Equal(["list"], empty.Select(r => (string)r[0]));
    }
}
