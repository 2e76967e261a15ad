using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safeguard.Security.Tests;

/// <summary>
/// Rulebook Art. 3 (seed 003): no personal data leaves the records that hold it. The main flows of the
/// platform run with one made-up word in every personal value (names, notes, narratives, searches, even
/// malformed input); the word must then be absent from every log line, exported span, log record and metric,
/// every event, every e-mail, every error response and every audit row, while the records themselves hold it.
/// </summary>
public sealed class LeakTests(PlatformFixture platform)
{
    private static readonly string[] Databases = ["risk-assessment-db", "safety-plan-db", "reintegration-db", "training-registry-db", "notification-db"];

    [Fact]
    public async Task The_main_flows_leave_no_personal_data_in_logs_telemetry_events_emails_errors_or_audit()
    {
        var m = Names.Marker();
        var centre = Names.CentreCode();
        var municipality = Names.CentreCode();
        var supervisor = platform.As(Personas.Supervisor(centre));
        var officer = platform.As(Personas.ReintegrationOfficer(municipality));
        var responses = new List<string>();

        // Risk assessment (Annex 1, Art. 19): a case, the victim's account in an answer's note, a police report
        // that convenes the team, a name search and a closure with its reason.
        await platform.Gateway.RegisterMailboxAsync(centre, Names.Mailbox(centre));
        await supervisor.CreateTeamAsync(centre, "csr", "police");
        var c = await supervisor.OpenCaseAsync(centre, victimName: $"Ana {m}",
            household: [new { fullName = $"Mila {m}", relation = "daughter", isChild = true }]);
        var answers = (await Answers.AllClearAsync(supervisor)).Raw("1.2", new JsonObject { ["answer"] = "yes", ["note"] = $"{m} says he hit her" });
        var assessed = await supervisor.SubmitAssessmentAsync(c, RiskAssessmentApi.Assessment(answers.Build()));
        Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        var reported = await supervisor.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{c.Id}/police-reports", new
        {
            reportReference = "PS-2026/91",
            policeStation = "Police station Centar",
            reportedAt = DateTimeOffset.UtcNow,
            emergencyMeasureProposed = true,
            proposedMeasures = new[] { "removal-from-home" },
            measuresTaken = $"{m} removed from the flat",
        }, RiskAssessmentApi.ETagOf(assessed));
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var found = await supervisor.PostAsJsonAsync(RiskAssessmentApi.Cases + "/search", new { name = m });
        Assert.Contains(c.Id.ToString(), await found.Content.ReadAsStringAsync());

        // Safety plan: the plan made from the convening, and the centre's Annex 3 plan with her fears.
        await supervisor.WaitForPlanAsync(c.Id);
        var individual = await supervisor.PutIfMatchAsync($"/api/safety-plans/individual-plans/{c.Id}", new
        {
            caseReference = c.Reference, recordedBy = "Case Worker Test", informed = true, consentToDataUse = true,
            fears = $"That {m} comes back", victim = new { fullName = $"Ana {m}", phone = "+389 70 000 000", address = $"{m} street 5" },
        }, etag: null);
        Assert.Equal(HttpStatusCode.OK, individual.StatusCode);

        // Reintegration (004): a returning family, its needs, plan, consent and a referral e-mailed to the employment office.
        var now = await officer.ServiceTimeAsync(ReintegrationApi.Prefix);
        var family = await officer.RegisterReturnAsync(municipality, now.AddHours(-3), surname: m);
        var etag = await officer.AssessNeedsAsync(family, family.ETag, ReintegrationApi.NeedsForm(now, ("employment-and-skills", family.Member(0))));
        (_, etag) = await officer.AdoptPlanAsync(family, etag, now, ("jobseeker-registration", family.Member(0)));
        await officer.ConsentAsync(family, etag, family.Member(0), now, guardian: false, "employment-office");
        var contact = $"jobs.{family.Reference.ToLowerInvariant()}@employment.test";
        var referral = await officer.PostAsJsonAsync(ReintegrationApi.Referrals + "/",
            ReintegrationApi.Referral(family.Id, "jobseeker-registration", [family.Member(0)], contact));
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
        var familySearch = await officer.PostAsJsonAsync(ReintegrationApi.Cases + "/search", new { name = m });
        Assert.Contains(family.Id.ToString(), await familySearch.Content.ReadAsStringAsync());

        // Bad input that carries the marker: errors name the field, never echo the value.
        responses.Add(await BodyAsync(await supervisor.PostAsJsonAsync(RiskAssessmentApi.Cases, new
        {
            centreCode = centre, reportedBy = m, learnedAt = DateTimeOffset.UtcNow, victim = new { fullName = $"Ana {m}", category = "adult" },
        })));
        responses.Add(await BodyAsync(await supervisor.PostAsJsonAsync(RiskAssessmentApi.Cases, new
        {
            centreCode = centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow, victim = new { fullName = $"Ana {m}\u0000", category = "adult" },
        })));
        responses.Add(await BodyAsync(await supervisor.PostAsJsonAsync(RiskAssessmentApi.Cases, new
        {
            centreCode = centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow, victim = new { fullName = string.Concat(Enumerable.Repeat(m, 40)), category = "adult" },
        })));
        responses.Add(await BodyAsync(await officer.PostAsJsonAsync(ReintegrationApi.Cases + "/search", new { name = m, municipality = $"{m}" })));
        responses.Add(await BodyAsync(await platform.As(Personas.CaseWorker(Names.CentreCode())).PostAsJsonAsync(RiskAssessmentApi.Cases + "/search", new { name = m, centre })));
        Assert.All(responses, body => Assert.Contains("\"status\":", body));
        Assert.All(responses, body => Assert.DoesNotContain(m, body, StringComparison.OrdinalIgnoreCase));

        // The records hold the marker: what follows would otherwise prove nothing.
        Assert.Contains(m, (await supervisor.ReadCaseAsync(c.Id)).Body.GetRawText());
        Assert.Contains(m, (await officer.ReadAsync(family.Id)).Body.GetRawText());

        // E-mails: the team's convening e-mails and the referral.
        var emails = (await platform.Inbox.WaitForAsync(Names.Mailbox(centre)))
            .Concat(await platform.Inbox.WaitForAsync($"police.member.{centre.ToLowerInvariant()}@institution.test", e => e.Subject.Contains(c.Reference)))
            .Concat(await platform.Inbox.WaitForAsync(contact)).ToList();
        Assert.True(emails.Count >= 3, "The flows sent their e-mails.");
        foreach (var email in emails)
        {
            Assert.DoesNotContain(m, await platform.Inbox.SourceAsync(email.Id), StringComparison.OrdinalIgnoreCase);
        }

        // Events and audit rows of every service.
        foreach (var database in Databases)
        {
            var events = await platform.QueryAsync(database, "SELECT payload::text FROM outbox_messages");
            Assert.All(events, e => Assert.DoesNotContain(m, (string)e[0], StringComparison.OrdinalIgnoreCase));
            var audit = await platform.QueryAsync(database, "SELECT a::text FROM audit_entries a");
            Assert.All(audit, a => Assert.DoesNotContain(m, (string)a[0], StringComparison.OrdinalIgnoreCase));
        }
        Assert.Contains((await platform.QueryAsync("risk-assessment-db", "SELECT payload::text FROM outbox_messages")).Select(e => (string)e[0]),
            e => e.Contains(c.Reference));

        // Logs and OTLP telemetry: wait until both services' work reached them (the references prove it), then search.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!(platform.LogLines.Any(l => l.Contains(family.Reference)) && platform.Telemetry.Contains("logs", c.Reference)
                 && platform.Telemetry.Contains("traces", "reintegration") && platform.Telemetry.Count("metrics") > 0) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.Contains(platform.LogLines, l => l.Contains(family.Reference));
        Assert.True(platform.Telemetry.Contains("logs", c.Reference), "Log records were exported.");
        Assert.True(platform.Telemetry.Count("metrics") > 0, "Metrics were exported.");
        Assert.DoesNotContain(platform.LogLines, l => l.Contains(m, StringComparison.OrdinalIgnoreCase));
        foreach (var signal in new[] { "traces", "logs", "metrics" })
        {
            Assert.False(platform.Telemetry.Contains(signal, m), $"The marker reached exported {signal}.");
            Assert.False(platform.Telemetry.Contains(signal, m.ToLowerInvariant()), $"The folded marker reached exported {signal}.");
        }
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode, body);
        Assert.NotEmpty(body);
        return body;
    }
}
