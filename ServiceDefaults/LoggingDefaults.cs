using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Safeguard.ServiceDefaults;

/// <summary>
/// Log levels every service and the gateway start from. They sit beneath every other configuration source, so
/// an operator can still turn a category up with appsettings or an environment variable
/// (<c>Logging__LogLevel__Microsoft.AspNetCore=Information</c>).
/// </summary>
public static class LoggingDefaults
{
    private static readonly Dictionary<string, string?> Levels = new()
    {
        // ASP.NET Core writes four Information records per request ("Request starting", "Executing endpoint"...).
        // Under load that was most of the console and OTLP log volume, for what each request's trace already says.
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static TBuilder AddLoggingDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        return builder;
    }
}
