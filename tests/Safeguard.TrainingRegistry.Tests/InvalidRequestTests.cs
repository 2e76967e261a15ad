using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.TrainingRegistry.Tests;

/// <summary>Invalid requests answer the right problem, naming the field, and store nothing.</summary>
public sealed class InvalidRequestTests(PlatformFixture platform)
{
    private async Task<long> CountAsync(string sql, Guid id) => (long)(await platform.QueryAsync("training-registry-db", sql, ("id", id)))[0][0];

    [Fact]
    public async Task Sessions_outside_the_timeframe_unknown_activities_and_enrolment_over_capacity_are_refused()
    {
        var gateway = platform.As(Personas.TrainingAdmin());
        var run = Guid.NewGuid().ToString("N")[..6];
        var police = await gateway.CreateProgrammeAsync($"Basic police module {run}", "1.1.1", "police");
        var trainer = await gateway.RegisterAsync($"Police Trainer {run}", TrainingApi.Email("pt"), "Police academy", "police");

        // Activity 1.1.1 runs 2023-2025: a 2026 session is outside it.
        var late = await gateway.PostAsJsonAsync(TrainingApi.Prefix + "/sessions", TrainingApi.Session(police, "1.1.1", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 2), 10, trainer));
        var problem = await late.AssertProblemAsync(HttpStatusCode.BadRequest, "terms.startsOn");
        Assert.Contains("2023-2025", problem.GetProperty("errors").GetProperty("terms.startsOn")[0].GetString());
        await (await gateway.PostAsJsonAsync(TrainingApi.Prefix + "/sessions", TrainingApi.Session(police, "1.1.6", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 2), 10, trainer)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "activityCode");
        await (await gateway.PostAsJsonAsync(TrainingApi.Prefix + "/sessions", TrainingApi.Session(police, "1.1.1", new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 1), 10, trainer)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "terms.endsOn");
        await (await gateway.PostAsJsonAsync(TrainingApi.Prefix + "/sessions", TrainingApi.Session(police, "1.1.1", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1), 0, trainer)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "terms.capacity");
        await (await gateway.PostAsJsonAsync(TrainingApi.Prefix + "/programmes", new { title = "Nothing", kind = "training", activityCodes = new[] { "9.9.9" }, targetGroups = new[] { "police" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "activityCodes[0]");
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM sessions WHERE programme_id = @id", police));

        // Two places: the third enrolment is refused and not stored. 1.1.1 trains police officers with at most 5 years
        // of work experience (seed 000): an officer who does not state hers, or has more, is refused first.
        var small = await gateway.ScheduleAsync(TrainingApi.Session(police, "1.1.1", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1), 2, trainer));
        var senior = await gateway.RegisterAsync($"Officer senior {run}", TrainingApi.Email("senior"), "Police station Centar", "police");
        await (await gateway.EnrolAsync(small, senior)).AssertProblemAsync(HttpStatusCode.BadRequest, "yearsOfExperience");
        await (await gateway.EnrolAsync(small, senior, yearsOfExperience: 12)).AssertProblemAsync(HttpStatusCode.BadRequest, "yearsOfExperience");
        foreach (var who in new[] { "one", "two" })
        {
            var p = await gateway.RegisterAsync($"Officer {who} {run}", TrainingApi.Email(who), "Police station Centar", "police");
            Assert.Equal(HttpStatusCode.OK, (await gateway.EnrolAsync(small, p, yearsOfExperience: 3)).StatusCode);
        }
        var third = await gateway.RegisterAsync($"Officer three {run}", TrainingApi.Email("three"), "Police station Centar", "police");
        await (await gateway.EnrolAsync(small, third, yearsOfExperience: 2)).AssertProblemAsync(HttpStatusCode.Conflict, "capacity");
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM enrolments WHERE participant_id = @id", senior));
        var session = await gateway.GetFromJsonAsync<JsonElement>($"{TrainingApi.Prefix}/sessions/{small}");
        Assert.Equal(2, session.GetProperty("enrolments").GetArrayLength());
    }

    [Fact]
    public async Task A_person_registered_twice_in_another_script_or_order_is_detected()
    {
        var gateway = platform.As(Personas.TrainingAdmin());
        // A distinct surname suffix per run, in letters that have one Latin spelling each.
        const string letters = "абвгдезиклмнопрсту";
        var run = new string(Enumerable.Range(0, 5).Select(_ => letters[Random.Shared.Next(letters.Length)]).ToArray());
        var email = TrainingApi.Email("ana");
        var first = await gateway.RegisterAsync($"Ана Петровска{run}", email, "CSR Skopje", "csr-professional");

        // The same name in Latin letters, surname first: refused as a duplicate, naming the first record.
        var latin = await gateway.PostAsJsonAsync(TrainingApi.Prefix + "/participants", new
        {
            fullName = $"PETROVSKA{Transliterate(run).ToUpperInvariant()} Ana", email = TrainingApi.Email("other"), institution = "CSR Skopje", position = "Social worker", targetGroup = "csr-professional",
        });
        var problem = await latin.AssertProblemAsync(HttpStatusCode.Conflict, "fullName");
        Assert.Equal(first, problem.GetProperty("duplicateOf").GetGuid());
        // The same e-mail is always the same person.
        await (await gateway.PostAsJsonAsync(TrainingApi.Prefix + "/participants", new
            {
                fullName = "Someone Else", email = email.ToUpperInvariant(), institution = "CSR Skopje", position = "Social worker", targetGroup = "csr-professional",
            }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "email");
        const string sameName = "SELECT count(*) FROM participants WHERE name_key = (SELECT name_key FROM participants WHERE id = @id)";
        Assert.Equal(1L, await CountAsync(sameName, first));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM participants WHERE full_name = 'Someone Else' AND @id = @id", first));

        // Searching by the Latin spelling finds the Cyrillic record.
        var found = await gateway.GetFromJsonAsync<JsonElement[]>($"{TrainingApi.Prefix}/participants?name={Uri.EscapeDataString($"Ana Petrovska{Transliterate(run)}")}");
        Assert.Equal([first], found!.Select(p => p.GetProperty("id").GetGuid()));
    }

    private static string Transliterate(string cyrillic) => string.Concat(cyrillic.Select(c => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' => "e", 'з' => "z", 'и' => "i", 'к' => "k", 'л' => "l", 'м' => "m",
        'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u",
        _ => c.ToString(),
    }));
}
