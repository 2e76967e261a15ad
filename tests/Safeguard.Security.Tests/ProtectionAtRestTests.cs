using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Security.Tests;

/// <summary>
/// Victims', household members' and returnees' names, contacts and narratives are stored encrypted with keys
/// outside the database (seed 003 Art. 3): a dump alone does not say who anyone is, while authorised users
/// still read them and find people by name.
/// </summary>
public sealed class ProtectionAtRestTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_dump_of_the_databases_names_nobody_while_the_api_still_does()
    {
        var centre = Names.CentreCode();
        var municipality = Names.CentreCode();
        var (victim, child, returnee) = (Names.Marker(), Names.Marker(), Names.Marker());
        var narrative = Names.Marker();
        var worker = platform.As(Personas.CaseWorker(centre));
        var officer = platform.As(Personas.ReintegrationOfficer(municipality));

        var c = await worker.OpenCaseAsync(centre, victimName: $"Ana {victim}",
            household: [new { fullName = $"Mila {child}", relation = "daughter", isChild = true }]);
        // Annex 1's place and the professional's notes can locate her or tell her story; so can Annex 2's place and
        // notes and what the police took and plan (Art. 19(4)).
        var place = Names.Marker();
        var consented = await worker.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents", new
        {
            signedAt = DateTimeOffset.UtcNow, recordedBy = "Test Professional", informedOfRights = RiskAssessmentApi.Annex2Rights,
            informedOfMeasures = RiskAssessmentApi.Annex2Measures, consentedMeasures = new[] { "shelter" }, consentToTeamAndSafetyPlan = true,
            professionals = new[] { "Test Professional" }, place = $"Village {place}",
            rightNotes = new Dictionary<string, string> { ["companion"] = $"Her sister {narrative} comes along" },
            measureRows = new Dictionary<string, object> { ["shelter"] = new { date = "2026-12-01", note = $"Room kept by {narrative}" } },
        }, c.ETag);
        Assert.Equal(HttpStatusCode.Created, consented.StatusCode);
        var reported = await worker.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/police-reports", new
        {
            reportReference = "PS-2026/5", policeStation = "Police station Centar", reportedAt = DateTimeOffset.UtcNow, emergencyMeasureProposed = false,
            measuresTaken = $"Statement taken from {narrative}", measuresPlanned = $"Patrol past {place} nightly",
        }, RiskAssessmentApi.ETagOf(consented));
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var assessed = await worker.SubmitAssessmentAsync(c, new
        {
            assessedAt = DateTimeOffset.UtcNow, assessedBy = "Test Professional", victimInformedOfRights = true, childrenInFamily = false,
            answers = (await Answers.AllClearAsync(worker)).Build(), place = $"Shelter {place}", professionalNotes = $"Call her at {narrative} only",
        }, RiskAssessmentApi.ETagOf(reported));
        Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        var stored = await worker.GetFromJsonAsync<JsonElement>(assessed.Headers.Location!);
        Assert.Equal($"Shelter {place}", stored.GetProperty("place").GetString());
        var closed = await worker.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/closure", new { reason = $"Moved away with {narrative}" },
            RiskAssessmentApi.ETagOf(assessed));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var household = await officer.RegisterReturnAsync(municipality, DateTimeOffset.UtcNow.AddHours(-1), surname: returnee);

        var read = (await worker.ReadCaseAsync(c.Id)).Body;
        Assert.Equal($"Ana {victim}", read.GetProperty("victim").GetProperty("fullName").GetString());
        Assert.Equal($"Mila {child}", read.GetProperty("household")[0].GetProperty("fullName").GetString());
        Assert.Contains(narrative, read.GetProperty("closureReason").GetString());
        var returned = await officer.ReadAsync(household.Id);
        Assert.Contains(returnee, JsonSerializer.Serialize(returned.Body));
        Assert.Equal("Rr. Dardania 12, Dragash", returned.Body.GetProperty("household").GetProperty("address").GetString());

        var riskDump = await platform.DumpAsync("risk-assessment-db");
        var reintegrationDump = await platform.DumpAsync("reintegration-db");
        // The rows are there (the dump is real); who they are about is not.
        Assert.Contains(c.Reference, riskDump);
        Assert.Contains(household.Reference, reintegrationDump);
        foreach (var marker in new[] { victim, child, narrative, place, "Test Perpetrator" })
        {
            Assert.DoesNotContain(marker, riskDump, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var marker in new[] { returnee, "Dardania", "+383 44 123 456" })
        {
            Assert.DoesNotContain(marker, reintegrationDump, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("pd1:", riskDump); // the ciphertext marker of PersonalDataProtector
    }

    /// <summary>
    /// Issue 24 §4: what locates her or a prisoner is encrypted too — the school or employer a safety plan's notice
    /// goes to (it says where her child is every day), and the prison a returnee is handed over from.
    /// </summary>
    [Fact]
    public async Task The_notice_recipient_of_a_safety_plan_and_a_returnees_prison_are_not_in_a_dump()
    {
        var centre = Names.CentreCode();
        var (school, prisonName) = (Names.Marker(), Names.Marker());
        var csr = platform.As(Personas.Supervisor(centre));
        await csr.CreateTeamAsync(centre, "csr", "school");
        var c = await csr.OpenCaseAsync(centre, category: "child");
        var answers = (await Answers.AllClearAsync(csr, childrenInFamily: true)).Yes("2.10", "5.1");
        Assert.Equal(HttpStatusCode.Created, (await csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment(answers.Build(), childrenInFamily: true))).StatusCode);
        var planId = (await csr.WaitForPlanAsync(c.Id)).GetProperty("id").GetGuid();
        var task = Assert.Single(await csr.ListAsync($"{SafetyPlanApi.Plans}/{planId}/notices"));
        var named = await csr.PutAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/measures/{task.GetProperty("measureId").GetGuid()}/notice-recipient",
            new { name = $"Primary school {school}", address = $"Street of {school} 9", email = "school@example.test" });
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);

        var municipality = Names.CentreCode();
        var prison = platform.As(Personas.PrisonOfficer());
        var release = DateTimeOffset.UtcNow.AddDays(10);
        var handedOver = await prison.PostAsJsonAsync(ReintegrationApi.Cases + "/", new
        {
            municipalityCode = municipality, csrCode = centre, category = "former-prisoner", arrivalKind = "pre-release-handover", arrivalAt = release,
            prison = new { name = $"KPU {prisonName}", handedOverAt = DateTimeOffset.UtcNow },
            household = ReintegrationApi.Household(release, "Krasniqi"),
        });
        Assert.Equal(HttpStatusCode.Created, handedOver.StatusCode);
        var returnee = await handedOver.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal($"Primary school {school}", Assert.Single(await csr.ListAsync($"{SafetyPlanApi.Plans}/{planId}/notices"))
            .GetProperty("recipient").GetProperty("name").GetString());
        Assert.Equal($"KPU {prisonName}", returnee.GetProperty("prisonName").GetString());
        var safetyPlanDump = await platform.DumpAsync("safety-plan-db");
        var reintegrationDump = await platform.DumpAsync("reintegration-db");
        Assert.Contains(planId.ToString(), safetyPlanDump);
        Assert.Contains(returnee.GetProperty("reference").GetString()!, reintegrationDump);
        Assert.DoesNotContain(school, safetyPlanDump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(prisonName, reintegrationDump, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_case_worker_finds_a_victim_by_name_in_any_script_and_order_within_her_centre_only()
    {
        var centre = Names.CentreCode();
        var worker = platform.As(Personas.CaseWorker(centre));
        var petrovska = await worker.OpenCaseAsync(centre, victimName: "Ана Петровска");
        var other = await worker.OpenCaseAsync(centre, victimName: "Ana Petrovski",
            household: [new { fullName = "Jovan Petrovski", relation = "son", isChild = true }]);

        Assert.Equal([petrovska.Id], await SearchAsync(worker, "PETROVSKA ana"));
        Assert.Equal([petrovska.Id], await SearchAsync(worker, "petrovska"));
        Assert.Equal([other.Id], await SearchAsync(worker, "Јован"));
        Assert.Empty(await SearchAsync(worker, "Marija"));
        // Another centre finds nothing of ours, and cannot ask for our centre.
        var stranger = platform.As(Personas.CaseWorker(Names.CentreCode()));
        Assert.Empty(await SearchAsync(stranger, "Petrovska Ana"));
        await (await stranger.PostAsJsonAsync(RiskAssessmentApi.Cases + "/search", new { name = "Petrovska", centre }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "centre");
        await (await worker.PostAsJsonAsync(RiskAssessmentApi.Cases + "/search", new { name = "A" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task A_municipal_officer_finds_a_returning_family_by_a_members_name()
    {
        var municipality = Names.CentreCode();
        var officer = platform.As(Personas.ReintegrationOfficer(municipality));
        var surname = Names.Marker();
        var family = await officer.RegisterReturnAsync(municipality, DateTimeOffset.UtcNow.AddHours(-1), surname: surname);

        var found = await officer.PostAsJsonAsync(ReintegrationApi.Cases + "/search", new { name = $"{surname.ToUpperInvariant()} arta0" });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal([family.Id], (await found.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(c => c.GetProperty("id").GetGuid()));
        var elsewhere = platform.As(Personas.ReintegrationOfficer(Names.CentreCode()));
        var none = await elsewhere.PostAsJsonAsync(ReintegrationApi.Cases + "/search", new { name = surname });
        Assert.Empty((await none.Content.ReadFromJsonAsync<JsonElement[]>())!);
    }

    private static async Task<Guid[]> SearchAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync(RiskAssessmentApi.Cases + "/search", new { name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(c => c.GetProperty("id").GetGuid()).Order().ToArray();
    }
}
