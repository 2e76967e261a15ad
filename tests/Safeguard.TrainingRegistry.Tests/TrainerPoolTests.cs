using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Contracts.Training;

namespace Safeguard.TrainingRegistry.Tests;

/// <summary>A training of trainers makes certified trainers (seed 000, 1.1.1: at least 20), who can then deliver the programme.</summary>
public sealed class TrainerPoolTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_training_of_trainers_makes_new_trainers_who_can_then_deliver_sessions()
    {
        var gateway = platform.As(Personas.TrainingAdmin());
        await using var completions = await TestBus.ListenAsync<TrainingCompleted>(await platform.ConnectionStringAsync("messaging"));
        var run = Guid.NewGuid().ToString("N")[..6];
        var programme = await gateway.CreateProgrammeAsync($"Early recognition of radicalisation for CSR professionals {run}", "1.1.6", "csr-professional");
        var tot = await gateway.CreateProgrammeAsync($"Training of trainers: early recognition {run}", "1.1.6", "csr-professional", trainsTrainersFor: programme);
        var master = await gateway.RegisterAsync($"Master Trainer {run}", TrainingApi.Email("master"), "Bureau for Social Affairs", "other");
        var (anaEmail, bojanEmail, vesnaEmail) = (TrainingApi.Email("ana"), TrainingApi.Email("bojan"), TrainingApi.Email("vesna"));
        var ana = await gateway.RegisterAsync($"Ana Trainee {run}", anaEmail, "CSR Skopje", "csr-professional");
        var bojan = await gateway.RegisterAsync($"Bojan Trainee {run}", bojanEmail, "CSR Tetovo", "csr-professional");
        var vesna = await gateway.RegisterAsync($"Vesna Worker {run}", vesnaEmail, "CSR Bitola", "csr-professional");

        // Nobody is in the pool yet: Ana cannot deliver the programme.
        var early = await gateway.PostAsJsonAsync(TrainingApi.Prefix + "/sessions",
            TrainingApi.Session(programme, "1.1.6", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), 20, ana));
        await early.AssertProblemAsync(HttpStatusCode.BadRequest, "terms.trainerIds[0]");

        // The training of trainers, held in October 2026: Ana attends and completes, Bojan does not attend.
        var totSession = await gateway.ScheduleAsync(TrainingApi.Session(tot, "1.1.6", new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 7), 12, master));
        var done = await gateway.TrainAsync(totSession, ana);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var certificate = (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enrolments").EnumerateArray()
            .Single(e => e.GetProperty("participantId").GetGuid() == ana).GetProperty("certificateNumber").GetString();
        Assert.Matches(@"^TR-2026-\d{5}$", certificate);
        await (await gateway.TrainAsync(totSession, bojan, attended: false)).AssertProblemAsync(HttpStatusCode.Conflict, "participantId");

        var completed = Assert.Single(await completions.WaitForAsync(e => e.ParticipantId == ana));
        Assert.Equal(programme, completed.CertifiedTrainerFor);
        Assert.Equal(certificate, completed.CertificateNumber);
        Assert.Equal("csr-professional", completed.TargetGroup);
        var pool = await gateway.GetFromJsonAsync<JsonElement[]>($"{TrainingApi.Prefix}/programmes/{programme}/trainers");
        Assert.Equal([ana], pool!.Select(t => t.GetProperty("participantId").GetGuid()));

        // Now Ana delivers the programme; she is invited as its trainer, and Vesna when she enrols.
        var session = await gateway.ScheduleAsync(TrainingApi.Session(programme, "1.1.6", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), 20, ana));
        Assert.Equal(HttpStatusCode.OK, (await gateway.EnrolAsync(session, vesna)).StatusCode);
        var toAna = await platform.Inbox.WaitForAsync(anaEmail, count: 2);
        Assert.Contains(toAna, e => e.Subject == $"Покана за обука: Early recognition of radicalisation for CSR professionals {run}, 02.11.2026–03.11.2026");
        var toVesna = Assert.Single(await platform.Inbox.WaitForAsync(vesnaEmail));
        Assert.Contains("Запишани сте на обуката", await platform.Inbox.PlainTextAsync(toVesna.Id));
        // Bojan, who did not attend, is not a trainer.
        await (await gateway.PostAsJsonAsync(TrainingApi.Prefix + "/sessions",
                TrainingApi.Session(programme, "1.1.6", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), 20, bojan)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "terms.trainerIds[0]");
    }
}
