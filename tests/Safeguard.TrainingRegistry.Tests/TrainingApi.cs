using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.TrainingRegistry.Tests;

/// <summary>Calls to the training registry through the gateway, spelled once.</summary>
public static class TrainingApi
{
    public const string Prefix = "/api/training";

    public static async Task<Guid> CreateProgrammeAsync(this HttpClient gateway, string title, string activity, string targetGroup, Guid? trainsTrainersFor = null)
    {
        var response = await gateway.PostAsJsonAsync(Prefix + "/programmes", new
        {
            title,
            kind = trainsTrainersFor is null ? "training" : "training-of-trainers",
            activityCodes = new[] { activity },
            targetGroups = new[] { targetGroup },
            trainsTrainersFor,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> RegisterAsync(this HttpClient gateway, string fullName, string email, string institution, string targetGroup)
    {
        var response = await gateway.PostAsJsonAsync(Prefix + "/participants", new
        {
            fullName, email, institution, position = "Professional", targetGroup, language = "mk",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static object Session(Guid programme, string activity, DateOnly startsOn, DateOnly endsOn, int capacity, params Guid[] trainers) => new
    {
        programmeId = programme,
        activityCode = activity,
        terms = new { startsOn, endsOn, place = "Training centre, Skopje", capacity, trainerIds = trainers },
    };

    public static async Task<Guid> ScheduleAsync(this HttpClient gateway, object session)
    {
        var response = await gateway.PostAsJsonAsync(Prefix + "/sessions", session);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Scheduling answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> EnrolAsync(this HttpClient gateway, Guid session, Guid participant, int? yearsOfExperience = null) =>
        gateway.PostAsJsonAsync($"{Prefix}/sessions/{session}/enrolments", new { participantId = participant, yearsOfExperience });

    /// <summary>Enrols, marks attendance, and (when attended) records completion; returns the completion's response.</summary>
    public static async Task<HttpResponseMessage> TrainAsync(this HttpClient gateway, Guid session, Guid participant, bool attended = true)
    {
        Assert.Equal(HttpStatusCode.OK, (await gateway.EnrolAsync(session, participant)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsJsonAsync($"{Prefix}/sessions/{session}/attendance", new { participantId = participant, attended })).StatusCode);
        return await gateway.PostAsJsonAsync($"{Prefix}/sessions/{session}/completions", new { participantId = participant });
    }

    /// <summary>A distinct e-mail per person and test run.</summary>
    public static string Email(string who) => $"{who}.{Guid.NewGuid():N}@institution.test";
}
