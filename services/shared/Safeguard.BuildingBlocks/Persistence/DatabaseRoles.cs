using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// The two PostgreSQL roles of a service (issue 24 §1). The owner holds the schema and is used only by the migrate
/// step; the runtime role, which the running service connects as, may change its own tables' rows and, on the audit
/// table, only add and read. Neither is a superuser, so neither can reach another service's database or switch the
/// audit table's trigger off (session_replication_role).
/// </summary>
public static class DatabaseRoles
{
    /// <summary>The server administrator's connection (no database), given to the migrate step of a local platform only.</summary>
    public const string ProvisioningConnectionName = "provisioning";

    /// <summary>The runtime role's connection string, which the migrate step reads the role's name (and, when provisioning, its password) from.</summary>
    public const string RuntimeConnectionName = "runtime";

    private const string RoleLimits = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

    /// <summary>
    /// As the server's administrator: makes both roles and the database, owned by the owner role, or brings an
    /// existing database (one made before the roles existed) to that shape. A production DBA does the same once by
    /// hand (README, "Database roles") and gives the migrate step no administrator connection.
    /// </summary>
    public static async Task ProvisionAsync(string administrator, string ownerConnection, string runtimeConnection,
        ILogger logger, CancellationToken cancellationToken)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnection);
        var runtime = new NpgsqlConnectionStringBuilder(runtimeConnection);
        var database = owner.Database ?? throw new InvalidOperationException("The owner's connection string names no database.");
        var server = new NpgsqlConnectionStringBuilder(administrator) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await EnsureRoleAsync(connection, Required(owner.Username), Required(owner.Password), cancellationToken);
        await EnsureRoleAsync(connection, Required(runtime.Username), Required(runtime.Password), cancellationToken);

        var currentOwner = (string?)await ScalarAsync(connection,
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = @name", ("name", database), cancellationToken);
        if (currentOwner is null)
        {
            try
            {
                await ExecuteAsync(connection, $"CREATE DATABASE {Identifier(database)} OWNER {Identifier(owner.Username!)}", cancellationToken);
                logger.LogInformation("Created database {Database} owned by {Owner}", database, owner.Username);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance of the migrate step created it at the same moment.
            }
            return;
        }
        if (currentOwner != owner.Username)
        {
            await ExecuteAsync(connection, $"ALTER DATABASE {Identifier(database)} OWNER TO {Identifier(owner.Username!)}", cancellationToken);
            await HandOverObjectsAsync(server, database, owner.Username!, cancellationToken);
            logger.LogInformation("Database {Database} and its objects now belong to {Owner} (they belonged to {Previous})",
                database, owner.Username, currentOwner);
        }
    }

    /// <summary>
    /// As the owner, after every migration (new tables included): the runtime role connects to this database only,
    /// changes rows of its tables, and on the audit table may only INSERT and SELECT.
    /// </summary>
    public static async Task GrantRuntimeAsync(DbContext db, string runtimeConnection, CancellationToken cancellationToken)
    {
        var runtime = Identifier(Required(new NpgsqlConnectionStringBuilder(runtimeConnection).Username));
        var database = Identifier(Required(db.Database.GetDbConnection().Database));
        // Names only, quoted as identifiers; no value reaches this text.
        var grants = $"""
            REVOKE ALL ON DATABASE {database} FROM PUBLIC;
            GRANT CONNECT ON DATABASE {database} TO {runtime};
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            GRANT USAGE ON SCHEMA public TO {runtime};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {runtime};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {runtime};
            REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entries FROM {runtime};
            REVOKE INSERT, UPDATE, DELETE ON __ef_migrations_history FROM {runtime};
            """;
        await db.Database.ExecuteSqlRawAsync(grants, cancellationToken);
    }

    private static async Task EnsureRoleAsync(NpgsqlConnection connection, string role, string password, CancellationToken cancellationToken)
    {
        var exists = await ScalarAsync(connection, "SELECT 1 FROM pg_roles WHERE rolname = @role", ("role", role), cancellationToken) is not null;
        // A password cannot be a parameter of CREATE/ALTER ROLE; it is quoted as a literal. Set again on every run, so a
        // changed secret takes effect at the next start.
        var statement = $"{(exists ? "ALTER" : "CREATE")} ROLE {Identifier(role)} {RoleLimits} PASSWORD {Literal(password)}";
        try
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateObject)
        {
            await ExecuteAsync(connection, $"ALTER ROLE {Identifier(role)} {RoleLimits} PASSWORD {Literal(password)}", cancellationToken);
        }
    }

    /// <summary>Tables, views and functions an earlier version made as the administrator move to the owner role.</summary>
    private static async Task HandOverObjectsAsync(NpgsqlConnectionStringBuilder server, string database, string owner, CancellationToken cancellationToken)
    {
        var inDatabase = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database };
        await using var connection = new NpgsqlConnection(inDatabase.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Sequences of identity columns follow their table.
        await ExecuteAsync(connection, $"""
            DO $$
            DECLARE item record;
            BEGIN
              FOR item IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> {Literal(owner)}
              LOOP
                EXECUTE format('ALTER TABLE %s OWNER TO %I', item.name, {Literal(owner)});
              END LOOP;
              FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                          WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> {Literal(owner)}
              LOOP
                EXECUTE format('ALTER FUNCTION %s OWNER TO %I', item.name, {Literal(owner)});
              END LOOP;
            END $$;
            """, cancellationToken);
    }

    private static string Required(string? value) =>
        string.IsNullOrEmpty(value) ? throw new InvalidOperationException("A database connection string lacks its username, password or database.") : value;

    /// <summary>Identifiers cannot be parameters; names come from the platform's own configuration, quoted regardless.</summary>
    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, (string Name, object Value) parameter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
