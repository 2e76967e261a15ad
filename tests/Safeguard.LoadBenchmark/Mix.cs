using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.LoadBenchmark;

/// <summary>A high-risk assessment whose team e-mails are timed: when it was sent, for which case.</summary>
public sealed record HighRiskSubmission(string CaseReference, DateTimeOffset SubmittedAt);

/// <summary>
/// The request kinds of the mix, each as a user of the platform makes it (issue 10): a centre opens a case,
/// submits the full Annex 1 questionnaire (reassessing its open cases; a share are new high-risk cases, which
/// convene the team), logs a contact and reads a plan; a municipality registers a returning family; the
/// training administrator registers and enrols a trainee.
/// </summary>
public sealed class Mix(World world, Latencies latencies)
{
    public const string OpenCase = "open-case", Assessment = "assessment", HighRisk = "assessment-high-risk", Contact = "log-contact",
        ReadPlan = "read-plan", Returnee = "register-returnee", RegisterTrainee = "register-trainee", Enrol = "enrol-trainee", ReadCase = "read-case";

    private int _next;

    public ConcurrentBag<HighRiskSubmission> HighRiskSubmissions { get; } = [];

    /// <summary>A made-up surname: a capital and seven small letters.</summary>
    private static string Letters() =>
        (char)('A' + Random.Shared.Next(26)) + string.Concat(Enumerable.Range(0, 7).Select(_ => (char)('a' + Random.Shared.Next(26))));

    private T Pick<T>(IReadOnlyList<T> items) => items[(int)((uint)Interlocked.Increment(ref _next) % items.Count)];

    /// <summary>
    /// Runs one request of <paramref name="kind"/> that was due at <paramref name="due"/>. Whatever goes wrong (a
    /// timeout, a refused connection, an answer without what the next step needs) is counted as that kind's error,
    /// like a problem answer: an overloaded platform is a result to report, never a reason to stop.
    /// </summary>
    public async Task RunAsync(string kind, long due, bool direct = false)
    {
        try
        {
            await SendAsync(kind, due, direct);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            latencies.Fail(kind, null, Outcome(ex));
        }
    }

    /// <summary>How a request without an answer ended, in the error table's words.</summary>
    public static string Outcome(Exception ex) => ex switch
    {
        TaskCanceledException { InnerException: TimeoutException } => "timeout",
        HttpRequestException { HttpRequestError: var error } => $"connection ({error})",
        _ => ex.GetType().Name,
    };

    private Task SendAsync(string kind, long due, bool direct) => kind switch
    {
        OpenCase => OpenCaseAsync(due, direct),
        Assessment => ReassessAsync(due, direct),
        HighRisk => HighRiskAsync(due),
        Contact => LogContactAsync(due),
        ReadPlan => ReadPlanAsync(due),
        Returnee => RegisterReturneeAsync(due),
        Enrol => EnrolTraineeAsync(due),
        ReadCase => ReadCaseAsync(due, direct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private async Task<HttpResponseMessage?> TimedAsync(string kind, long due, Func<Task<HttpResponseMessage>> call) =>
        (await AnsweredAsync(kind, due, call)).Response;

    /// <summary>The expected answer (its time recorded), or null with whether the platform refused it for load.</summary>
    private async Task<(HttpResponseMessage? Response, bool Refused)> AnsweredAsync(string kind, long due, Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            var response = await call();
            if (PlatformClient.IsExpected(response))
            {
                latencies.Record(kind, Stopwatch.GetElapsedTime(due));
                return (response, false);
            }
            var title = await ProblemTitleAsync(response);
            if (response.StatusCode is System.Net.HttpStatusCode.ServiceUnavailable or System.Net.HttpStatusCode.TooManyRequests
                && response.Headers.RetryAfter is not null && IsLoadRefusal(title))
            {
                latencies.Refuse(kind, title);
                return (null, true);
            }
            latencies.Fail(kind, response.StatusCode, title);
            return (null, false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            latencies.Fail(kind, null, Outcome(ex));
            return (null, false);
        }
    }

    /// <summary>The refusals for load: the gateway's (no turn free at the service, or the rate limit) and a service's busy pool.</summary>
    private static bool IsLoadRefusal(string? title) =>
        title is not null && (title.EndsWith(" is at capacity.", StringComparison.Ordinal) || title == "The service is busy." || title == "Too many requests.");

    private static async Task<string?> ProblemTitleAsync(HttpResponseMessage response)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return problem.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task OpenCaseAsync(long due, bool direct)
    {
        var centre = Pick(world.Centres);
        await TimedAsync(OpenCase, due, () => (direct ? centre.CsrDirect : centre.Csr).PostAsync("/api/risk-assessment/cases", World.CaseBody(centre.Code)));
    }

    private async Task ReassessAsync(long due, bool direct)
    {
        // Each case answers one request at a time (its ETag moves); a free one is normally there at once. Past its
        // capacity the platform holds every case, and requests would queue here without end: one that waited as long
        // as the client's time-out is counted as timed out, like a request the platform did not answer.
        PooledCase? pooled;
        while (!world.Cases.TryDequeue(out pooled))
        {
            if (Stopwatch.GetElapsedTime(due) > PlatformClient.Timeout)
            {
                latencies.Fail(Assessment, null, "timeout (no case free: every one waits for an answer)");
                return;
            }
            await Task.Delay(1);
        }
        try
        {
            var client = direct ? pooled.Centre.CsrDirect : pooled.Centre.Csr;
            var (response, refused) = await AnsweredAsync(Assessment, due, () =>
                client.PostAsync($"/api/risk-assessment/cases/{pooled.Id}/assessments", World.AssessmentBody(world.AllClear), pooled.ETag));
            if (response is not null)
            {
                pooled.ETag = PlatformClient.ETagOf(response);
            }
            else if (!refused)
            {
                // Whatever else happened (a refusal for load stored nothing, so its ETag still holds), read the current
                // ETag so the case stays usable; the failure is counted already, and a read that fails too leaves the
                // old ETag for the next turn to correct the same way.
                try
                {
                    var current = await client.GetAsync($"/api/risk-assessment/cases/{pooled.Id}");
                    if (current.IsSuccessStatusCode)
                    {
                        pooled.ETag = PlatformClient.ETagOf(current);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }
            }
        }
        finally
        {
            world.Cases.Enqueue(pooled);
        }
    }

    private async Task HighRiskAsync(long due)
    {
        var centre = Pick(world.Centres);
        var opened = await TimedAsync(OpenCase, due, () => centre.Csr.PostAsync("/api/risk-assessment/cases", World.CaseBody(centre.Code)));
        if (opened is null)
        {
            return;
        }
        var body = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var submitted = Stopwatch.GetTimestamp();
        var submittedAt = DateTimeOffset.UtcNow;
        var assessed = await TimedAsync(HighRisk, submitted, () => centre.Csr.PostAsync(
            $"/api/risk-assessment/cases/{body.GetProperty("id").GetGuid()}/assessments", World.AssessmentBody(world.HighRisk), PlatformClient.ETagOf(opened)));
        if (assessed is not null)
        {
            HighRiskSubmissions.Add(new HighRiskSubmission(body.GetProperty("reference").GetString()!, submittedAt));
        }
    }

    private async Task LogContactAsync(long due)
    {
        var plan = Pick(world.Plans);
        await TimedAsync(Contact, due, () => plan.Centre.Csr.PostAsync($"/api/safety-plans/plans/{plan.Id}/contacts",
            new { at = DateTimeOffset.UtcNow.AddSeconds(-1), summary = "Visited; measures explained; no new incident." }));
    }

    private async Task ReadPlanAsync(long due)
    {
        var plan = Pick(world.Plans);
        await TimedAsync(ReadPlan, due, () => plan.Centre.Csr.GetAsync($"/api/safety-plans/plans/{plan.Id}"));
    }

    private async Task ReadCaseAsync(long due, bool direct)
    {
        // Spread over the centres' people, as reads are: one person alone would meet the gateway's rate limit.
        var pooled = Pick(world.ReadableCases);
        await TimedAsync(ReadCase, due, () => (direct ? pooled.Centre.CsrDirect : pooled.Centre.Csr).GetAsync($"/api/risk-assessment/cases/{pooled.Id}"));
    }

    private async Task RegisterReturneeAsync(long due)
    {
        var municipality = Pick(world.Municipalities);
        await TimedAsync(Returnee, due, () => municipality.Officer.PostAsync("/api/reintegration/cases/", World.ReturneeBody(municipality.Code)));
    }

    private async Task EnrolTraineeAsync(long due)
    {
        var admin = world.TrainingAdmin;
        var registered = await TimedAsync(RegisterTrainee, due, () => admin.PostAsync("/api/training/participants", new
        {
            // A new person each time: the registry flags the same name at the same institution as a duplicate.
            fullName = $"Bench Officer {Letters()}",
            email = $"officer.{Guid.NewGuid():N}@bench.test",
            institution = "Probation office Skopje",
            position = "Probation officer",
            targetGroup = "probation-officer",
            language = "mk",
        }));
        if (registered is null)
        {
            return;
        }
        var participant = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var session = Pick(world.Sessions);
        await TimedAsync(Enrol, Stopwatch.GetTimestamp(), () => admin.PostAsync($"/api/training/sessions/{session}/enrolments", new { participantId = participant }));
    }
}
