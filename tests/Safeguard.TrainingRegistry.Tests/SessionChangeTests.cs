using System.Net;
using System.Net.Http.Json;

namespace Safeguard.TrainingRegistry.Tests;

/// <summary>A changed or cancelled session tells everyone in it; changes name the session's ETag.</summary>
public sealed class SessionChangeTests(PlatformFixture platform)
{
    [Fact]
    public async Task Changing_or_cancelling_a_session_tells_its_people_and_a_stale_change_is_refused()
    {
        var gateway = platform.As(Personas.TrainingAdmin());
        var run = Guid.NewGuid().ToString("N")[..6];
        var programme = await gateway.CreateProgrammeAsync($"Probation disengagement workshop {run}", "PP.1", "probation-officer");
        var trainer = await gateway.RegisterAsync($"Workshop Lead {run}", TrainingApi.Email("lead"), "Young lawyers association", "other");
        var email = TrainingApi.Email("officer");
        var officer = await gateway.RegisterAsync($"Probation Officer {run}", email, "Probation office Skopje", "probation-officer");
        var session = await gateway.ScheduleAsync(TrainingApi.Session(programme, "PP.1", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 2), 10, trainer));
        var enrolled = await gateway.EnrolAsync(session, officer);
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var etag = RiskAssessmentApi.ETagOf(enrolled);

        var terms = new { startsOn = new DateOnly(2027, 3, 8), endsOn = new DateOnly(2027, 3, 9), place = "Probation office, Bitola", capacity = 10, trainerIds = new[] { trainer } };
        await (await PutAsync(session, terms, "\"1\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        await (await PutAsync(session, terms with { capacity = 0 }, etag)).AssertProblemAsync(HttpStatusCode.BadRequest, "capacity");
        var changed = await PutAsync(session, terms, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var emails = await platform.Inbox.WaitForAsync(email, count: 2);
        Assert.Contains(emails, e => e.Subject == $"Изменета обука: Probation disengagement workshop {run}, 08.03.2027–09.03.2027");

        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"{TrainingApi.Prefix}/sessions/{session}/cancellation");
        cancel.Headers.TryAddWithoutValidation("If-Match", RiskAssessmentApi.ETagOf(changed));
        Assert.Equal(HttpStatusCode.OK, (await gateway.SendAsync(cancel)).StatusCode);
        Assert.Contains(await platform.Inbox.WaitForAsync(email, count: 3), e => e.Subject.StartsWith("Откажана обука", StringComparison.Ordinal));
        var late = await gateway.RegisterAsync($"Late Officer {run}", TrainingApi.Email("late"), "Probation office Skopje", "probation-officer");
        await (await gateway.EnrolAsync(session, late)).AssertProblemAsync(HttpStatusCode.Conflict, "state");
    }

    private Task<HttpResponseMessage> PutAsync(Guid session, object terms, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{TrainingApi.Prefix}/sessions/{session}") { Content = JsonContent.Create(terms) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return platform.As(Personas.TrainingAdmin()).SendAsync(request);
    }
}
