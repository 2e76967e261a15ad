using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.RiskAssessment.Tests;

/// <summary>Consent (Annex 2; Art. 11, 22): given after being informed, withdrawn at any time, not needed for a child.</summary>
public sealed class ConsentTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private static object Consent(string[]? rights = null, string[]? consented = null) =>
        RiskAssessmentApi.ConsentForm(consented ?? ["counselling"], informedOfRights: rights);

    private static object Withdrawal() => new
    {
        withdrawnAt = DateTimeOffset.UtcNow,
        recordedBy = "Test Professional",
        reason = "She fears her family's reaction if the team contacts them.",
        psychosocialSupportOffered = true,
    };

    [Fact]
    public async Task Consent_is_recorded_then_withdrawn_and_the_history_keeps_both()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var consents = $"{RiskAssessmentApi.Cases}/{c.Id}/consents";

        var given = await Csr.PostIfMatchAsync(consents, Consent(consented: ["shelter", "legal-aid"]), c.ETag);
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var afterGiving = await Csr.ReadCaseAsync(c.Id);
        var withdrawn = await Csr.PostIfMatchAsync($"{consents}/withdrawal", Withdrawal(), afterGiving.ETag);
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode);
        var afterWithdrawal = await Csr.ReadCaseAsync(c.Id);

        var summaryGiven = afterGiving.Body.GetProperty("consent");
        Assert.Equal("given", summaryGiven.GetProperty("status").GetString());
        Assert.True(summaryGiven.GetProperty("required").GetBoolean());
        Assert.Equal(["shelter", "legal-aid"], summaryGiven.GetProperty("consentedMeasures").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("withdrawn", afterWithdrawal.Body.GetProperty("consent").GetProperty("status").GetString());
        Assert.False(afterWithdrawal.Body.GetProperty("consent").GetProperty("consentToTeamAndSafetyPlan").GetBoolean());
        var history = await Csr.ListAsync(consents);
        Assert.Equal(["given", "withdrawn"], history.Select(h => h.GetProperty("kind").GetString()));
        Assert.True(history[1].GetProperty("psychosocialSupportOffered").GetBoolean());
    }

    [Fact]
    public async Task The_whole_Annex_2_form_is_kept_its_place_the_notes_and_dates_per_row_and_the_professionals_who_signed()
    {
        var c = await Csr.OpenCaseAsync(_centre);
        var consents = $"{RiskAssessmentApi.Cases}/{c.Id}/consents";

        var given = await Csr.PostIfMatchAsync(consents, new
        {
            signedAt = DateTimeOffset.UtcNow, recordedBy = "Ana Stojanovska", informedOfRights = RiskAssessmentApi.Annex2Rights,
            informedOfMeasures = RiskAssessmentApi.Annex2Measures, consentedMeasures = new[] { "shelter", "legal-aid" }, consentToTeamAndSafetyPlan = true,
            professionals = new[] { "Ana Stojanovska", "Petar Ilievski" }, place = "Skopje",
            rightNotes = new Dictionary<string, string> { ["information-in-own-language"] = "Explained in Albanian." },
            measureRows = new Dictionary<string, object>
            {
                ["shelter"] = new { date = "2026-12-01", note = "Wants a place outside the city." },
                ["legal-aid"] = new { date = "2026-12-01", note = (string?)null },
            },
        }, c.ETag);

        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var record = Assert.Single(await Csr.ListAsync(consents));
        Assert.Equal(["Ana Stojanovska", "Petar Ilievski"], record.GetProperty("professionals").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Skopje", record.GetProperty("place").GetString());
        Assert.Equal("Explained in Albanian.", record.GetProperty("rightNotes").GetProperty("information-in-own-language").GetString());
        Assert.Equal("2026-12-01", record.GetProperty("measureRows").GetProperty("shelter").GetProperty("date").GetString());
        Assert.Equal("Wants a place outside the city.", record.GetProperty("measureRows").GetProperty("shelter").GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_form_without_its_professionals_or_with_rows_it_does_not_have_is_refused_naming_each_field()
    {
        var c = await Csr.OpenCaseAsync(_centre);

        var refused = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents", new
        {
            signedAt = DateTimeOffset.UtcNow, recordedBy = "Ana Stojanovska", informedOfRights = RiskAssessmentApi.Annex2Rights,
            informedOfMeasures = RiskAssessmentApi.Annex2Measures, consentedMeasures = Array.Empty<string>(), consentToTeamAndSafetyPlan = false,
            professionals = Array.Empty<string>(),
        }, c.ETag);
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "professionals");

        var badRows = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents", new
        {
            signedAt = DateTimeOffset.UtcNow, recordedBy = "Ana Stojanovska", informedOfRights = RiskAssessmentApi.Annex2Rights,
            informedOfMeasures = RiskAssessmentApi.Annex2Measures, consentedMeasures = Array.Empty<string>(), consentToTeamAndSafetyPlan = false,
            professionals = new[] { "Ana Stojanovska" },
            rightNotes = new Dictionary<string, string> { ["right-to-silence"] = "Not on the form." },
            measureRows = new Dictionary<string, object> { ["shelter"] = new { date = "2099-01-01", note = "Signed in the future." } },
        }, c.ETag);
        await badRows.AssertProblemAsync(HttpStatusCode.BadRequest, "rightNotes.right-to-silence", "measureRows.shelter.date");
        Assert.Empty(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents"));
    }

    [Fact]
    public async Task A_consent_that_was_not_given_cannot_be_withdrawn()
    {
        var c = await Csr.OpenCaseAsync(_centre);

        var response = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents/withdrawal", Withdrawal(), c.ETag);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents"));
    }

    [Theory]
    [InlineData("child")]
    [InlineData("limited-legal-capacity")]
    public async Task A_child_or_a_person_with_limited_capacity_is_protected_without_consent(string category)
    {
        var c = await Csr.OpenCaseAsync(_centre, category: category);

        var consent = c.Body.GetProperty("consent");
        Assert.False(consent.GetProperty("required").GetBoolean());
        Assert.Contains("Art. 22", consent.GetProperty("basis").GetString());
    }

    [Fact]
    public async Task Consent_before_being_informed_of_every_right_is_refused_and_nothing_is_stored()
    {
        var c = await Csr.OpenCaseAsync(_centre);

        var response = await Csr.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents",
            Consent(rights: RiskAssessmentApi.Annex2Rights.Skip(1).ToArray(), consented: ["spa-holiday"]), c.ETag);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "consentedMeasures", "informedOfRights");
        Assert.Contains("companion", problem.GetProperty("errors").GetProperty("informedOfRights")[0].GetString());
        Assert.Empty(await Csr.ListAsync($"{RiskAssessmentApi.Cases}/{c.Id}/consents"));
        Assert.Equal(c.ETag, (await Csr.ReadCaseAsync(c.Id)).ETag);
    }
}
