using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Npgsql;
using Safeguard.AppHost.Infrastructure;

namespace Safeguard.Security.Tests;

/// <summary>
/// Issue 24 §12: outside Development a process whose connections are not encrypted does not start; and a service runs
/// over TLS to a PostgreSQL whose certificate (made here, by a CA of the test's own) it verifies, name included.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // the local PostgreSQL script and file modes
public sealed class TransportSecurityTests(PlatformFixture platform)
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_production_configuration_without_tls_is_refused_at_start_naming_the_connection()
    {
        var keys = PlatformKeys.LoadOrCreate(platform.StateDirectory);
        var notification = ServiceProcess.Binary("services/notification", "Safeguard.Notification");
        Dictionary<string, string?> Production(string database, string messaging, string smtpSecurity) => new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["OTEL_SDK_DISABLED"] = "true",
            ["Auth__Authority"] = "https://idp.example.test/",
            ["Privacy__SearchKey"] = keys.SearchKey("notification"),
            ["DataProtection__KeyRingPath"] = keys.KeyRing("notification", carryOver: false),
            ["DataProtection__KeyEncryptionCertificatePath"] = keys.KeyEncryptionCertificate("notification"),
            ["ConnectionStrings__database"] = database,
            ["ConnectionStrings__messaging"] = messaging,
            ["Smtp__Host"] = "smtp.example.test",
            ["Smtp__Security"] = smtpSecurity,
        };
        const string verified = "Host=db.example.test;Database=notification;Username=n;Password=p;SSL Mode=VerifyFull";

        var (exit, output) = await ServiceProcess.RunToExitAsync(notification,
            Production("Host=db.example.test;Database=notification;Username=n;Password=p", "amqps://n:p@mq.example.test/", "StartTls"), ExitTimeout);
        Assert.NotEqual(0, exit);
        Assert.Contains("The database connection is not encrypted", output);
        Assert.Contains("SSL Mode=VerifyFull", output);

        (exit, output) = await ServiceProcess.RunToExitAsync(notification, Production(verified, "amqp://n:p@mq.example.test/", "StartTls"), ExitTimeout);
        Assert.NotEqual(0, exit);
        Assert.Contains("The messaging connection is not encrypted", output);

        // "When available" is not required: a server (or someone between) that offers no TLS gets the mail in clear.
        (exit, output) = await ServiceProcess.RunToExitAsync(notification, Production(verified, "amqps://n:p@mq.example.test/", "StartTlsWhenAvailable"), ExitTimeout);
        Assert.NotEqual(0, exit);
        Assert.Contains("The smtp connection is not encrypted", output);

        // The gateway, with its services at http:// addresses.
        (exit, output) = await ServiceProcess.RunToExitAsync(ServiceProcess.Binary("gateway", "Safeguard.Gateway"), new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["OTEL_SDK_DISABLED"] = "true",
            ["Auth__Authority"] = "https://idp.example.test/",
        }, ExitTimeout);
        Assert.NotEqual(0, exit);
        Assert.Matches("The gateway to [a-z-]+ connection is not encrypted: HTTP without TLS", output);
    }

    [Fact]
    public async Task A_service_migrates_over_tls_to_a_postgresql_whose_certificate_it_verifies_and_refuses_one_it_cannot()
    {
        var folder = Directory.CreateTempSubdirectory("safeguard-tls-");
        // The local server runs as the 'postgres' user, which must reach its data below this folder.
        folder.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var (ca, caKey) = Authority("Safeguard test CA");
        var (stranger, _) = Authority("Someone else's CA");
        using (caKey)
        {
            WriteServerCertificate(folder.FullName, ca, caKey);
        }
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "ca.crt"), ca.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "stranger.crt"), stranger.ExportCertificatePem());

        var port = FreePorts.Take(1)[0];
        var password = Guid.NewGuid().ToString("N");
        var log = new StringBuilder();
        using var server = StartPostgres(folder.FullName, port, password, log);
        try
        {
            string Connection(string user, string userPassword, string database, string root) =>
                $"Host=localhost;Port={port};Username={user};Password={userPassword};Database={database};SSL Mode=VerifyFull;Root Certificate={Path.Combine(folder.FullName, root)}";
            var administrator = Connection("postgres", password, "postgres", "ca.crt");
            await WaitForAsync(administrator, log);

            var binary = ServiceProcess.Binary("services/training-registry", "Safeguard.TrainingRegistry");
            var keys = PlatformKeys.LoadOrCreate(Path.Combine(folder.FullName, "keys"));
            Dictionary<string, string?> Migrate(string root) => new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["OTEL_SDK_DISABLED"] = "true",
                ["Safeguard__Mode"] = "migrate",
                ["Auth__Authority"] = "https://idp.example.test/",
                ["Privacy__SearchKey"] = keys.SearchKey("training-registry"),
                ["DataProtection__KeyRingPath"] = keys.KeyRing("training-registry", carryOver: false),
                ["DataProtection__KeyEncryptionCertificatePath"] = keys.KeyEncryptionCertificate("training-registry"),
                ["ConnectionStrings__database"] = Connection("training_registry_owner", "owner-secret", "training_registry", root),
                ["ConnectionStrings__runtime"] = Connection("training_registry_runtime", "runtime-secret", "training_registry", root),
                ["ConnectionStrings__provisioning"] = Connection("postgres", password, "postgres", root),
                // Never connected to by the migrate step; encrypted, so Production accepts the configuration.
                ["ConnectionStrings__messaging"] = "amqps://training-registry:x@mq.example.test/",
            };

            // A certificate from a CA the service was not told to trust: refused before a password is sent.
            var (refusedExit, refused) = await ServiceProcess.RunToExitAsync(binary, Migrate("stranger.crt"), TimeSpan.FromMinutes(3));
            Assert.NotEqual(0, refusedExit);
            Assert.Contains("certificate", refused, StringComparison.OrdinalIgnoreCase);

            var (exit, output) = await ServiceProcess.RunToExitAsync(binary, Migrate("ca.crt"), TimeSpan.FromMinutes(3));
            Assert.True(exit == 0, output);
            Assert.Contains("is up to date", output);
            // What the server saw: the owner's sessions came over TLS, and the schema and the catalogue are there.
            lock (log)
            {
                Assert.Matches("connection authorized: user=training_registry_owner database=training_registry SSL enabled", log.ToString());
            }
            await using var connection = new NpgsqlConnection(Connection("postgres", password, "training_registry", "ca.crt"));
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM activities", connection);
            Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            // The cluster may live outside the folder (see eng/local/postgres.sh); its link names it.
            var data = Path.Combine(folder.FullName, "postgres");
            if (new FileInfo(data).LinkTarget is { } target)
            {
                Directory.Delete(target, recursive: true);
            }
            folder.Delete(recursive: true);
        }
    }

    private static (X509Certificate2 Certificate, RSA Key) Authority(string name)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return (request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)), key);
    }

    /// <summary>The server's certificate for "localhost", signed by the test's CA.</summary>
    private static void WriteServerCertificate(string folder, X509Certificate2 ca, RSA caKey)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(Path.Combine(folder, "server.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "server.key"), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A PostgreSQL of this test only, through the platform's own script, speaking TLS with the test's certificate.</summary>
    private static Process StartPostgres(string folder, int port, string password, StringBuilder log)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepositoryCommands.Root, "eng", "local", "postgres.sh")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["SAFEGUARD_STATE_DIR"] = folder;
        info.Environment["PG_PORT"] = port.ToString();
        info.Environment["PG_PASSWORD"] = password;
        info.Environment["PG_SSL_CERT"] = Path.Combine(folder, "server.crt");
        info.Environment["PG_SSL_KEY"] = Path.Combine(folder, "server.key");
        info.Environment["PG_OPTIONS"] = "-c log_connections=on";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForAsync(string connectionString, StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
            catch (Exception ex)
            {
                lock (log)
                {
                    throw new InvalidOperationException($"The test's PostgreSQL did not answer: {log}", ex);
                }
            }
        }
    }
}
