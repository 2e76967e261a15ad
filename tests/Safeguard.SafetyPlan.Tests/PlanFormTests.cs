using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// Annex 5 whole (Art. 18-20): the centre gets the form prefilled from the individual plan, the assessment and the
/// police report, edits and saves it; a team member reads only what she needs to act.
/// </summary>
public sealed class PlanFormTests(PlatformFixture platform)
{
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    [Fact]
    public async Task The_centre_saves_the_prefilled_form_and_a_member_reads_the_firearm_who_is_unsafe_and_how_to_contact_her()
    {
        await Csr.CreateTeamAsync(_centre, "csr", "police");
        var c = await Csr.OpenCaseAsync(_centre);
        var consented = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents", RiskAssessmentApi.ConsentForm(["shelter"]), c.ETag);
        await platform.WaitUntilSafetyPlanKnowsAsync(c.Id);
        var individual = await Csr.PutIfMatchAsync($"/api/safety-plans/individual-plans/{c.Id}", new
        {
            recordedBy = "Case Worker Test", informed = true, consentToDataUse = true, fears = "That he finds the new flat.",
            safeToTalkTo = "Her sister", unsafeToTalkTo = "His brother, who reports to him",
            violenceTable = new Dictionary<string, object> { ["victim-can-be-contacted-safely"] = new { present = true, note = "Mobile after 18:00" } },
            perpetrator = new { fullName = "Test Perpetrator", firearmLicenceOrFirearm = true },
            measures = new[] { new { measure = "Shelter", responsiblePerson = "Case Worker Test" } },
        }, etag: null);
        Assert.Equal(HttpStatusCode.OK, individual.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Csr.ReportEmergencyMeasureAsync(c, RiskAssessmentApi.ETagOf(consented))).StatusCode);
        var planId = (await Csr.WaitForPlanAsync(c.Id)).GetProperty("id").GetGuid();
        var formPath = $"{SafetyPlanApi.Plans}/{planId}/form";

        var draft = await Csr.GetAsync(formPath);
        var view = JsonDocument.Parse(await draft.Content.ReadAsStringAsync()).RootElement;
        Assert.False(view.GetProperty("saved").GetBoolean());
        Assert.Equal(["individual-plan", "police-report"], view.GetProperty("prefilledFrom").EnumerateArray().Select(s => s.GetString()));
        var form = view.GetProperty("form");
        Assert.Equal("That he finds the new flat.", form.GetProperty("fears").GetString());
        Assert.Contains("PS-2026/77", form.GetProperty("otherCircumstances").GetString());

        var saved = await Csr.PutIfMatchAsync(formPath, new
        {
            informed = true, consentToTeamAndDataExchange = true, fears = "That he finds the new flat.", safeToTalkTo = "Her sister",
            unsafeToTalkTo = "His brother, who reports to him",
            violenceTable = new Dictionary<string, object> { ["victim-can-be-contacted-safely"] = new { present = true, note = "Mobile after 18:00" } },
            perpetrator = new { fullName = "Test Perpetrator", firearmLicenceOrFirearm = true, earlierReports = "Two in 2025" },
            riskOfRepetition = "High: threats to kill after the removal order.",
        }, RiskAssessmentApi.ETagOf(draft));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True((await Csr.GetFromJsonAsync<JsonElement>(formPath)).GetProperty("saved").GetBoolean());

        // A team member sees what she needs to act, and nothing of her story.
        var police = platform.As(Personas.TeamMember(SafetyPlanApi.SeatEmail("police", _centre), "police", $"police {_centre}"));
        await platform.AcceptSeatAsync(police, SafetyPlanApi.SeatEmail("police", _centre));
        var share = await police.GetFromJsonAsync<JsonElement>(formPath);
        Assert.Equal(["firearmLicenceOrFirearm", "unsafeToTalkTo", "victimCanBeContactedSafely"], share.EnumerateObject().Select(p => p.Name).Order());
        Assert.True(share.GetProperty("firearmLicenceOrFirearm").GetBoolean());
        Assert.Equal("His brother, who reports to him", share.GetProperty("unsafeToTalkTo").GetString());
        Assert.Equal("Mobile after 18:00", share.GetProperty("victimCanBeContactedSafely").GetProperty("note").GetString());
        Assert.DoesNotContain("new flat", share.GetRawText());
        await (await police.PutIfMatchAsync(formPath, new { informed = true, consentToTeamAndDataExchange = true }, RiskAssessmentApi.ETagOf(draft)))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        // At rest the form is ciphertext, as the individual plan is.
        var dump = await platform.DumpAsync("safety-plan-db");
        Assert.Contains(c.Reference, dump);
        Assert.DoesNotContain("reports to him", dump);
        Assert.DoesNotContain("threats to kill after the removal order", dump);
    }

    [Fact]
    public async Task A_form_with_content_but_without_her_consent_is_refused_naming_each_field()
    {
        await Csr.CreateTeamAsync(_centre, "csr");
        var c = await Csr.OpenCaseAsync(_centre);
        await Csr.ReportEmergencyMeasureAsync(c, c.ETag);
        var planId = (await Csr.WaitForPlanAsync(c.Id)).GetProperty("id").GetGuid();
        var draft = await Csr.GetAsync($"{SafetyPlanApi.Plans}/{planId}/form");

        var put = await Csr.PutIfMatchAsync($"{SafetyPlanApi.Plans}/{planId}/form", new
        {
            informed = true, consentToTeamAndDataExchange = false, fears = "That he comes back.",
            violenceTable = new Dictionary<string, object> { ["weather"] = new { present = true } },
        }, RiskAssessmentApi.ETagOf(draft));

        await put.AssertProblemAsync(HttpStatusCode.BadRequest, "fears", "violenceTable", "violenceTable.weather");
    }
}
