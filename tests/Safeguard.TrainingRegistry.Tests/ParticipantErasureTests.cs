using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.TrainingRegistry.Tests;

/// <summary>
/// Issue 24 §10: a participant is erased on an authorised request or once her retention period ends, never while she
/// takes part in a session to come; what is left names nobody, and her trainings still count.
/// </summary>
public sealed class ParticipantErasureTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_participant_is_erased_on_request_or_when_her_period_ends_but_not_while_a_session_still_needs_her()
    {
        var gateway = platform.As(Personas.TrainingAdmin());
        var run = Guid.NewGuid().ToString("N")[..6];
        var programme = await gateway.CreateProgrammeAsync($"Risk assessment basics {run}", "PP.1", "probation-officer");
        var trainer = await gateway.RegisterAsync($"Erasure Trainer {run}", TrainingApi.Email("trainer"), "Young lawyers association", "other");
        var enrolled = await gateway.RegisterAsync($"Erasure Enrolled {run}", TrainingApi.Email("enrolled"), "Probation office Skopje", "probation-officer");
        var asking = await gateway.RegisterAsync($"Erasure Asking {run}", TrainingApi.Email("asking"), "Probation office Skopje", "probation-officer");
        var lapsed = await gateway.RegisterAsync($"Erasure Lapsed {run}", TrainingApi.Email("lapsed"), "Probation office Bitola", "probation-officer");
        var session = await gateway.ScheduleAsync(TrainingApi.Session(programme, "PP.1", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 2), 10, trainer));
        Assert.Equal(HttpStatusCode.OK, (await gateway.EnrolAsync(session, enrolled)).StatusCode);

        // A session to come still needs its trainer and its participants.
        await (await EraseAsync(gateway, trainer, "no-longer-necessary")).AssertProblemAsync(HttpStatusCode.Conflict, "enrolments");
        await (await EraseAsync(gateway, enrolled, "objection")).AssertProblemAsync(HttpStatusCode.Conflict, "enrolments");
        await (await EraseAsync(gateway, asking, "retention-ended")).AssertProblemAsync(HttpStatusCode.BadRequest, "ground");

        var erased = await EraseAsync(gateway, asking, "no-longer-necessary");
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var body = await erased.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("", "", "no-longer-necessary"), (body.GetProperty("fullName").GetString(), body.GetProperty("email").GetString(),
            body.GetProperty("erasureGround").GetString()));
        Assert.Equal("Probation office Skopje", body.GetProperty("institution").GetString());
        await (await EraseAsync(gateway, asking, "objection")).AssertProblemAsync(HttpStatusCode.Conflict, "erasedAt");
        Assert.Empty((await gateway.GetFromJsonAsync<JsonElement[]>($"{TrainingApi.Prefix}/participants?name=Erasure%20Asking%20{run}"))!);
        await (await gateway.EnrolAsync(session, asking)).AssertProblemAsync(HttpStatusCode.BadRequest, "participantId");

        // Registered ten years and a day ago (Retention:InactiveParticipantDays, 3,650 by default): the one in no session
        // is erased by the platform; the one enrolled in the session to come stays whole.
        await platform.QueryAsync("training-registry-db",
            "UPDATE participants SET created_at = created_at - interval '3651 days' WHERE id = ANY(@ids)", ("ids", new[] { lapsed, enrolled }));
        await platform.Gateway.AdvanceClockAsync(TrainingApi.Prefix, TimeSpan.Zero);
        await platform.WaitForRowAsync("training-registry-db", "SELECT 1 FROM participants WHERE id = @id AND erased_at IS NOT NULL",
            "The participant was not erased when her period ended.", ("id", lapsed));
        Assert.Equal(["", "RetentionEnded"], (await platform.QueryAsync("training-registry-db",
            "SELECT full_name, erasure_ground FROM participants WHERE id = @id", ("id", lapsed))).Single().Select(v => v.ToString()));
        Assert.Equal($"Erasure Enrolled {run}", (await gateway.GetFromJsonAsync<JsonElement>($"{TrainingApi.Prefix}/participants/{enrolled}")).GetProperty("fullName").GetString());
        Assert.Equal(["system", "retention Retention:InactiveParticipantDays"], Assert.Single(await platform.QueryAsync("training-registry-db",
            "SELECT subject, endpoint FROM audit_entries WHERE record_id = @id AND action = 'erase'", ("id", lapsed))).Select(v => v.ToString()));
        Assert.Single(await platform.QueryAsync("training-registry-db",
            "SELECT 1 FROM audit_entries WHERE record_id = @id AND endpoint = 'POST /api/training/participants/{id:guid}/erasure' AND status = 200", ("id", asking)));
    }

    private static Task<HttpResponseMessage> EraseAsync(HttpClient gateway, Guid participant, string ground) =>
        gateway.PostAsJsonAsync($"{TrainingApi.Prefix}/participants/{participant}/erasure", new { ground });
}
