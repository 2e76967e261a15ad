using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Safeguard.Testing;

/// <summary>Checks that a response is an RFC 7807 problem with the expected status and, where given, field errors.</summary>
public static class ProblemAssertions
{
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _), "A problem response carries the trace id.");
        if (fields.Length > 0)
        {
            var named = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray();
            Assert.Equal(fields.Order().ToArray(), named);
        }
        return problem;
    }
}
