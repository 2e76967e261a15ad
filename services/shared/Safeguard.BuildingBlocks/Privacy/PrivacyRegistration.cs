using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Privacy;

public static class PrivacyRegistration
{
    /// <summary>
    /// The service's own key ring that encrypts personal data (<see cref="KeyRing"/>), and its own name-search key
    /// (Privacy:SearchKey, base64, 256 bits; the AppHost derives one per service, so hashes cannot be joined across
    /// services). Both are required: a service that stored names in clear because a setting was missing would be
    /// worse than one that does not start.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalDataProtection(this IHostApplicationBuilder builder, ServiceDescription service)
    {
        var searchKey = builder.Configuration["Privacy:SearchKey"];
        if (string.IsNullOrWhiteSpace(searchKey))
        {
            throw new InvalidOperationException("Privacy:SearchKey must be set (the AppHost sets it; README \"Keys\").");
        }
        builder.AddWrappedKeyRing();
        builder.Services.AddSingleton(services => new PersonalDataProtector(services.GetRequiredService<IDataProtectionProvider>(), service.Name));
        builder.Services.AddSingleton(new NameSearch(Convert.FromBase64String(searchKey)));
        return builder;
    }
}
