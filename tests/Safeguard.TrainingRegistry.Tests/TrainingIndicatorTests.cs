using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.TrainingRegistry.Tests;

/// <summary>Indicator counts per activity, target group, institution and year match the records (issue 8 §4).</summary>
public sealed class TrainingIndicatorTests(PlatformFixture platform)
{
    [Fact]
    public async Task Counts_per_target_group_institution_and_year_match_the_records_and_export_as_csv_with_small_counts_suppressed()
    {
        // Activity 1.2.1 (journalists) is used by this test alone, so its counts are exact.
        var gateway = platform.As(Personas.TrainingAdmin());
        var run = Guid.NewGuid().ToString("N")[..6];
        var (newsroom, council) = ($"Newsroom {run}", $"Media council {run}");
        var programme = await gateway.CreateProgrammeAsync($"Reporting on extremism {run}", "1.2.1", "journalist");
        var trainer = await gateway.RegisterAsync($"Media Trainer {run}", TrainingApi.Email("trainer"), "Association of journalists", "other");
        var a = await gateway.RegisterAsync($"Ana Reporter {run}", TrainingApi.Email("a"), newsroom, "journalist");
        var b = await gateway.RegisterAsync($"Besa Reporter {run}", TrainingApi.Email("b"), newsroom, "journalist");
        var c = await gateway.RegisterAsync($"Cvetan Editor {run}", TrainingApi.Email("c"), council, "other");
        var d = await gateway.RegisterAsync($"Dragan Absent {run}", TrainingApi.Email("d"), council, "journalist");

        var march = await gateway.ScheduleAsync(TrainingApi.Session(programme, "1.2.1", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11), 10, trainer));
        Assert.Equal(HttpStatusCode.OK, (await gateway.TrainAsync(march, a)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.TrainAsync(march, c)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await gateway.TrainAsync(march, d, attended: false)).StatusCode);
        var may = await gateway.ScheduleAsync(TrainingApi.Session(programme, "1.2.1", new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 4), 10, trainer));
        Assert.Equal(HttpStatusCode.OK, (await gateway.TrainAsync(may, a)).StatusCode); // trained again: still one person
        Assert.Equal(HttpStatusCode.OK, (await gateway.TrainAsync(may, b)).StatusCode);
        // A session of 2025 counts in 2025 only; one nobody attended is not held.
        var earlier = await gateway.ScheduleAsync(TrainingApi.Session(programme, "1.2.1", new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 2), 10, trainer));
        Assert.Equal(HttpStatusCode.OK, (await gateway.TrainAsync(earlier, d)).StatusCode);
        await gateway.ScheduleAsync(TrainingApi.Session(programme, "1.2.1", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), 10, trainer));

        var year = Assert.Single((await gateway.GetFromJsonAsync<JsonElement[]>($"{TrainingApi.Prefix}/indicators?year=2026&activity=1.2.1"))!);
        Assert.Equal(2, year.GetProperty("trainingsHeld").GetInt32());
        Assert.Equal(3, year.GetProperty("peopleTrained").GetInt32());
        Assert.Equal(2, year.GetProperty("byTargetGroup").GetProperty("journalist").GetInt32());
        Assert.Equal(1, year.GetProperty("byTargetGroup").GetProperty("other").GetInt32());
        Assert.Equal(2, year.GetProperty("byInstitution").GetProperty(newsroom).GetInt32());
        Assert.Equal(1, year.GetProperty("byInstitution").GetProperty(council).GetInt32());
        Assert.Equal(3, year.GetProperty("indicators")[0].GetProperty("actual").GetInt32());
        var before = Assert.Single((await gateway.GetFromJsonAsync<JsonElement[]>($"{TrainingApi.Prefix}/indicators?year=2025&activity=1.2.1"))!);
        Assert.Equal((1, 1), (before.GetProperty("trainingsHeld").GetInt32(), before.GetProperty("peopleTrained").GetInt32()));

        var institutions = await gateway.GetFromJsonAsync<JsonElement[]>($"{TrainingApi.Prefix}/indicators/institutions?year=2026");
        Assert.Equal(2, institutions!.Single(i => i.GetProperty("institution").GetString() == newsroom).GetProperty("peopleTrained").GetInt32());

        // The ministry's analyst reads the same view with the small counts withheld: three people, two and one per institution.
        var analysts = Assert.Single((await platform.As(Personas.Analyst()).GetFromJsonAsync<JsonElement[]>($"{TrainingApi.Prefix}/indicators?year=2026&activity=1.2.1"))!);
        Assert.True(analysts.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, analysts.GetProperty("peopleTrained").ValueKind);
        Assert.Equal(JsonValueKind.Null, analysts.GetProperty("byInstitution").GetProperty(newsroom).ValueKind);
        Assert.Equal(2, analysts.GetProperty("trainingsHeld").GetInt32());

        var csv = await gateway.GetAsync($"{TrainingApi.Prefix}/indicators/export.csv?year=2026");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("table,key,column,value", lines[0]);
        // The export leaves the registry: the two and the one trained are small counts, suppressed (the platform's one rule).
        Assert.Contains($"Training,2026 / 1.2.1 / journalist / {newsroom},people trained,suppressed", lines);
        Assert.Contains($"Training,2026 / 1.2.1 / other / {council},people trained,suppressed", lines);
        Assert.Contains($"Training,2026 / 1.2.1 / journalist / {newsroom},trainings held for activity,2", lines);
    }
}
