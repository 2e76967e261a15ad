using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.Reintegration;

namespace Safeguard.Reintegration.Tests;

/// <summary>Registering arrivals (004 §1.1; 000 §4.3.4), the needs form and the plan's rules, through the gateway.</summary>
public sealed class RegistrationTests(PlatformFixture platform)
{
    private const string Service = ReintegrationApi.Prefix;

    private static object Registration(string municipality, string category, string arrivalKind, DateTimeOffset arrivalAt, object? prison = null) => new
    {
        municipalityCode = municipality,
        csrCode = "DR",
        category,
        arrivalKind,
        arrivalAt,
        prison,
        household = ReintegrationApi.Household(arrivalAt),
    };

    [Fact]
    public async Task Invalid_registrations_name_the_field_and_store_nothing()
    {
        var municipality = Names.CentreCode();
        var gateway = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await gateway.ServiceTimeAsync(Service);

        await (await gateway.PostAsJsonAsync(ReintegrationApi.Cases + "/", Registration(municipality, "foreigner-with-status", "release", now, new { name = "Idrizovo" })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "arrivalKind");
        await (await gateway.PostAsJsonAsync(ReintegrationApi.Cases + "/", Registration(municipality, "former-prisoner", "release", now)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "prison");
        await (await gateway.PostAsJsonAsync(ReintegrationApi.Cases + "/", Registration(municipality, "repatriated", "return", now.AddDays(2))))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "arrivalAt");
        await (await gateway.PostAsJsonAsync(ReintegrationApi.Cases + "/", Registration("dr", "repatriated", "return", now)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "municipalityCode");
        await (await gateway.PostAsJsonAsync(ReintegrationApi.Cases + "/", new
            {
                municipalityCode = municipality, category = "repatriated", arrivalKind = "return", arrivalAt = now,
                household = new { address = "Somewhere 1", members = new[] { new { fullName = "A B", sex = "female", relationship = "head" } } },
            }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "household.members[0].dateOfBirth");

        Assert.Empty((await gateway.GetFromJsonAsync<JsonElement[]>($"{ReintegrationApi.Cases}?municipality={municipality}"))!);
        var rows = await platform.QueryAsync("reintegration-db", "SELECT count(*) FROM reintegration_cases WHERE municipality_code = @m", ("m", municipality));
        Assert.Equal(0L, rows[0][0]);
    }

    [Fact]
    public async Task A_prison_hands_a_prisoner_over_before_release_sees_only_its_minimal_view_and_the_72_hours_run_from_the_release()
    {
        await using var opened = await TestBus.ListenAsync<ReintegrationCaseOpened>(await platform.ConnectionStringAsync("messaging"));
        var municipality = Names.CentreCode();
        var gateway = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await gateway.ServiceTimeAsync(Service);
        var expected = now.AddDays(10);

        // The prison hands over (000 §4.3.4) and confirms the release; the municipality's officer works the case.
        var prison = platform.As(Personas.PrisonOfficer());
        var response = await prison.PostAsJsonAsync(ReintegrationApi.Cases + "/",
            Registration(municipality, "former-prisoner", "pre-release-handover", expected, new { name = "KPU Idrizovo", handedOverAt = now }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var visit = (await gateway.ReadAsync(id)).Body.GetProperty("clocks").EnumerateArray().Single(k => k.GetProperty("clock").GetString() == "visit");
        Assert.Equal(expected.AddHours(72), visit.GetProperty("deadlineAt").GetDateTimeOffset());
        Assert.Equal("pending", visit.GetProperty("status").GetString());
        var told = Assert.Single(await opened.WaitForAsync(e => e.CaseId == id));
        Assert.Equal("pre-release-handover", told.ArrivalKind);
        Assert.Equal("DR", told.CsrCode);

        // Released a day early: the 72 hours now count from the real release.
        var releasedAt = await gateway.ServiceTimeAsync(Service);
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync($"{ReintegrationApi.Cases}/{id}")).StatusCode);
        // The prison that registered it sees its minimal view, to confirm the release: never the household. Another prison sees nothing.
        Assert.False(body.TryGetProperty("members", out _));
        Assert.False(body.TryGetProperty("household", out _));
        var minimal = await prison.GetAsync($"{ReintegrationApi.Cases}/{id}");
        Assert.Equal(HttpStatusCode.OK, minimal.StatusCode);
        var seen = await minimal.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Berisha", seen);
        Assert.DoesNotContain("Dardania", seen);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.As(Personas.PrisonOfficer("KPU-SHTIP")).GetAsync($"{ReintegrationApi.Cases}/{id}")).StatusCode);
        var released = await prison.PostIfMatchAsync($"{ReintegrationApi.Cases}/{id}/release", new { releasedAt }, RiskAssessmentApi.ETagOf(response));
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.False((await released.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("members", out _));
        var after = (await gateway.ReadAsync(id)).Body;
        Assert.Equal(releasedAt, after.GetProperty("arrivalAt").GetDateTimeOffset());
        Assert.Equal(releasedAt.AddHours(72),
            after.GetProperty("clocks").EnumerateArray().Single(k => k.GetProperty("clock").GetString() == "visit").GetProperty("deadlineAt").GetDateTimeOffset());
        // Only once.
        await (await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{id}/release", new { releasedAt }, RiskAssessmentApi.ETagOf(released)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "releasedAt");
    }

    [Fact]
    public async Task The_needs_form_must_answer_every_area_and_the_plan_only_takes_packages_for_assessed_needs()
    {
        var municipality = Names.CentreCode();
        var gateway = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await gateway.ServiceTimeAsync(Service);
        var c = await gateway.RegisterReturnAsync(municipality, now.AddHours(-5));

        // Housing left out of the form.
        var partial = await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/needs-assessments", new
        {
            visitedAt = now,
            visitors = new[] { new { fullName = "Officer", institution = "Municipal office", represents = "municipal-office-for-communities-and-returns" } },
            needs = new[] { "civil-documents", "employment-and-skills", "social-assistance", "health", "mental-health", "education-and-language", "legal-aid" }
                .Select(a => new { area = a, level = "none" }),
        }, c.ETag);
        var problem = await partial.AssertProblemAsync(HttpStatusCode.BadRequest, "needs");
        Assert.Contains("housing", problem.GetProperty("errors").GetProperty("needs")[0].GetString());
        // Without If-Match: 428.
        await (await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/needs-assessments", ReintegrationApi.NeedsForm(now), null))
            .AssertProblemAsync(HttpStatusCode.PreconditionRequired, "If-Match");
        // A plan before any assessment: 409.
        await (await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/plan",
                new { adoptedAt = now, items = new[] { new { package = "rent-subsidy", responsibleName = "Housing", dueOn = "2030-01-01" } } }, c.ETag))
            .AssertProblemAsync(HttpStatusCode.Conflict, "needsAssessment");

        var etag = await gateway.AssessNeedsAsync(c, c.ETag, ReintegrationApi.NeedsForm(now, ("employment-and-skills", c.Member(0))));
        Assert.True((await gateway.ReadAsync(c.Id)).Body.GetProperty("visitWithin72Hours").GetBoolean());

        // The proposal offers employment packages only; housing was not assessed as a need.
        var proposal = await gateway.GetFromJsonAsync<JsonElement[]>($"{ReintegrationApi.Cases}/{c.Id}/plan/proposal");
        Assert.Contains(proposal!, p => p.GetProperty("package").GetString() == "jobseeker-registration");
        Assert.DoesNotContain(proposal!, p => p.GetProperty("package").GetString() == "rent-subsidy");
        // Post-release help is for former prisoners, not a returnee.
        Assert.DoesNotContain(proposal!, p => p.GetProperty("package").GetString() == "post-release-assistance");

        var wrong = await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/plan", new
        {
            adoptedAt = now,
            items = new object[]
            {
                new { package = "jobseeker-registration", memberId = c.Member(0), responsibleName = "Employment office", dueOn = "2030-01-01" },
                new { package = "rent-subsidy", responsibleName = "Housing", dueOn = "2030-01-01" },
            },
        }, etag);
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "items[1].package");
        var plan = await gateway.GetFromJsonAsync<JsonElement>($"{ReintegrationApi.Cases}/{c.Id}/plan");
        Assert.Empty(plan.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("adoptedAt").ValueKind);

        // A stale ETag: 412, and still no plan.
        await (await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/plan",
                new { adoptedAt = now, items = new[] { new { package = "jobseeker-registration", responsibleName = "Employment office", dueOn = "2030-01-01" } } }, c.ETag))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        var (adopted, _) = await gateway.AdoptPlanAsync(c, etag, now, ("jobseeker-registration", c.Member(0)));
        Assert.Equal("employment-office", adopted.GetProperty("items")[0].GetProperty("responsibleInstitution").GetString());
        Assert.Equal("plan-active", (await gateway.ReadAsync(c.Id)).Body.GetProperty("state").GetString());
    }
}
