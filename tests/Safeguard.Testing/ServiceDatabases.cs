using Npgsql;
using Xunit;

namespace Safeguard.Testing;

/// <summary>Reads a service's own database directly, to check what a request left behind (rows that persist).</summary>
public static class ServiceDatabases
{
    /// <summary>
    /// A fresh connection each time: the fault tests restart PostgreSQL, which would leave a pooled connection of
    /// the test process dead (57P01 on its next use). The services' own pools are what those tests exercise.
    /// </summary>
    private static async Task<string> UnpooledAsync(PlatformFixture platform, string database) =>
        new NpgsqlConnectionStringBuilder(await platform.AdministratorConnectionStringAsync(database)) { Pooling = false }.ConnectionString;

    /// <summary>Runs a query with named parameters on the database of a resource such as "risk-assessment-db".</summary>
    public static async Task<IReadOnlyList<object[]>> QueryAsync(
        this PlatformFixture platform, string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await UnpooledAsync(platform, database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        // The rows of every statement, in order (a session setting before the query returns none).
        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());
        return rows;
    }

    /// <summary>
    /// Waits up to 30 s for a query to return a row: what a background worker (a retention step, a consumer) leaves
    /// behind once it has run. Fails with <paramref name="what"/> when it does not.
    /// </summary>
    public static async Task<object[]> WaitForRowAsync(
        this PlatformFixture platform, string database, string sql, string what, params (string Name, object Value)[] parameters)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            if ((await platform.QueryAsync(database, sql, parameters)).FirstOrDefault() is { } row)
            {
                return row;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, what);
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Every row of every table of a database as text, the way pg_dump writes data (COPY … TO STDOUT): what
    /// someone holding only a dump or a stolen disk would read.
    /// </summary>
    public static async Task<string> DumpAsync(this PlatformFixture platform, string database)
    {
        await using var connection = new NpgsqlConnection(await UnpooledAsync(platform, database));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            dump.AppendLine($"-- {table}");
            using var export = await connection.BeginTextExportAsync($"COPY {table} TO STDOUT");
            dump.Append(await export.ReadToEndAsync());
        }
        return dump.ToString();
    }
}
