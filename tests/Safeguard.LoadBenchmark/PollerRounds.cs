using Npgsql;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// What one round of each background poller costs in the database (issue 25 §6), read from PostgreSQL's
/// pg_stat_statements over a quiet window, after VACUUM ANALYZE: the query each poller starts its round with
/// carries a "-- poll: …" tag (EF Core's TagWith), and the database says whose it is. Rows are what the round read
/// back to decide its work; blocks are the pages PostgreSQL touched to find them, which is what grows when a query
/// scans rather than seeks.
/// </summary>
public static class PollerRounds
{
    public sealed record Round(string Poller, long Calls, double MeanMilliseconds, double MeanRows, double MeanBlocks);

    /// <returns>Null when the server was started without pg_stat_statements.</returns>
    public static async Task<IReadOnlyList<Round>?> MeasureAsync(string administrator, TimeSpan window, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(RecordCounts.On(administrator, "postgres"));
        await connection.OpenAsync(cancellationToken);
        if (!await LoadedAsync(connection, cancellationToken))
        {
            return null;
        }
        await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", cancellationToken);
        // As autovacuum leaves a table between bursts: the index entries of outbox rows the load just sent would
        // otherwise count as the poll's reads, a cost of the last minutes' traffic rather than of the records.
        foreach (var database in RecordCounts.Databases)
        {
            await using var service = new NpgsqlConnection(RecordCounts.On(administrator, database));
            await service.OpenAsync(cancellationToken);
            await ExecuteAsync(service, "VACUUM (ANALYZE)", cancellationToken);
        }
        await ExecuteAsync(connection, "SELECT pg_stat_statements_reset()", cancellationToken);
        await Task.Delay(window, cancellationToken);

        await using var command = new NpgsqlCommand("""
            SELECT d.datname, s.query, s.calls, s.total_exec_time, s.rows, s.shared_blks_hit + s.shared_blks_read
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE s.query LIKE '-- poll: %'
            """, connection);
        var rows = new List<(string Poller, long Calls, double Milliseconds, long Rows, long Blocks)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                // One outbox per service: the database says whose.
                var tag = $"{reader.GetString(1).Split('\n')[0]["-- poll: ".Length..].Trim()} ({reader.GetString(0)})";
                rows.Add((tag, reader.GetInt64(2), reader.GetDouble(3), reader.GetInt64(4), reader.GetInt64(5)));
            }
        }
        return rows.GroupBy(r => r.Poller).Select(g =>
        {
            var calls = g.Sum(r => r.Calls);
            return new Round(g.Key, calls, g.Sum(r => r.Milliseconds) / calls, (double)g.Sum(r => r.Rows) / calls, (double)g.Sum(r => r.Blocks) / calls);
        }).OrderBy(r => r.Poller, StringComparer.Ordinal).ToList();
    }

    private static async Task<bool> LoadedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('shared_preload_libraries')", connection);
        return ((string?)await command.ExecuteScalarAsync(cancellationToken) ?? "").Contains("pg_stat_statements", StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
