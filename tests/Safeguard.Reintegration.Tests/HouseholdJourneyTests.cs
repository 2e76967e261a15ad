using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.Reintegration;

namespace Safeguard.Reintegration.Tests;

/// <summary>
/// A returning household from the 72-hour visit to the final assessment at 18 months (004 §1.1-1.5, 2.7). The
/// test moves the service's clock to make each deadline fall due and then overdue, and checks each event
/// arrives exactly once.
/// </summary>
[Collection(ReintegrationClockCollection.Name)]
public sealed class HouseholdJourneyTests(PlatformFixture platform)
{
    /// <summary>The municipality's officer who works the case (set by the test).</summary>
    private HttpClient _officer = null!;

    private const string Service = ReintegrationApi.Prefix;

    [Fact]
    public async Task A_household_goes_from_return_to_closure_at_18_months_and_every_clock_falls_due_and_overdue_once()
    {
        var broker = await platform.ConnectionStringAsync("messaging");
        await using var alerts = await TestBus.ListenAsync<ReintegrationClockAlert>(broker);
        await using var closures = await TestBus.ListenAsync<ReintegrationCaseClosed>(broker);
        var municipality = Names.CentreCode();
        var gateway = _officer = platform.As(Personas.ReintegrationOfficer(municipality));
        await platform.Gateway.RegisterMailboxAsync(municipality, Names.Mailbox(municipality), "sq");

        var arrival = await gateway.ServiceTimeAsync(Service);
        var c = await gateway.RegisterReturnAsync(municipality, arrival);
        Assert.Matches($"^RI-{municipality}-\\d{{4}}-\\d{{5}}$", c.Reference);
        Assert.Equal("awaiting-visit", c.Body.GetProperty("state").GetString());

        // 004 §1.1: the visit within 72 hours. Missed on purpose: reminded at 48 h, overdue at 72 h.
        var visitDeadline = await StepThroughAsync(alerts, c, "visit");
        Assert.Equal(arrival.AddHours(72), visitDeadline);
        var overdueList = await gateway.GetFromJsonAsync<JsonElement[]>($"{Service}/deadlines?municipality={municipality}&status=overdue");
        Assert.Contains(overdueList!, d => d.GetProperty("caseId").GetGuid() == c.Id && d.GetProperty("clock").GetString() == "visit");
        var emails = await platform.Inbox.WaitForAsync(Names.Mailbox(municipality), count: 2);
        Assert.Contains(emails, e => e.Subject == $"ME VONESË: rasti {c.Reference}: vizita dhe vlerësimi i nevojave, brenda 72 orëve nga mbërritja (§1.1)");

        var visitedAt = await gateway.ServiceTimeAsync(Service);
        var etag = await gateway.AssessNeedsAsync(c, c.ETag, ReintegrationApi.NeedsForm(visitedAt, ("housing", null), ("education-and-language", c.Member(1))));
        var assessed = await gateway.ReadAsync(c.Id);
        Assert.False(assessed.Body.GetProperty("visitWithin72Hours").GetBoolean());
        Assert.DoesNotContain(assessed.Body.GetProperty("clocks").EnumerateArray(), k => k.GetProperty("clock").GetString() == "visit");

        var adoptedAt = await gateway.ServiceTimeAsync(Service);
        (_, etag) = await gateway.AdoptPlanAsync(c, etag, adoptedAt, ("rent-subsidy", null), ("school-enrolment", c.Member(1)));

        // 004 §1.4: monthly monitoring, then a review restarts the month.
        var monthly = await StepThroughAsync(alerts, c, "monthly-monitoring");
        Assert.Equal(adoptedAt.AddMonths(1), monthly);
        var monitoredAt = await gateway.ServiceTimeAsync(Service);
        etag = await ReviewAsync(c, etag, new { kind = "monthly-monitoring", reviewedAt = monitoredAt, reviewedBy = "Officer", summary = "Rent paid; enrolment pending." });
        Assert.Equal(monitoredAt.AddMonths(1), Clock(await gateway.ClocksAsync(c.Id), "monthly-monitoring").GetProperty("deadlineAt").GetDateTimeOffset());

        // 004 §1.4: the quarterly evaluation is the municipality's, of its schemes; a household has no quarterly clock or review.
        Assert.DoesNotContain(await gateway.ClocksAsync(c.Id), k => k.GetProperty("clock").GetString() == "quarterly-evaluation");
        await (await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/reviews",
                new { kind = "quarterly-evaluation", reviewedAt = monitoredAt, reviewedBy = "Officer", summary = "Schemes working." }, etag))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        await EvaluateSchemesAsync(municipality, adoptedAt);

        // 004 §2.7: who needs support beyond 12 months.
        Assert.Equal(arrival.AddMonths(12), await StepThroughAsync(alerts, c, "twelve-month-review"));
        etag = await ReviewAsync(c, etag, new
        {
            kind = "twelve-month-review", reviewedAt = await gateway.ServiceTimeAsync(Service), reviewedBy = "Officer",
            summary = "Rent must continue for six months.", supportBeyond12Months = true, extendedSupport = new[] { "rent-subsidy" },
        });

        // 004 §1.5: the final assessment after 18 months closes the case.
        Assert.Equal(arrival.AddMonths(18), await StepThroughAsync(alerts, c, "final-assessment"));
        var closedAt = await gateway.ServiceTimeAsync(Service);
        etag = await ReviewAsync(c, etag, new { kind = "final-assessment", reviewedAt = closedAt, reviewedBy = "Officer", summary = "Employed, housed, children at school.", sustainable = true });
        var closed = Assert.Single(await closures.WaitForAsync(e => e.CaseId == c.Id));
        Assert.True(closed.Sustainable);
        var final = await gateway.ReadAsync(c.Id);
        Assert.Equal("closed", final.Body.GetProperty("state").GetString());
        Assert.True(final.Body.GetProperty("sustainable").GetBoolean());
        Assert.Empty(final.Body.GetProperty("clocks").EnumerateArray());
        var reviews = await gateway.GetFromJsonAsync<JsonElement[]>($"{ReintegrationApi.Cases}/{c.Id}/reviews");
        Assert.Equal(["monthly-monitoring", "twelve-month-review", "final-assessment"],
            reviews!.Select(r => r.GetProperty("kind").GetString()));

        // A closed case is a record, no longer a workload: nothing changes it.
        var late = await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/reviews",
            new { kind = "monthly-monitoring", reviewedAt = closedAt, reviewedBy = "Officer", summary = "Too late." }, etag);
        await late.AssertProblemAsync(HttpStatusCode.Conflict, "state");

        // Every deadline of the case raised each stage at most once, over 18 months of clock moves.
        var mine = alerts.Received.Where(a => a.CaseId == c.Id).ToList();
        Assert.All(mine.GroupBy(a => (a.Clock, a.DeadlineAt, a.Stage)), g => Assert.Single(g));
        // A deadline first seen already overdue (a jump of months) records its "due" silently: overdue rows and events match one to one.
        var rows = await platform.QueryAsync("reintegration-db", "SELECT count(*) FROM clock_alerts WHERE case_id = @id AND stage = 'Overdue'", ("id", c.Id));
        Assert.Equal((long)mine.Count(a => a.Stage == "overdue"), (long)rows[0][0]);
    }

    /// <summary>
    /// The quarter of the plan's adoption: refused while it runs; once ended, its figures count the household's
    /// assessment and the two packages chosen, and the office's evaluation is kept with them.
    /// </summary>
    private async Task EvaluateSchemesAsync(string municipality, DateTimeOffset adoptedAt)
    {
        var quarter = $"{adoptedAt.UtcDateTime.Year}-Q{(adoptedAt.UtcDateTime.Month + 2) / 3}";
        var quarterEnd = new DateTimeOffset(adoptedAt.UtcDateTime.Year, (adoptedAt.UtcDateTime.Month + 2) / 3 * 3, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        var uri = $"{Service}/scheme-evaluations/{municipality}/{quarter}";
        var evaluation = new { impact = "Rent subsidies kept families housed.", proposedChanges = "Add evening language classes for children.", evaluatedBy = "Head of office" };
        if (await _officer.ServiceTimeAsync(Service) < quarterEnd)
        {
            await (await _officer.PutAsJsonAsync(uri, evaluation)).AssertProblemAsync(HttpStatusCode.Conflict, "quarter");
            await AdvanceToAsync(quarterEnd.AddMinutes(1));
        }

        var figures = await _officer.GetFromJsonAsync<JsonElement>($"{uri}/figures");
        Assert.Equal(1, figures.GetProperty("householdsAssessed").GetInt32());
        Assert.Equal(1, figures.GetProperty("plansAdopted").GetInt32());
        Assert.Equal(["rent-subsidy", "school-enrolment"], figures.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("package").GetString()));
        Assert.All(figures.GetProperty("packages").EnumerateArray(), p => Assert.Equal(1, p.GetProperty("planItems").GetInt32()));
        Assert.Empty(figures.GetProperty("needsNotCovered").EnumerateArray());

        var written = await _officer.PutAsJsonAsync(uri, evaluation);
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        // A revision names the version it revises; another municipality's officer cannot write it.
        await (await _officer.PutAsJsonAsync(uri, evaluation)).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "If-Match");
        await (await _officer.PutIfMatchAsync(uri, evaluation, "\"999\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        await (await platform.As(Personas.ReintegrationOfficer(Names.CentreCode())).PutIfMatchAsync(uri, evaluation, written.Headers.ETag!.Tag))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "municipality");
        var revised = await _officer.PutIfMatchAsync(uri, evaluation with { evaluatedBy = "Deputy head of office" }, written.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var year = await platform.As(Personas.Analyst()).GetFromJsonAsync<JsonElement[]>(
            $"{Service}/scheme-evaluations?municipality={municipality}&year={adoptedAt.UtcDateTime.Year}");
        var listed = year!.Single(q => q.GetProperty("quarter").GetString() == quarter);
        Assert.Equal("evaluated", listed.GetProperty("status").GetString());
        Assert.Equal("Add evening language classes for children.", listed.GetProperty("evaluation").GetProperty("proposedChanges").GetString());
        Assert.Equal(2, listed.GetProperty("evaluation").GetProperty("figures").GetProperty("packages").GetArrayLength());
        var rows = await platform.QueryAsync("reintegration-db", "SELECT count(*) FROM scheme_evaluations WHERE municipality_code = @m", ("m", municipality));
        Assert.Equal(1L, rows[0][0]);
    }

    /// <summary>
    /// Moves the clock to the moment <paramref name="clock"/> falls due and checks one "due" event, then past its
    /// deadline and checks one "overdue" event, both for the same deadline.
    /// </summary>
    private async Task<DateTimeOffset> StepThroughAsync(BusListener<ReintegrationClockAlert> alerts, ReintegrationCase c, string clock)
    {
        var state = Clock(await _officer.ClocksAsync(c.Id), clock);
        Assert.Equal("pending", state.GetProperty("status").GetString());
        var (dueFrom, deadline) = (state.GetProperty("dueFrom").GetDateTimeOffset(), state.GetProperty("deadlineAt").GetDateTimeOffset());
        bool Stage(ReintegrationClockAlert a, string stage) => a.CaseId == c.Id && a.Clock == clock && a.DeadlineAt == deadline && a.Stage == stage;

        await AdvanceToAsync(dueFrom.AddMinutes(1));
        Assert.Single(await alerts.WaitForAsync(a => Stage(a, "due")));
        Assert.Equal("due", Clock(await _officer.ClocksAsync(c.Id), clock).GetProperty("status").GetString());
        Assert.DoesNotContain(alerts.Received, a => Stage(a, "overdue"));

        await AdvanceToAsync(deadline.AddMinutes(1));
        Assert.Single(await alerts.WaitForAsync(a => Stage(a, "overdue")));
        Assert.Equal("overdue", Clock(await _officer.ClocksAsync(c.Id), clock).GetProperty("status").GetString());
        Assert.Single(alerts.Received, a => Stage(a, "due"));
        return deadline;
    }

    private Task AdvanceToAsync(DateTimeOffset target) => platform.Gateway.AdvanceClockToAsync(Service, target);

    private async Task<string> ReviewAsync(ReintegrationCase c, string etag, object review)
    {
        var response = await _officer.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/reviews", review, etag);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return RiskAssessmentApi.ETagOf(response);
    }

    private static JsonElement Clock(JsonElement[] clocks, string clock) => clocks.Single(k => k.GetProperty("clock").GetString() == clock);
}
