using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.Platform.Tests;

/// <summary>What an operator first sees in the dashboard: no error banner.</summary>
public sealed class DashboardTests(PlatformFixture platform)
{
    [Fact]
    public void No_platform_process_asks_for_a_development_certificate()
    {
        // Aspire puts "No trusted development certificate" on every dashboard page when a resource keeps its
        // default HTTPS certificate set-up and no trusted certificate exists, as on a fresh machine; the
        // platform's processes speak plain HTTP on loopback and opt out of it.
        var model = platform.App.Services.GetRequiredService<DistributedApplicationModel>();
        var projects = model.Resources.OfType<ProjectResource>().ToList();

        Assert.Equal(PlatformFixture.Services.Append("gateway").Concat(PlatformFixture.MigrateSteps).Order(), projects.Select(p => p.Name).Order());
#pragma warning disable ASPIRECERTIFICATES001 // Aspire 13.6's certificate annotations are marked as under evaluation
        var asking = projects.Where(p => !p.TryGetLastAnnotation<HttpsCertificateAnnotation>(out var https)
                                         || https.UseDeveloperCertificate is true || https.Certificate is not null)
            .Select(p => p.Name);
#pragma warning restore ASPIRECERTIFICATES001
        Assert.Empty(asking);
    }
}
