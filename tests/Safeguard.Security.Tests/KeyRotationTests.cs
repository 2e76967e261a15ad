using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.Security.Tests;

/// <summary>
/// The start-up backfill (README "Keys and rotation"), run on a scratch database of the platform's PostgreSQL:
/// values stored before their column was protected get encrypted, and values under a retired key get
/// re-encrypted under the current one, without changing what they say.
/// </summary>
public sealed class KeyRotationTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly DirectoryInfo _ring = Directory.CreateTempSubdirectory("safeguard-ring-");
    private string _connectionString = "";

    [Fact]
    public async Task Values_in_clear_are_encrypted_and_values_under_a_revoked_key_are_re_encrypted()
    {
        using var keys = new ServiceCollection().AddDataProtection().SetApplicationName("Safeguard").PersistKeysToFileSystem(_ring).Services
            .BuildServiceProvider();
        var protector = new PersonalDataProtector(keys.GetRequiredService<IDataProtectionProvider>(), "rotation-test");
        var (inClear, encrypted) = (Guid.NewGuid(), Guid.NewGuid());
        await ExecuteAsync("CREATE TABLE people (id uuid PRIMARY KEY, name text NOT NULL)");
        await ExecuteAsync("INSERT INTO people VALUES (@a, 'Ana Qclearvalue'), (@b, @cipher)",
            ("a", inClear), ("b", encrypted), ("cipher", protector.Protect("Mila Qciphered")));

        await using (var db = new PeopleContext(_connectionString, protector))
        {
            Assert.Equal(1, await PersonalDataBackfill.RunAsync(db, protector, CancellationToken.None));
        }
        var afterFirst = await NamesAsync();
        Assert.All(afterFirst.Values, v => Assert.StartsWith(PersonalDataProtector.Prefix, v));
        Assert.Equal("Ana Qclearvalue", protector.Unprotect(afterFirst[inClear]));
        Assert.Equal("Mila Qciphered", protector.Unprotect(afterFirst[encrypted]));

        // Rotation: a new key, and the old one revoked as if compromised.
        var keyManager = keys.GetRequiredService<IKeyManager>();
        var old = Assert.Single(keyManager.GetAllKeys());
        keyManager.CreateNewKey(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(90));
        keyManager.RevokeKey(old.KeyId, "rotation test");
        // The service's next start reads the ring afresh, sees the revocation, and re-encrypts both values once.
        var restarted = new PersonalDataProtector(DataProtectionProvider.Create(_ring, b => b.SetApplicationName("Safeguard")), "rotation-test");
        await using (var db = new PeopleContext(_connectionString, restarted))
        {
            Assert.Equal(2, await PersonalDataBackfill.RunAsync(db, restarted, CancellationToken.None));
            Assert.Equal(0, await PersonalDataBackfill.RunAsync(db, restarted, CancellationToken.None));
        }
        var afterRotation = await NamesAsync();
        Assert.NotEqual(afterFirst[inClear], afterRotation[inClear]);
        Assert.Null(restarted.ReProtect(afterRotation[inClear]));
        Assert.Equal("Ana Qclearvalue", restarted.Unprotect(afterRotation[inClear]));
        Assert.Equal("Mila Qciphered", restarted.Unprotect(afterRotation[encrypted]));
        // The revoked key no longer opens anything: only the re-encryption kept the data readable.
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => restarted.Unprotect(afterFirst[inClear]));
    }

    public async ValueTask InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(await platform.AdministratorConnectionStringAsync("risk-assessment-db"));
        var scratch = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = $"rotation_{Guid.NewGuid():N}", Pooling = false };
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {scratch.Database}", connection).ExecuteNonQueryAsync();
        _connectionString = scratch.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        var scratch = new NpgsqlConnectionStringBuilder(_connectionString);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {scratch.Database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        _ring.Delete(recursive: true);
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand("SELECT id, name FROM people", connection).ExecuteReaderAsync();
        var names = new Dictionary<Guid, string>();
        while (await reader.ReadAsync())
        {
            names[reader.GetGuid(0)] = reader.GetString(1);
        }
        return names;
    }

    private sealed class Person
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";
    }

    /// <summary>A table with one protected column, mapped the way the services map theirs.</summary>
    private sealed class PeopleContext(string connectionString, PersonalDataProtector protector) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql(connectionString);

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Person>(b =>
        {
            b.ToTable("people");
            b.Property(p => p.Id).HasColumnName("id");
            b.Property(p => p.Name).HasColumnName("name").IsPersonalData(protector);
        });
    }
}
