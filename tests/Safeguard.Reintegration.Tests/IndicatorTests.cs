using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Reintegration.Tests;

/// <summary>Objectives, indicators and targets of the municipal plan (seed 004), computed from the records where possible.</summary>
public sealed class IndicatorTests(PlatformFixture platform)
{
    private const string Service = ReintegrationApi.Prefix;

    private static JsonElement Indicator(JsonElement report, string code) =>
        report.GetProperty("objectives").EnumerateArray().SelectMany(o => o.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Indicators_are_computed_from_the_records_of_a_municipality_and_year_without_any_name()
    {
        var municipality = Names.CentreCode();
        var gateway = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await gateway.ServiceTimeAsync(Service);
        var arrival = now.AddDays(-5);

        // Four households arrived five days ago: two visited within 72 hours, one after four days, one never.
        var cases = new List<ReintegrationCase>();
        foreach (var surname in new[] { "Krasniqi", "Gashi", "Hoxha", "Shala" })
        {
            cases.Add(await gateway.RegisterReturnAsync(municipality, arrival, surname));
        }
        var etags = new string[4];
        etags[0] = await gateway.AssessNeedsAsync(cases[0], cases[0].ETag, ReintegrationApi.NeedsForm(arrival.AddHours(2), ("housing", null)));
        etags[1] = await gateway.AssessNeedsAsync(cases[1], cases[1].ETag, ReintegrationApi.NeedsForm(arrival.AddHours(20), ("housing", null)));
        etags[2] = await gateway.AssessNeedsAsync(cases[2], cases[2].ETag, ReintegrationApi.NeedsForm(arrival.AddDays(4)));
        // Two plans; one household's housing referral is carried out.
        (_, etags[0]) = await gateway.AdoptPlanAsync(cases[0], etags[0], arrival.AddDays(1), ("rent-subsidy", null));
        (_, etags[1]) = await gateway.AdoptPlanAsync(cases[1], etags[1], arrival.AddDays(1), ("social-housing", null));
        etags[0] = await gateway.ConsentAsync(cases[0], etags[0], cases[0].Member(0), arrival.AddDays(1), guardian: false, "housing-office");
        var sent = await gateway.PostAsJsonAsync(ReintegrationApi.Referrals + "/",
            ReintegrationApi.Referral(cases[0].Id, "rent-subsidy", [cases[0].Member(0)], $"housing.{municipality.ToLowerInvariant()}@municipality.test"));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var referral = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var referralId = referral.GetProperty("id").GetGuid();
        var tag = RiskAssessmentApi.ETagOf(sent);
        var housingOffice = platform.As(Personas.TeamMember($"housing.{municipality.ToLowerInvariant()}@municipality.test", "housing-office", "HOUSING"));
        await platform.ClaimReferralAsync(housingOffice, $"housing.{municipality.ToLowerInvariant()}@municipality.test", referral.GetProperty("reference").GetString()!);
        foreach (var to in new[] { "accepted", "in-progress", "done" })
        {
            var moved = await housingOffice.MoveReferralAsync(referralId, tag, to, outcome: to == "done" ? "Flat rented for 12 months." : null);
            tag = RiskAssessmentApi.ETagOf(moved);
        }

        var response = await gateway.GetAsync($"{Service}/indicators?municipality={municipality}&year={arrival.Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        var report = JsonDocument.Parse(json).RootElement;

        var plans = Indicator(report, "1.1"); // needs-based plans: 2 of 4
        Assert.Equal((2, 4, 50.0m), (plans.GetProperty("numerator").GetInt32(), plans.GetProperty("denominator").GetInt32(), plans.GetProperty("actual").GetDecimal()));
        Assert.Equal(40m, plans.GetProperty("baseline").GetDecimal());
        Assert.Equal(arrival.Year <= 2026 ? 60m : 80m, plans.GetProperty("target").GetDecimal());
        var visits = Indicator(report, "M1.1"); // 72 hours kept: 2 of 4 (the unvisited one counts as missed)
        Assert.Equal((2, 4), (visits.GetProperty("numerator").GetInt32(), visits.GetProperty("denominator").GetInt32()));
        var housing = Indicator(report, "4.6"); // housing need met by a completed referral: 1 of 2
        Assert.Equal((1, 2, 50.0m), (housing.GetProperty("numerator").GetInt32(), housing.GetProperty("denominator").GetInt32(), housing.GetProperty("actual").GetDecimal()));
        Assert.Equal(50m >= housing.GetProperty("target").GetDecimal(), housing.GetProperty("onTrack").GetBoolean());
        var referred = Indicator(report, "2.2"); // assessed cases with a referral: 1 of 3
        Assert.Equal((1, 3), (referred.GetProperty("numerator").GetInt32(), referred.GetProperty("denominator").GetInt32()));

        // An indicator the records cannot give is entered by the municipality; a computed one cannot be.
        var entered = await gateway.PutAsJsonAsync($"{Service}/indicators/2.1/values/{municipality}/{arrival.Year}",
            new { value = 45.5, note = "Referral meetings held monthly.", enteredBy = "Municipal Officer" });
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        await (await gateway.PutAsJsonAsync($"{Service}/indicators/1.1/values/{municipality}/{arrival.Year}", new { value = 99, enteredBy = "Someone" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "code");
        await (await gateway.PutAsJsonAsync($"{Service}/indicators/2.1/values/{municipality}/{arrival.Year}", new { value = 140, enteredBy = "Someone" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "value");
        var again = await gateway.GetFromJsonAsync<JsonElement>($"{Service}/indicators?municipality={municipality}&year={arrival.Year}");
        Assert.Equal(45.5m, Indicator(again, "2.1").GetProperty("actual").GetDecimal());

        // Aggregates only: no name, address or phone of anyone in the report.
        foreach (var marker in new[] { "Krasniqi", "Gashi", "Hoxha", "Shala", "Dardania", "+383" })
        {
            Assert.DoesNotContain(marker, json);
        }

        // Reads are scoped: another municipality's officer cannot read these figures, and without a filter reads her own.
        var other = platform.As(Personas.ReintegrationOfficer(Names.CentreCode()));
        await (await other.GetAsync($"{Service}/indicators?municipality={municipality}&year={arrival.Year}")).AssertProblemAsync(HttpStatusCode.Forbidden, "municipality");
        var own = await other.GetFromJsonAsync<JsonElement>($"{Service}/indicators?year={arrival.Year}");
        Assert.NotEqual(municipality, own.GetProperty("municipalityCode").GetString());
        // The ministry's analyst reads the aggregate with the small counts withheld: 2 of 4 would point at households.
        var ministry = await platform.As(Personas.Analyst()).GetFromJsonAsync<JsonElement>($"{Service}/indicators?municipality={municipality}&year={arrival.Year}");
        var withheld = Indicator(ministry, "1.1");
        Assert.True(withheld.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("numerator").ValueKind);
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("actual").ValueKind);
        Assert.Equal(45.5m, Indicator(ministry, "2.1").GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task The_seeded_objectives_carry_the_plans_baselines_and_targets()
    {
        var objectives = await platform.Gateway.GetFromJsonAsync<JsonElement[]>($"{Service}/objectives");
        Assert.NotNull(objectives);
        Assert.Equal(Enumerable.Range(1, 10), objectives.Select(o => o.GetProperty("number").GetInt32()));
        var o5 = objectives[4].GetProperty("indicators")[0];
        Assert.Equal((90m, 100m, 100m), (o5.GetProperty("baseline").GetDecimal(), o5.GetProperty("target2026").GetDecimal(), o5.GetProperty("target2028").GetDecimal()));
        Assert.Equal("computed", o5.GetProperty("measure").GetString());
    }

    [Fact]
    public async Task Every_indicator_of_the_plan_is_reported_against_its_target_year_and_uncertain_rows_say_what_to_confirm()
    {
        var municipality = Names.CentreCode();
        var officer = platform.As(Personas.ReintegrationOfficer(municipality));

        // Objective 3 prints seven indicators, objective 10 three: each is its own line of the report.
        var report = await officer.GetFromJsonAsync<JsonElement>($"{Service}/indicators?municipality={municipality}&year=2027");
        var indicators = report.GetProperty("objectives").EnumerateArray().SelectMany(o => o.GetProperty("indicators").EnumerateArray()).ToList();
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"],
            indicators.Select(i => i.GetProperty("code").GetString()).Where(c => c!.StartsWith("3.", StringComparison.Ordinal)));
        Assert.Equal(["10.1", "10.2", "10.3"], indicators.Select(i => i.GetProperty("code").GetString()).Where(c => c!.StartsWith("10.", StringComparison.Ordinal)));
        // 2027 is measured against 2028's target.
        Assert.All(indicators, i => Assert.Equal(2028, i.GetProperty("targetYear").GetInt32()));
        var jobs = indicators.Single(i => i.GetProperty("code").GetString() == "3.2");
        Assert.Equal(90m, jobs.GetProperty("target").GetDecimal());
        Assert.Contains("seven indicators", jobs.GetProperty("reading").GetString());
        var literacy = indicators.Single(i => i.GetProperty("code").GetString() == "5.5");
        Assert.Equal(JsonValueKind.Null, literacy.GetProperty("target").ValueKind);
        Assert.Contains("80 % / 85 % / 97 %", literacy.GetProperty("toConfirm").GetString());

        var current = await officer.GetFromJsonAsync<JsonElement>($"{Service}/indicators?municipality={municipality}&year=2026");
        Assert.All(current.GetProperty("objectives").EnumerateArray().SelectMany(o => o.GetProperty("indicators").EnumerateArray()),
            i => Assert.Equal(2026, i.GetProperty("targetYear").GetInt32()));
    }
}
