using Aspire.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguard.BuildingBlocks.Persistence;
using Npgsql;

namespace Safeguard.Security.Tests;

/// <summary>
/// Issue 24 §1: each service runs as a runtime role of its own database, which can neither rewrite the audit nor
/// reach another service's data; the owner's credentials stay with the migrate step.
/// </summary>
public sealed class DatabaseRoleTests(PlatformFixture platform)
{
    private static readonly (string Service, string Database)[] Databases =
    [
        ("risk-assessment", "risk_assessment"), ("safety-plan", "safety_plan"), ("reintegration", "reintegration"),
        ("training-registry", "training_registry"), ("notification", "notification"), ("identity", "identity"),
    ];

    [Fact]
    public async Task Every_service_connects_as_its_own_runtime_role_and_never_holds_the_owners_credentials()
    {
        foreach (var (service, database) in Databases)
        {
            var runtime = new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync($"{service}-db"));
            Assert.Equal($"{database}_runtime", runtime.Username);
            var role = await platform.QueryAsync($"{service}-db",
                "SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, pg_get_userbyid(d.datdba) FROM pg_roles, pg_database d WHERE rolname = @role AND d.datname = @db",
                ("role", runtime.Username!), ("db", database));
            Assert.Equal([false, false, false, false, $"{database}_owner"], Assert.Single(role));

            // What the running process was given: its own runtime role, no owner and no administrator.
            var environment = await platform.ProcessEnvironmentAsync(service);
            Assert.Contains($"Username={database}_runtime", environment["ConnectionStrings__database"]);
            Assert.DoesNotContain(environment, e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Key != "ConnectionStrings__database" && e.Key != "ConnectionStrings__messaging");
            Assert.DoesNotContain(environment.Values, v => v.Contains("_owner", StringComparison.Ordinal) || v.Contains("Username=postgres", StringComparison.Ordinal));
        }

        // What PostgreSQL sees: every session on a service's database, the tests' own aside, is its runtime role.
        var sessions = await platform.QueryAsync("risk-assessment-db",
            "SELECT DISTINCT datname, usename FROM pg_stat_activity WHERE datname = ANY(@dbs) AND application_name <> @tests AND pid <> pg_backend_pid()",
            ("dbs", Databases.Select(d => d.Database).ToArray()), ("tests", PlatformFixture.TestsApplicationName));
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s => Assert.Equal($"{s[0]}_runtime", s[1]));
    }

    [Fact]
    public async Task The_runtime_role_adds_to_the_audit_but_cannot_rewrite_it_switch_its_trigger_off_or_change_the_schema()
    {
        // A row for the role to try to change: a read the risk-assessment service audits.
        var listed = await platform.As(Personas.CaseWorker(Names.CentreCode())).GetAsync(RiskAssessmentApi.Cases);
        Assert.True(listed.IsSuccessStatusCode);
        await using var connection = new NpgsqlConnection(await platform.ConnectionStringAsync("risk-assessment-db"));
        await connection.OpenAsync();

        Assert.True(await ScalarAsync<long>(connection, "SELECT count(*) FROM audit_entries") > 0);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO audit_entries (at, subject, institution, roles, action, record_type, endpoint, status)
                VALUES (now(), 'test', 'TEST', '', 'read', 'case', 'GET /test', 200)
                """, connection, transaction);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
            await transaction.RollbackAsync();
        }

        foreach (var statement in new[]
        {
            "UPDATE audit_entries SET subject = 'someone else'",
            "DELETE FROM audit_entries",
            "TRUNCATE audit_entries",
            "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change",
            "SET session_replication_role = replica",
            "DROP TRIGGER audit_entries_no_change ON audit_entries",
            "CREATE TABLE copied AS SELECT * FROM audit_entries",
            "DELETE FROM __ef_migrations_history",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, statement));
            Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{statement}: {refused.SqlState} {refused.MessageText}");
        }
    }

    [Fact]
    public async Task A_services_runtime_role_cannot_connect_to_another_services_database()
    {
        foreach (var (service, database) in Databases)
        {
            var own = new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync($"{service}-db")) { Pooling = false };
            foreach (var (_, other) in Databases.Where(d => d.Database != database))
            {
                var elsewhere = new NpgsqlConnectionStringBuilder(own.ConnectionString) { Database = other };
                await using var connection = new NpgsqlConnection(elsewhere.ConnectionString);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        }
    }

    [Fact]
    public async Task A_database_an_earlier_version_made_as_the_administrator_is_handed_over_to_the_owner_role()
    {
        var name = $"handover_{Guid.NewGuid():N}";
        var administrator = new NpgsqlConnectionStringBuilder(await platform.AdministratorConnectionStringAsync("risk-assessment-db")) { Pooling = false };
        var owner = new NpgsqlConnectionStringBuilder(administrator.ConnectionString) { Username = $"{name}_owner", Password = Guid.NewGuid().ToString("N"), Database = name };
        var runtime = new NpgsqlConnectionStringBuilder(owner.ConnectionString) { Username = $"{name}_runtime", Password = Guid.NewGuid().ToString("N") };
        var inDatabase = new NpgsqlConnectionStringBuilder(administrator.ConnectionString) { Database = name };
        await ExecuteOnAsync(administrator.ConnectionString, $"CREATE DATABASE {name}");
        try
        {
            await ExecuteOnAsync(inDatabase.ConnectionString, """
                CREATE TABLE people (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
                CREATE FUNCTION people_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM people';
                """);

            await DatabaseRoles.ProvisionAsync(administrator.ConnectionString, owner.ConnectionString, runtime.ConnectionString,
                NullLogger.Instance, CancellationToken.None);

            var owners = await QueryOnAsync(inDatabase.ConnectionString, """
                SELECT 'database', pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()
                UNION ALL SELECT relname, pg_get_userbyid(relowner) FROM pg_class WHERE relname IN ('people', 'people_id_seq')
                UNION ALL SELECT proname, pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'people_count'
                """);
            Assert.Equal(4, owners.Count);
            Assert.All(owners, o => Assert.Equal(owner.Username, o.Owner));
            // The owner now changes the schema it holds, as the next migration will; the runtime role logs in.
            await ExecuteOnAsync(owner.ConnectionString, "ALTER TABLE people ADD COLUMN born date");
            await ExecuteOnAsync(runtime.ConnectionString, "SELECT 1");
        }
        finally
        {
            await ExecuteOnAsync(administrator.ConnectionString,
                $"DROP DATABASE IF EXISTS {name} WITH (FORCE); DROP ROLE IF EXISTS {owner.Username}; DROP ROLE IF EXISTS {runtime.Username}");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteOnAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task<List<(string Name, string Owner)>> QueryOnAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
