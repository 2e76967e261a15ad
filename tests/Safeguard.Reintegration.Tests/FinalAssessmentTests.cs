using System.Net;
using System.Text.Json;

namespace Safeguard.Reintegration.Tests;

/// <summary>Seed 004 §1.5: the final assessment comes at 18 months; a case that ends earlier does not count as reintegration assessed.</summary>
public sealed class FinalAssessmentTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_case_closes_before_18_months_only_for_a_recorded_reason_never_as_sustainable_and_indicator_1_3_leaves_it_out()
    {
        var municipality = Names.CentreCode();
        var gateway = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await gateway.ServiceTimeAsync(ReintegrationApi.Prefix);
        var c = await gateway.RegisterReturnAsync(municipality, now.AddHours(-5));
        var etag = await gateway.AssessNeedsAsync(c, c.ETag, ReintegrationApi.NeedsForm(now));
        var reviews = $"{ReintegrationApi.Cases}/{c.Id}/reviews";

        var early = await gateway.PostIfMatchAsync(reviews,
            new { kind = "final-assessment", reviewedAt = now, reviewedBy = "Officer", summary = "Employed and housed.", sustainable = true }, etag);
        await early.AssertProblemAsync(HttpStatusCode.Conflict, "reviewedAt");
        var earlySustainable = await gateway.PostIfMatchAsync(reviews, new
        {
            kind = "final-assessment", reviewedAt = now, reviewedBy = "Officer", summary = "Moved to another municipality.", sustainable = true,
            earlyClosureReason = "transfer",
        }, etag);
        await earlySustainable.AssertProblemAsync(HttpStatusCode.BadRequest, "sustainable");

        var ended = await gateway.PostIfMatchAsync(reviews, new
        {
            kind = "final-assessment", reviewedAt = now, reviewedBy = "Officer", summary = "The family left the country.", earlyClosureReason = "departure",
        }, etag);
        Assert.Equal(HttpStatusCode.Created, ended.StatusCode);
        var closed = await gateway.ReadAsync(c.Id);
        Assert.Equal("closed", closed.Body.GetProperty("state").GetString());
        Assert.False(closed.Body.GetProperty("sustainable").GetBoolean());
        Assert.Equal("departure", closed.Body.GetProperty("earlyClosureReason").GetString());

        var report = JsonDocument.Parse(await gateway.GetStringAsync($"{ReintegrationApi.Prefix}/indicators?municipality={municipality}&year={now.Year}")).RootElement;
        var sustainable = report.GetProperty("objectives").EnumerateArray().SelectMany(o => o.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == "1.3");
        Assert.Equal(0, sustainable.GetProperty("denominator").GetInt32());
    }
}
