using System.Net;
using System.Text.Json;

namespace Safeguard.Reintegration.Tests;

/// <summary>Seed 004 §1.1: the 72-hour visit is made together with the municipal office for communities and returns and the CSR.</summary>
public sealed class JointVisitTests(PlatformFixture platform)
{
    private static object Form(DateTimeOffset visitedAt, params (string Name, string Institution, string Represents)[] visitors) => new
    {
        visitedAt,
        visitors = visitors.Select(v => new { fullName = v.Name, institution = v.Institution, represents = v.Represents }).ToArray(),
        needs = new[] { "civil-documents", "employment-and-skills", "social-assistance", "health", "mental-health", "housing", "education-and-language", "legal-aid" }
            .Select(a => new { area = a, level = "none" }).ToArray(),
    };

    [Fact]
    public async Task A_visit_without_the_centre_is_recorded_as_incomplete_and_the_72_hours_run_on_until_a_joint_one()
    {
        var municipality = Names.CentreCode();
        var gateway = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await gateway.ServiceTimeAsync(ReintegrationApi.Prefix);
        var c = await gateway.RegisterReturnAsync(municipality, now.AddHours(-5));

        var alone = await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/needs-assessments",
            Form(now, ("Visiting Officer", "Municipal office for communities and return", "municipal-office-for-communities-and-returns")), c.ETag);

        Assert.Equal(HttpStatusCode.Created, alone.StatusCode);
        var visit = JsonDocument.Parse(await alone.Content.ReadAsStringAsync()).RootElement;
        Assert.False(visit.GetProperty("joint").GetBoolean());
        Assert.Equal(["centre-for-social-work"], visit.GetProperty("missingFromJointVisit").EnumerateArray().Select(r => r.GetString()));
        var afterAlone = await gateway.ReadAsync(c.Id);
        Assert.Equal(JsonValueKind.Null, afterAlone.Body.GetProperty("visitedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, afterAlone.Body.GetProperty("incompleteVisitAt").ValueKind);
        Assert.Contains(afterAlone.Body.GetProperty("clocks").EnumerateArray(), k => k.GetProperty("clock").GetString() == "visit");

        var joint = await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/needs-assessments", Form(now,
            ("Visiting Officer", "Municipal office for communities and return", "municipal-office-for-communities-and-returns"),
            ("Social Worker", "CSR", "centre-for-social-work")), afterAlone.ETag);

        Assert.Equal(HttpStatusCode.Created, joint.StatusCode);
        var afterJoint = await gateway.ReadAsync(c.Id);
        Assert.NotEqual(JsonValueKind.Null, afterJoint.Body.GetProperty("visitedAt").ValueKind);
        Assert.True(afterJoint.Body.GetProperty("visitWithin72Hours").GetBoolean());
        Assert.Equal(JsonValueKind.Null, afterJoint.Body.GetProperty("incompleteVisitAt").ValueKind);
    }

    [Fact]
    public async Task A_visitor_without_the_institution_she_represents_is_refused_naming_the_field()
    {
        var municipality = Names.CentreCode();
        var gateway = platform.As(Personas.ReintegrationOfficer(municipality));
        var now = await gateway.ServiceTimeAsync(ReintegrationApi.Prefix);
        var c = await gateway.RegisterReturnAsync(municipality, now.AddHours(-5));

        var response = await gateway.PostIfMatchAsync($"{ReintegrationApi.Cases}/{c.Id}/needs-assessments", new
        {
            visitedAt = now, visitors = new[] { new { fullName = "Visiting Officer", institution = "Municipal office" } },
            needs = new[] { new { area = "housing", level = "none" } },
        }, c.ETag);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Contains("represents", StringComparison.OrdinalIgnoreCase));
    }
}
