using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.SafetyPlan;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// Art. 15: the first contact is due within 12 hours of the individual plan's adoption, for every victim with
/// one, team or no team; Art. 16 and 32-33: its reviews and monitoring part; and a closed case stops its clocks.
/// </summary>
[Collection(ServiceClockCollection.Name)]
public sealed class IndividualPlanClockTests(PlatformFixture platform)
{
    private const string Service = "/api/safety-plans";
    private const string Plans = "/api/safety-plans/individual-plans";
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task The_individual_plans_first_contact_alerts_the_centre_a_contact_stops_it_and_a_closed_case_leaves_no_clock()
    {
        await using var alerts = await TestBus.ListenAsync<MonitoringClockAlert>(await platform.ConnectionStringAsync("messaging"));
        var mailbox = Names.Mailbox(_centre);
        await platform.Gateway.RegisterMailboxAsync(_centre, mailbox);
        var c = await Csr.OpenCaseAsync(_centre);
        await platform.WaitUntilSafetyPlanKnowsAsync(c.Id);

        var put = await Csr.PutIfMatchAsync($"{Plans}/{c.Id}", new
        {
            recordedBy = "Case Worker Test", informed = true, consentToDataUse = true, riskOfRepetition = "Medium",
            measures = new[] { new { measure = "Counselling", responsiblePerson = "Case Worker Test" } },
            adoptedOn = "2026-11-25", reviewEveryDays = 30,
        }, etag: null);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        // As stored (the database keeps microseconds).
        var plan = await Csr.GetFromJsonAsync<JsonElement>($"{Plans}/{c.Id}");
        var planId = plan.GetProperty("id").GetGuid();
        var adoptedAt = plan.GetProperty("adoptedAt").GetDateTimeOffset();

        var clocks = await Csr.GetFromJsonAsync<JsonElement[]>($"{Plans}/{c.Id}/clocks");
        Assert.Equal(adoptedAt.AddHours(12), clocks!.Single(k => k.GetProperty("clock").GetString() == "first-contact").GetProperty("deadlineAt").GetDateTimeOffset());
        Assert.Equal(adoptedAt.AddDays(30), clocks!.Single(k => k.GetProperty("clock").GetString() == "review").GetProperty("deadlineAt").GetDateTimeOffset());

        // No team was ever convened for her: the centre owes the contact and its mailbox is reminded.
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromHours(9));
        var due = Assert.Single(await alerts.WaitForAsync(a => a.PlanId == planId && a.Clock == "first-contact" && a.Stage == "due"));
        Assert.Equal(adoptedAt.AddHours(12), due.DeadlineAt);
        Assert.Contains(await platform.Inbox.WaitForAsync(mailbox, m => m.Subject.Contains(c.Reference) && m.Subject.Contains("first contact")),
            m => m.Subject.Contains("first contact"));

        // Art. 32-33: the contact entered in the monitoring part satisfies the clock.
        var contact = await Csr.PostAsJsonAsync($"{Plans}/{c.Id}/monitoring", new
        {
            kind = "contact", at = await platform.Gateway.ServiceTimeAsync(Service), recordedBy = "Case Worker Test", summary = "Called her; she is safe at her sister's.",
        });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        clocks = await Csr.GetFromJsonAsync<JsonElement[]>($"{Plans}/{c.Id}/clocks");
        Assert.Equal(["review"], clocks!.Select(k => k.GetProperty("clock").GetString()));
        var sheet = await Csr.GetFromJsonAsync<JsonElement[]>($"{Plans}/{c.Id}/monitoring");
        Assert.Equal("contact", Assert.Single(sheet!).GetProperty("kind").GetString());
        Assert.DoesNotContain("safe at her sister", await platform.DumpAsync("safety-plan-db"));

        // Her case is closed: no clock of her plan runs on.
        var read = await Csr.ReadCaseAsync(c.Id);
        var closed = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = "She moved abroad." }, read.ETag);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while ((await Csr.GetFromJsonAsync<JsonElement>($"{Plans}/{c.Id}")).GetProperty("caseClosedAt").ValueKind == JsonValueKind.Null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "safety-plan did not learn that the case closed.");
            await Task.Delay(250);
        }
        Assert.Empty((await Csr.GetFromJsonAsync<JsonElement[]>($"{Plans}/{c.Id}/clocks"))!);
    }

    [Fact]
    public async Task Adopting_without_a_review_interval_is_refused_naming_the_field()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        await platform.WaitUntilSafetyPlanKnowsAsync(c.Id);

        var put = await Csr.PutIfMatchAsync($"{Plans}/{c.Id}", new
        {
            recordedBy = "Case Worker Test", informed = true, consentToDataUse = true, adoptedOn = "2026-11-25",
        }, etag: null);

        await put.AssertProblemAsync(HttpStatusCode.BadRequest, "reviewEveryDays");
    }
}
