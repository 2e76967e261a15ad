using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.SafetyPlan.Tests;

/// <summary>The individual plan (Annex 3) and the Art. 15 notices produced as tasks with their recipient.</summary>
public sealed class IndividualPlanTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private const string Plans = "/api/safety-plans/individual-plans";

    /// <summary>A case of this test's centre, known to safety-plan (the individual plan takes its centre from it).</summary>
    private async Task<Guid> KnownCaseAsync(string category = "adult")
    {
        var c = await Csr.OpenCaseAsync(_centre, category: category);
        await platform.WaitUntilSafetyPlanKnowsAsync(c.Id);
        return c.Id;
    }

    private static object FullPlan(string? responsible = "Case Worker Test") => new
    {
        recordedBy = "Case Worker Test",
        informed = true,
        consentToDataUse = true,
        fears = "That he comes back at night.",
        safeToTalkTo = "Her sister.",
        unsafeToTalkTo = "His mother.",
        victim = new { fullName = "Ana Annexthree-Test", phone = "+389 70 000 000", address = "Street 5", maritalStatusOrRelation = "married" },
        violenceTable = new Dictionary<string, object>
        {
            ["current"] = new { present = true, note = "Last night" },
            ["threats-to-kill"] = new { present = true },
            ["victim-can-be-contacted-safely"] = new { present = false, note = "Only at work" },
        },
        perpetrator = new { fullName = "Perp Test", firearmLicenceOrFirearm = true, employment = "Security company" },
        riskOfRepetition = "High",
        measures = new[] { new { measure = "Shelter", frequency = "once", startDate = "2026-11-25", durationDays = 30, responsiblePerson = responsible } },
        adoptedOn = "2026-11-25", reviewEveryDays = 30,
        closingEvaluation = new
        {
            effectsAndDuration = "Three months; shelter and counselling carried out.", reassessedOn = "2027-02-20",
            reassessment = "Standard risk.", decision = "End the plan.",
        },
    };

    [Fact]
    public async Task The_individual_plan_keeps_the_Annex_3_content_when_she_is_informed_and_consents()
    {
        var caseId = await KnownCaseAsync();

        var put = await Csr.PutIfMatchAsync($"{Plans}/{caseId}", FullPlan(), etag: null);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await Csr.GetFromJsonAsync<JsonElement>($"{Plans}/{caseId}");
        var content = read.GetProperty("content");
        Assert.Equal("That he comes back at night.", content.GetProperty("fears").GetString());
        Assert.True(content.GetProperty("violenceTable").GetProperty("threats-to-kill").GetProperty("present").GetBoolean());
        Assert.True(content.GetProperty("perpetrator").GetProperty("firearmLicenceOrFirearm").GetBoolean());
        Assert.Equal("Shelter", content.GetProperty("measures")[0].GetProperty("measure").GetString());
        Assert.Equal("2026-11-25", read.GetProperty("adoptedOn").GetString());
        // Annex 3 §5: the evaluation of the plan's effects on a reassessment, and the decision.
        var evaluation = content.GetProperty("closingEvaluation");
        Assert.Equal("2027-02-20", evaluation.GetProperty("reassessedOn").GetString());
        Assert.Equal("End the plan.", evaluation.GetProperty("decision").GetString());
        Assert.Equal($"{_centre}-{DateTime.UtcNow.Year}-00001", read.GetProperty("caseReference").GetString());
        Assert.Equal(_centre, read.GetProperty("centreCode").GetString());
        Assert.StartsWith("Annex 3", read.GetProperty("legalBasis").GetString());
    }

    [Fact]
    public async Task A_childs_plan_is_drawn_up_without_the_consent_fields_and_states_its_legal_basis()
    {
        // Rulebook Art. 22(2): for a child or a person with limited or removed legal capacity protection proceeds
        // without consent, and Annex 3 with it.
        var caseId = await KnownCaseAsync(category: "child");

        var put = await Csr.PutIfMatchAsync($"{Plans}/{caseId}", new
        {
            recordedBy = "Case Worker Test", informed = false, consentToDataUse = false,
            fears = "That he takes her from school.", riskOfRepetition = "High",
            measures = new[] { new { measure = "Shelter", responsiblePerson = "Case Worker Test" } }, adoptedOn = "2026-11-25", reviewEveryDays = 30,
        }, etag: null);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await Csr.GetFromJsonAsync<JsonElement>($"{Plans}/{caseId}");
        Assert.Equal("That he takes her from school.", read.GetProperty("content").GetProperty("fears").GetString());
        Assert.Equal("2026-11-25", read.GetProperty("adoptedOn").GetString());
        Assert.StartsWith("Rulebook Art. 22(2)", read.GetProperty("legalBasis").GetString());
    }

    [Fact]
    public async Task Another_centres_case_worker_who_knows_a_case_id_cannot_file_its_plan_under_her_centre()
    {
        var caseId = await KnownCaseAsync();
        var otherCentre = Names.CentreCode();
        var outsider = platform.As(Personas.CaseWorker(otherCentre));

        var put = await outsider.PutIfMatchAsync($"{Plans}/{caseId}", new
        {
            caseReference = $"{otherCentre}-2026-00001", recordedBy = "Outsider", informed = true, consentToDataUse = true, fears = "Planted.",
        }, etag: null);

        await put.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await platform.QueryAsync("safety-plan-db", "SELECT 1 FROM individual_plans WHERE case_id = @id", ("id", caseId)));
        await (await Csr.GetAsync($"{Plans}/{caseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_both_informed_and_consent_the_plan_holds_nothing_beyond_that_record()
    {
        var caseId = await KnownCaseAsync();

        var refused = await Csr.PutIfMatchAsync($"{Plans}/{caseId}", new
        {
            recordedBy = "Case Worker Test", informed = true, consentToDataUse = false,
            fears = "Him.", victim = new { fullName = "Someone" },
        }, etag: null);
        var recordOnly = await Csr.PutIfMatchAsync($"{Plans}/{caseId}", new
        {
            recordedBy = "Case Worker Test", informed = true, consentToDataUse = false,
        }, etag: null);

        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "fears", "victim");
        Assert.Equal(HttpStatusCode.OK, recordOnly.StatusCode);
        var read = await Csr.GetFromJsonAsync<JsonElement>($"{Plans}/{caseId}");
        Assert.False(read.GetProperty("consentToDataUse").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("content").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("legalBasis").ValueKind);
    }

    [Fact]
    public async Task Invalid_rows_measures_without_a_responsible_person_and_unguarded_updates_are_refused()
    {
        var caseId = await KnownCaseAsync();
        var first = await Csr.PutIfMatchAsync($"{Plans}/{caseId}", FullPlan(), etag: null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var noResponsible = await Csr.PutIfMatchAsync($"{Plans}/{caseId}", FullPlan(responsible: null), RiskAssessmentApi.ETagOf(first));
        var withoutIfMatch = await Csr.PutIfMatchAsync($"{Plans}/{caseId}", FullPlan(), etag: null);
        var stale = await Csr.PutIfMatchAsync($"{Plans}/{caseId}", FullPlan(), "\"1\"");

        await noResponsible.AssertProblemAsync(HttpStatusCode.BadRequest, "measures[0].responsiblePerson");
        await withoutIfMatch.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "If-Match");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Equal(RiskAssessmentApi.ETagOf(first), RiskAssessmentApi.ETagOf(await Csr.GetAsync($"{Plans}/{caseId}")));
    }

    [Fact]
    public async Task Notices_to_the_school_are_tasks_that_name_their_recipient()
    {
        var centre = _centre;
        await Csr.CreateTeamAsync(centre, "csr", "school");
        var c = await Csr.OpenCaseAsync(centre, category: "child");
        var answers = (await Answers.AllClearAsync(Csr, childrenInFamily: true)).Yes("2.10", "5.1");
        await Csr.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment(answers.Build(), childrenInFamily: true));
        var plan = await Csr.WaitForPlanAsync(c.Id);
        var planId = plan.GetProperty("id").GetGuid();

        var task = Assert.Single(await Csr.ListAsync($"{SafetyPlanApi.Plans}/{planId}/notices"));
        Assert.Equal("notify-school", task.GetProperty("code").GetString());
        Assert.True(task.GetProperty("recipientNeeded").GetBoolean());
        Assert.Equal($"school Member {centre}", task.GetProperty("responsibleName").GetString());

        var named = await Csr.PutAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/measures/{task.GetProperty("measureId").GetGuid()}/notice-recipient",
            new { name = "Primary school Braka Miladinovci", address = "Street 9, Skopje", email = "school@example.test" });
        var contactMeasure = plan.GetProperty("measures").EnumerateArray().First(m => m.GetProperty("code").GetString() == "regular-contact");
        var notANotice = await Csr.PutAsJsonAsync($"{SafetyPlanApi.Plans}/{planId}/measures/{contactMeasure.GetProperty("id").GetGuid()}/notice-recipient",
            new { name = "Somebody", address = "Somewhere" });

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var listed = Assert.Single(await Csr.ListAsync($"{SafetyPlanApi.Plans}/{planId}/notices"));
        Assert.Equal("Primary school Braka Miladinovci", listed.GetProperty("recipient").GetProperty("name").GetString());
        await notANotice.AssertProblemAsync(HttpStatusCode.BadRequest, "measureId");
    }
}
