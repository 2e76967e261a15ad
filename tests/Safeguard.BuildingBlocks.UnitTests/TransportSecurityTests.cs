using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.ServiceDefaults.Security;
using Xunit;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>Issue 24 §12: what counts as an encrypted connection, and what a process does with one that is not.</summary>
public sealed class TransportSecurityTests
{
    [Theory]
    [InlineData("Host=db;Database=d;SSL Mode=VerifyFull", true)]
    [InlineData("Host=db;Database=d;SslMode=VerifyFull;Root Certificate=/ca.crt", true)]
    [InlineData("Host=db;Database=d", false)]                      // Npgsql's default, Prefer: clear text if the server offers no TLS
    [InlineData("Host=db;Database=d;SSL Mode=Require", false)]     // encrypted, but to whoever answers
    [InlineData("Host=db;Database=d;SSL Mode=VerifyCA", false)]    // the CA checked, not the server's name
    [InlineData("Host=db;Database=d;SSL Mode=Disable", false)]
    public void Only_a_verified_tls_connection_to_postgresql_counts_as_encrypted(string connectionString, bool encrypted) =>
        Assert.Equal(encrypted, DatabaseRegistration.DatabaseWeakness(connectionString) is null);

    [Theory]
    [InlineData("https://risk-assessment", true)]
    [InlineData("http://risk-assessment", false)]
    [InlineData("https+http://risk-assessment", false)] // service discovery falls back to clear text
    public void Only_https_counts_as_encrypted_http(string address, bool encrypted) =>
        Assert.Equal(encrypted, TransportSecurity.HttpWeakness(address) is null);

    [Fact]
    public void Outside_development_an_unencrypted_connection_stops_the_process_naming_it()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Builder("Production").RequireEncrypted("database", "PostgreSQL in clear"));
        Assert.Contains("The database connection is not encrypted: PostgreSQL in clear", refused.Message);
        Assert.Contains(TransportSecurity.AllowUnencryptedSetting, refused.Message);
        Builder("Production").RequireEncrypted("database", weakness: null);
    }

    [Fact]
    public void In_development_or_where_allowed_it_runs_and_only_the_allowed_one_is_warned_about_at_start()
    {
        var development = Builder("Development");
        development.RequireEncrypted("database", "PostgreSQL in clear");
        Assert.DoesNotContain(development.Services, s => s.ServiceType == typeof(IHostedService));

        var allowed = Builder("Production", (TransportSecurity.AllowUnencryptedSetting, "true"));
        allowed.RequireEncrypted("database", "PostgreSQL in clear");
        Assert.Single(allowed.Services, s => s.ServiceType == typeof(IHostedService));
    }

    private static HostApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }
}
