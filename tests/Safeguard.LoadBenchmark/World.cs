using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safeguard.LoadBenchmark;

public sealed record Centre(string Code, PlatformClient Csr, PlatformClient CsrDirect);

/// <summary>A case kept for reassessments; one request at a time uses it, since each answer moves its ETag.</summary>
public sealed class PooledCase(Guid id, string etag, Centre centre)
{
    public Guid Id { get; } = id;

    public string ETag { get; set; } = etag;

    public Centre Centre { get; } = centre;
}

public sealed record AdoptedPlan(Guid Id, Centre Centre);

public sealed record Municipality(string Code, PlatformClient Officer);

/// <summary>
/// What the mix works on, made through the gateway before the clock starts: centres with their multisectoral
/// team (a member and a deputy of the centre, the police and a school: 6 people e-mailed when it is convened)
/// and mailbox, cases to reassess, adopted safety plans to log contacts on, municipalities, training sessions.
/// Every name is made up.
/// </summary>
public sealed class World
{
    /// <summary>Annex 1 item 1.27, attempted strangulation: a red flag that alone makes the level high.</summary>
    private const string RedFlagItem = "1.27";

    private static readonly string[] Protective = ["1.1", "1.21", "2.15", "2.16", "3.2"];
    public const int TeamRecipients = 6;

    public required IReadOnlyList<Centre> Centres { get; init; }
    public required JsonObject AllClear { get; init; }
    public required JsonObject HighRisk { get; init; }
    public required ConcurrentQueue<PooledCase> Cases { get; init; }

    /// <summary>The same cases, to read (reading needs no turn).</summary>
    public required IReadOnlyList<PooledCase> ReadableCases { get; init; }
    public required IReadOnlyList<AdoptedPlan> Plans { get; init; }
    public required IReadOnlyList<Municipality> Municipalities { get; init; }
    public required PlatformClient TrainingAdmin { get; init; }
    public required IReadOnlyList<Guid> Sessions { get; init; }
    public required PlatformClient Admin { get; init; }

    public static async Task<World> BuildAsync(Uri gateway, Uri? direct, Uri smtpApi, int centres, int casesPerCentre, int municipalities)
    {
        var run = new string([(char)('A' + Random.Shared.Next(26)), (char)('A' + Random.Shared.Next(26))]);
        var admin = await PlatformClient.SignInAsync(gateway, gateway, "bench-admin", "platform-admin", "PLATFORM", "platform");
        var (allClear, highRisk) = await QuestionnaireAsync(admin);

        var built = new ConcurrentBag<(Centre Centre, List<PooledCase> Cases, AdoptedPlan Plan)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, centres), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
        {
            var code = $"B{run}{(char)('A' + i / 26)}{(char)('A' + i % 26)}";
            var csr = await PlatformClient.SignInAsync(gateway, gateway, $"bench-sv-{code}", "csr-supervisor", code, "csr");
            var centre = new Centre(code, csr, direct is null ? csr : csr.At(direct));
            await PlatformClient.EnsureAsync(await admin.PutAsync($"/api/notifications/institutions/{code}",
                new { name = $"Centre for social work {code}", email = $"centre.{code.ToLowerInvariant()}@bench.test", language = "en" }), "a mailbox");
            await TeamAsync(csr, code);
            // The supervisor takes the centre's seat (issue 22 §4), so the contacts of the mix are hers.
            await PlatformClient.EnsureAsync(await csr.PostAsync("/api/safety-plans/seats/acceptance",
                new { code = await SeatCodes.ReadAsync(smtpApi, $"csr.member.{code}@bench.test".ToLowerInvariant()) }), "a seat acceptance");
            var cases = new List<PooledCase>();
            for (var c = 0; c < casesPerCentre; c++)
            {
                var (id, etag, _) = await OpenCaseAsync(csr, code);
                cases.Add(new PooledCase(id, etag, centre));
            }
            built.Add((centre, cases, await AdoptedPlanAsync(csr, centre)));
        });

        var officers = new List<Municipality>();
        for (var m = 0; m < municipalities; m++)
        {
            var code = $"M{run}{(char)('A' + m)}";
            officers.Add(new Municipality(code, await PlatformClient.SignInAsync(gateway, gateway, $"bench-ro-{code}", "reintegration-officer", code, "municipality")));
        }
        var trainingAdmin = await PlatformClient.SignInAsync(gateway, gateway, "bench-ta", "training-admin", "MTSP", "ministry");
        var sessions = await SessionsAsync(trainingAdmin, run);

        return new World
        {
            Centres = [.. built.Select(b => b.Centre)],
            AllClear = allClear,
            HighRisk = highRisk,
            Cases = new ConcurrentQueue<PooledCase>(built.SelectMany(b => b.Cases).OrderBy(_ => Random.Shared.Next())),
            ReadableCases = [.. built.SelectMany(b => b.Cases).OrderBy(_ => Random.Shared.Next())],
            Plans = [.. built.Select(b => b.Plan)],
            Municipalities = officers,
            TrainingAdmin = trainingAdmin,
            Sessions = sessions,
            Admin = admin,
        };
    }

    /// <summary>The full Annex 1 questionnaire as the service serves it: every required item answered.</summary>
    private static async Task<(JsonObject AllClear, JsonObject HighRisk)> QuestionnaireAsync(PlatformClient client)
    {
        var instrument = await PlatformClient.EnsureAsync(await client.GetAsync("/api/risk-assessment/instrument"), "the instrument");
        var answers = new JsonObject();
        foreach (var section in instrument.GetProperty("sections").EnumerateArray())
        {
            // Families in the benchmark have no children: the children's section does not apply.
            if (section.TryGetProperty("appliesWhen", out var when) && when.GetString() == "childrenInFamily")
            {
                continue;
            }
            foreach (var item in section.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("required").GetBoolean()))
            {
                var id = item.GetProperty("id").GetString()!;
                answers[id] = new JsonObject { ["answer"] = Protective.Contains(id) ? "yes" : "no" };
            }
        }
        var high = (JsonObject)answers.DeepClone();
        high[RedFlagItem] = new JsonObject { ["answer"] = "yes" };
        return (answers, high);
    }

    public static object CaseBody(string centre) => new
    {
        centreCode = centre,
        reportedBy = "police",
        learnedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
        victim = new { fullName = "Bench Victim", category = "adult" },
        household = Array.Empty<object>(),
        perpetrator = new { fullName = "Bench Perpetrator", relationToVictim = "husband" },
    };

    /// <summary>A returning family of two, registered by the municipality (plan 004 §1.1).</summary>
    public static object ReturneeBody(string municipality) => new
    {
        municipalityCode = municipality,
        csrCode = "DR",
        category = "repatriated",
        arrivalKind = "return",
        arrivalAt = DateTimeOffset.UtcNow.AddDays(-1),
        household = new
        {
            address = "Rr. Dardania 12, Dragash",
            phone = "+383 44 123 456",
            members = new object[]
            {
                new { fullName = "Bench Returnee", dateOfBirth = "1988-04-02", sex = "female", relationship = "head", languages = new[] { "sq", "de" } },
                new { fullName = "Bench Child", dateOfBirth = "2017-05-01", sex = "female", relationship = "child", languages = new[] { "de" } },
            },
        },
    };

    public static object AssessmentBody(JsonObject answers) => new
    {
        assessedAt = DateTimeOffset.UtcNow.AddSeconds(-1),
        assessedBy = "Bench Professional",
        victimInformedOfRights = true, // Rulebook Art. 4, 6
        childrenInFamily = false,
        answers,
    };

    public static async Task<(Guid Id, string ETag, string Reference)> OpenCaseAsync(PlatformClient csr, string centre)
    {
        var response = await csr.PostAsync("/api/risk-assessment/cases", CaseBody(centre));
        var body = await PlatformClient.EnsureAsync(response, "a case");
        return (body.GetProperty("id").GetGuid(), PlatformClient.ETagOf(response), body.GetProperty("reference").GetString()!);
    }

    private static async Task TeamAsync(PlatformClient csr, string centre)
    {
        var created = await csr.PostAsync("/api/safety-plans/teams", new { centreCode = centre, name = $"Multisectoral team {centre}" });
        var id = (await PlatformClient.EnsureAsync(created, "a team")).GetProperty("id").GetGuid();
        var etag = PlatformClient.ETagOf(created);
        foreach (var institution in new[] { "csr", "police", "school" })
        {
            var seated = await csr.PutAsync($"/api/safety-plans/teams/{id}/institutions/{institution}", new
            {
                institutionName = $"{institution} {centre}",
                member = Contact($"{institution}.member.{centre}"),
                deputy = Contact($"{institution}.deputy.{centre}"),
            }, etag);
            await PlatformClient.EnsureAsync(seated, "a team seat");
            etag = PlatformClient.ETagOf(seated);
        }
    }

    private static object Contact(string name) => new
    {
        fullName = name.Replace('.', ' '),
        email = $"{name.ToLowerInvariant()}@bench.test",
        officeAddress = "Street 1, Skopje",
        officePhone = "+389 2 3100 100",
        mobile = "+389 70 100 100",
        outOfHoursContact = "+389 70 200 200",
        preferredLanguage = "en",
    };

    /// <summary>A police report proposing removal from the home convenes the team (Art. 19); the plan is then adopted.</summary>
    public static async Task<AdoptedPlan> AdoptedPlanAsync(PlatformClient csr, Centre centre)
    {
        var (caseId, etag, _) = await OpenCaseAsync(csr, centre.Code);
        await PlatformClient.EnsureAsync(await csr.PostAsync($"/api/risk-assessment/cases/{caseId}/police-reports", new
        {
            reportReference = "PS-BENCH/1",
            policeStation = "Police station Centar",
            reportedAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            emergencyMeasureProposed = true,
            proposedMeasures = new[] { "removal-from-home", "ban-on-approaching-home" },
        }, etag), "a police report");

        HttpResponseMessage plan;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while ((plan = await csr.GetAsync($"/api/safety-plans/plans/by-case/{caseId}")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No safety plan for a case of {centre.Code}.");
            }
            await Task.Delay(250);
        }
        var drafted = await plan.Content.ReadFromJsonAsync<JsonElement>();
        var planId = drafted.GetProperty("id").GetGuid();
        // Adopted at once, but never before the team was convened (safety-plan refuses that).
        var convenedAt = drafted.GetProperty("convenedAt").GetDateTimeOffset();
        var adoptedAt = DateTimeOffset.UtcNow > convenedAt ? DateTimeOffset.UtcNow : convenedAt;
        await PlatformClient.EnsureAsync(await csr.PostAsync($"/api/safety-plans/plans/{planId}/adoption",
            new { adoptedAt }, PlatformClient.ETagOf(plan)), "a plan adoption");
        return new AdoptedPlan(planId, centre);
    }

    private static async Task<IReadOnlyList<Guid>> SessionsAsync(PlatformClient admin, string run)
    {
        var programme = await PlatformClient.EnsureAsync(await admin.PostAsync("/api/training/programmes", new
        {
            title = $"Probation disengagement workshop {run}",
            kind = "training",
            activityCodes = new[] { "PP.1" },
            targetGroups = new[] { "probation-officer" },
        }), "a programme");
        var trainer = await PlatformClient.EnsureAsync(await admin.PostAsync("/api/training/participants", new
        {
            fullName = $"Workshop Lead {run}", email = $"lead.{run.ToLowerInvariant()}.{Guid.NewGuid():N}@bench.test",
            institution = "Young lawyers association", position = "Trainer", targetGroup = "other", language = "mk",
        }), "a trainer");
        var sessions = new List<Guid>();
        // 500 places each (the registry's limit): room for 20,000 enrolments.
        for (var s = 0; s < 40; s++)
        {
            var starts = new DateOnly(2027, 3, 1).AddDays(s * 2);
            sessions.Add((await PlatformClient.EnsureAsync(await admin.PostAsync("/api/training/sessions", new
            {
                programmeId = programme.GetProperty("id").GetGuid(),
                activityCode = "PP.1",
                terms = new { startsOn = starts, endsOn = starts.AddDays(1), place = "Training centre, Skopje", capacity = 500, trainerIds = new[] { trainer.GetProperty("id").GetGuid() } },
            }), "a session")).GetProperty("id").GetGuid());
        }
        return sessions;
    }
}
