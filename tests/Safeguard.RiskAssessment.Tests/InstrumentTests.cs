using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.RiskAssessment.Tests;

/// <summary>The Annex 1 questionnaire is served as versioned data, every text in the four languages.</summary>
public sealed class InstrumentTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private static readonly string[] Languages = ["mk", "sq", "sr", "en"];

    [Fact]
    public async Task The_instrument_has_all_five_sections_and_every_text_in_four_languages()
    {
        var instrument = await Csr.GetFromJsonAsync<JsonElement>("/api/risk-assessment/instrument");

        Assert.Equal("2025.1", instrument.GetProperty("version").GetString());
        var sections = instrument.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], sections.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("childrenInFamily", sections[3].GetProperty("appliesWhen").GetString());
        var items = sections.SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
        Assert.True(items.Count >= 60, $"Annex 1 has {items.Count} items.");
        foreach (var text in items.Select(i => i.GetProperty("text")).Append(instrument.GetProperty("title")))
        {
            Assert.All(Languages, language => Assert.False(string.IsNullOrWhiteSpace(text.GetProperty(language).GetString())));
        }
        Assert.Equal(["yes", "no", "cannot-assess"], instrument.GetProperty("answerScale").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Items_carry_their_source_and_details_as_on_the_form()
    {
        var instrument = await Csr.GetFromJsonAsync<JsonElement>("/api/risk-assessment/instrument");
        var items = instrument.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray())
            .ToDictionary(i => i.GetProperty("id").GetString()!);

        Assert.Equal("Дали актуелниот инцидент резултирал со физичка повреда?", items["1.2"].GetProperty("text").GetProperty("mk").GetString());
        Assert.Equal("injury", items["1.2"].GetProperty("details")[0].GetProperty("id").GetString());
        Assert.StartsWith("Art. 9", items["1.27"].GetProperty("source").GetString());
        Assert.Equal(["first-incident", "6-months", "1-year", "more-than-1-year"],
            items["2.8"].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.True(items["5.v"].GetProperty("options").GetArrayLength() >= 19, "The §5 vulnerability list is complete.");
    }

    [Fact]
    public async Task A_version_is_served_by_its_number_and_an_unknown_one_is_404()
    {
        var byVersion = await Csr.GetAsync("/api/risk-assessment/instrument/2025.1");
        var unknown = await Csr.GetAsync("/api/risk-assessment/instrument/1999.9");

        Assert.Equal(HttpStatusCode.OK, byVersion.StatusCode);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
