using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Security.Tests;

/// <summary>
/// Every role against every endpoint, through the gateway (issue 9): a role the matrix admits is let past
/// the role check (whatever the record or body then says), any other gets a 403 problem, and a caller
/// without a token gets a 401 problem. The callers are people who signed in and institutions' systems
/// (<see cref="MatrixCallers"/>); tokens from elsewhere that do not fit their institution are tried too.
/// </summary>
public sealed class RoleMatrixTests(PlatformFixture platform)
{
    private static readonly string[] Prefixes = ["/api/risk-assessment", "/api/safety-plans", "/api/reintegration", "/api/training", "/api/notifications", "/api/identity"];

    private static TokenSubject PersonaOf(string role) => new($"matrix-{role}", [role], role == PlatformRoles.ReintegrationOfficer ? "TXMUN" : "TXSEC",
        role switch
        {
            PlatformRoles.CsrCaseWorker or PlatformRoles.CsrSupervisor => "csr",
            PlatformRoles.ReintegrationOfficer => "municipality",
            PlatformRoles.PrisonProbationOfficer => "prison",
            PlatformRoles.TeamMember => "police",
            PlatformRoles.PlatformAdmin => "platform",
            _ => "ministry",
        }, $"matrix.{role}@institution.test");

    [Fact]
    public async Task The_matrix_names_every_published_operation()
    {
        var published = new List<string>();
        foreach (var prefix in Prefixes)
        {
            var document = await platform.Gateway.GetFromJsonAsync<JsonElement>($"{prefix}/openapi/v1.json");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                published.AddRange(path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"));
            }
        }
        var matrix = AccessMatrix.Rows.Select(r => $"{r.Method} {r.Route}").ToList();
        Assert.Equal(published.Order(), matrix.Order());
    }

    [Fact]
    public async Task Each_role_reaches_exactly_the_endpoints_the_matrix_gives_it_signed_in_as_a_person() =>
        await AssertMatrixAsync(role => MatrixCallers.PersonAsync(platform, role));

    [Fact]
    public async Task An_institutions_system_reaches_exactly_the_endpoints_of_the_roles_it_was_registered_for() =>
        await AssertMatrixAsync(role => MatrixCallers.SystemAsync(platform, role));

    /// <summary>Every row against every role, each role's caller made by <paramref name="callerOf"/>.</summary>
    private static async Task AssertMatrixAsync(Func<string, Task<HttpClient>> callerOf)
    {
        var wrong = new List<string>();
        var tried = 0;
        foreach (var role in PlatformRoles.All)
        {
            using var caller = await callerOf(role);
            foreach (var row in AccessMatrix.Rows)
            {
                using var response = await caller.SendAsync(Request(row));
                tried++;
                var admitted = row.Roles.Contains(role);
                var refused = response.StatusCode == HttpStatusCode.Forbidden && IsProblem(response);
                if (admitted ? response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized : !refused)
                {
                    wrong.Add($"{role} {row.Method} {row.Route}: {(int)response.StatusCode} (expected {(admitted ? "admitted" : "403 problem")})");
                }
            }
        }
        Assert.Empty(wrong);
        Assert.Equal(AccessMatrix.Rows.Length * PlatformRoles.All.Count, tried);
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401_as_a_problem()
    {
        var wrong = new List<string>();
        foreach (var row in AccessMatrix.Rows)
        {
            using var response = await platform.Anonymous.SendAsync(Request(row));
            if (response.StatusCode != HttpStatusCode.Unauthorized || !IsProblem(response) || !response.Headers.WwwAuthenticate.Any())
            {
                wrong.Add($"{row.Method} {row.Route}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task A_token_without_an_institution_or_of_an_institution_its_role_does_not_belong_to_is_refused_on_every_endpoint()
    {
        var wrong = new List<string>();
        foreach (var row in AccessMatrix.Rows)
        {
            var role = row.Roles[0];
            // A CSR role from a police station, an officer from a centre, a team member from the platform...
            var misfit = role switch
            {
                PlatformRoles.CsrCaseWorker or PlatformRoles.CsrSupervisor => "police",
                PlatformRoles.TeamMember => "platform",
                _ => "csr",
            };
            foreach (var (who, kind) in new[] { (PersonaOf(role) with { Institution = "", InstitutionKind = "" }, "no institution"),
                         (PersonaOf(role) with { InstitutionKind = misfit }, misfit) })
            {
                using var response = await platform.As(who).SendAsync(Request(row));
                if (response.StatusCode != HttpStatusCode.Forbidden || !IsProblem(response))
                {
                    wrong.Add($"{role} of {kind} {row.Method} {row.Route}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(wrong);
    }

    private static HttpRequestMessage Request(AccessMatrix.Row row)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), AccessMatrix.Concrete(row));
        if (row.Method is "POST" or "PUT")
        {
            // An empty form: admitted roles meet validation (400) or a missing record (404), never a change.
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return request;
    }

    private static bool IsProblem(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "application/problem+json";
}
