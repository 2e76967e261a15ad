using System.Reflection;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Safeguard.Platform.Tests.Api;

/// <summary>
/// An institution's system calls the platform through a client generated from the gateway's documents: the
/// README's "Try it" flow (a mailbox for the centre, a case opened, the e-mail in the inbox) walked with
/// that client, and a refused request arriving as the problem type the document declares.
/// </summary>
public sealed class GeneratedClientTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_client_generated_from_the_gateways_documents_walks_the_Try_it_flow()
    {
        var notifications = await CompileClientAsync("/api/notifications/openapi/v1.json", "NotificationClient", "Safeguard.Clients.Notification");
        var riskAssessment = await CompileClientAsync("/api/risk-assessment/openapi/v1.json", "RiskAssessmentClient", "Safeguard.Clients.RiskAssessment");
        var centre = Names.CentreCode();
        var mailbox = Names.Mailbox(centre);

        // As the platform administrator: the centre's intake mailbox.
        dynamic admin = Client(notifications, "Safeguard.Clients.Notification.NotificationClient", platform.Token(Personas.PlatformAdmin()));
        var institution = GeneratedClients.New(notifications, "Safeguard.Clients.Notification.Models.InstitutionContactRequest",
            new Dictionary<string, object?> { ["Name"] = $"CSR {centre}", ["Email"] = mailbox, ["Language"] = "mk" });
        await admin.Api.Notifications.Institutions[centre].PutAsync((dynamic)institution);

        // As the centre's supervisor: a case reported by the police 30 minutes ago.
        dynamic csr = Client(riskAssessment, "Safeguard.Clients.RiskAssessment.RiskAssessmentClient", platform.Token(Personas.Supervisor(centre)));
        var learnedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        var victim = GeneratedClients.New(riskAssessment, "Safeguard.Clients.RiskAssessment.Models.VictimInput",
            new Dictionary<string, object?> { ["FullName"] = "A. B.", ["Category"] = "Adult" });
        var request = GeneratedClients.New(riskAssessment, "Safeguard.Clients.RiskAssessment.Models.OpenCaseRequest",
            new Dictionary<string, object?> { ["CentreCode"] = centre, ["ReportedBy"] = "Police", ["LearnedAt"] = learnedAt, ["Victim"] = victim });
        var opened = await csr.Api.RiskAssessment.Cases.PostAsync((dynamic)request);

        string reference = opened.Reference;
        Assert.Equal($"{centre}-{DateTime.UtcNow.Year}-00001", reference);
        // Rulebook Art. 5: the assessment is due 12 hours after the centre learned of the violence.
        DateTimeOffset due = opened.AssessmentDueAt;
        Assert.Equal(learnedAt.AddHours(12).ToUnixTimeSeconds(), due.ToUnixTimeSeconds());
        var emails = await platform.Inbox.WaitForAsync(mailbox);
        Assert.Contains(reference, Assert.Single(emails).Subject);

        // Bad input: the problem the document declares for 400, naming the field.
        var incomplete = GeneratedClients.New(riskAssessment, "Safeguard.Clients.RiskAssessment.Models.OpenCaseRequest",
            new Dictionary<string, object?> { ["CentreCode"] = centre, ["LearnedAt"] = learnedAt, ["Victim"] = victim });
        var refused = await Assert.ThrowsAnyAsync<ApiException>(async () => await csr.Api.RiskAssessment.Cases.PostAsync((dynamic)incomplete));
        Assert.Equal(400, refused.ResponseStatusCode);
        Assert.Equal("HttpValidationProblemDetails", refused.GetType().Name);
        var errors = (IAdditionalDataHolder)refused.GetType().GetProperty("Errors")!.GetValue(refused)!;
        Assert.Contains("reportedBy", errors.AdditionalData.Keys);
    }

    private async Task<Assembly> CompileClientAsync(string path, string clientName, string clientNamespace)
    {
        var document = await ApiDocuments.DownloadAsync(platform.Anonymous, path);
        return GeneratedClients.Compile(await GeneratedClients.GenerateAsync(document, clientName, clientNamespace));
    }

    /// <summary>The generated client on the test platform's gateway, sending <paramref name="token"/> as its bearer token.</summary>
    private object Client(Assembly client, string typeName, string token)
    {
        var http = new HttpClient { BaseAddress = platform.Anonymous.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = platform.Anonymous.BaseAddress!.ToString().TrimEnd('/'),
        };
        return Activator.CreateInstance(client.GetType(typeName, throwOnError: true)!, adapter)!;
    }
}
