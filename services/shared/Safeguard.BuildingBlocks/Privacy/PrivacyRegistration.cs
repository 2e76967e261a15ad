using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.BuildingBlocks.Privacy;

public static class PrivacyRegistration
{
    /// <summary>
    /// The key ring that encrypts personal data (DataProtection:KeyRingPath, a folder outside every database;
    /// Data Protection makes a new key every 90 days and keeps the old ones to read older values) and the
    /// name-search key (Privacy:SearchKey, base64, 256 bits). Both are required: a service that stored names
    /// in clear because a setting was missing would be worse than one that does not start.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalDataProtection(this IHostApplicationBuilder builder, ServiceDescription service)
    {
        var keyRing = builder.Configuration["DataProtection:KeyRingPath"];
        var searchKey = builder.Configuration["Privacy:SearchKey"];
        if (string.IsNullOrWhiteSpace(keyRing) || string.IsNullOrWhiteSpace(searchKey))
        {
            throw new InvalidOperationException("DataProtection:KeyRingPath and Privacy:SearchKey must be set (the AppHost sets both; README \"Keys\").");
        }
        builder.Services.AddDataProtection()
            .SetApplicationName("Safeguard")
            .PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        builder.Services.AddSingleton(services => new PersonalDataProtector(services.GetRequiredService<IDataProtectionProvider>(), service.Name));
        builder.Services.AddSingleton(new NameSearch(Convert.FromBase64String(searchKey)));
        return builder;
    }
}
