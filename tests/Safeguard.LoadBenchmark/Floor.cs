using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// What this machine can do at best for an assessment's durable work (issue 25 §2): the rows a submission leaves in
/// risk-assessment's database — the assessment, its outbox event and its audit entry — written by a minimal client
/// straight to PostgreSQL, all three in one transaction per request (one batch, one round trip, one commit), by as
/// many writers at once as the platform is given callers. The tables are copies of the service's own (same columns,
/// indexes and defaults) in a scratch schema, filled with copies of the service's latest rows (the same encrypted
/// payloads, so the same sizes), each with new ids; the schema is dropped afterwards.
/// </summary>
public static class Floor
{
    private const string Schema = "bench_floor";
    private static readonly string[] Tables = ["assessments", "outbox_messages", "audit_entries"];

    public static async Task<Latencies.Summary> MeasureAsync(string connectionString, int writers, TimeSpan duration)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = writers + 1,
            // At best: statements prepared once per connection, as a tuned data layer would.
            MaxAutoPrepare = 10,
            ApplicationName = "safeguard-bench-floor",
        };
        await using var database = NpgsqlDataSource.Create(settings.ConnectionString);
        await ExecuteAsync(database, $"DROP SCHEMA IF EXISTS {Schema} CASCADE; CREATE SCHEMA {Schema};" +
            string.Concat(Tables.Select(t => $"CREATE TABLE {Schema}.{t} (LIKE public.{t} INCLUDING ALL);")));
        try
        {
            var rows = new List<RowTemplate>();
            foreach (var table in Tables)
            {
                rows.Add(await RowTemplate.LatestAsync(database, table));
            }
            var latencies = new Latencies();
            var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    var started = Stopwatch.GetTimestamp();
                    await using var connection = await database.OpenConnectionAsync();
                    // Without a transaction of its own, a batch runs as one implicit transaction: one commit, one flush.
                    await using var batch = new NpgsqlBatch(connection);
                    foreach (var row in rows)
                    {
                        batch.BatchCommands.Add(row.NewInsert());
                    }
                    await batch.ExecuteNonQueryAsync();
                    latencies.Record("floor", Stopwatch.GetElapsedTime(started));
                }
            })));
            return latencies.Summarize("floor");
        }
        finally
        {
            await ExecuteAsync(database, $"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One of the service's rows as an insert into the scratch copy of its table, with new ids (uuid columns).</summary>
    private sealed record RowTemplate(string Table, string[] Columns, string[] Types, object[] Values)
    {
        public static async Task<RowTemplate> LatestAsync(NpgsqlDataSource database, string table)
        {
            var columns = new List<(string Name, string Type)>();
            await using (var describe = database.CreateCommand(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 " +
                "AND is_identity = 'NO' AND coalesce(column_default, '') NOT LIKE 'nextval%' ORDER BY ordinal_position"))
            {
                describe.Parameters.Add(new NpgsqlParameter { Value = table });
                await using var reader = await describe.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
            var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            await using var latest = database.CreateCommand($"SELECT {list} FROM public.{table} ORDER BY ctid DESC LIMIT 1");
            await using var row = await latest.ExecuteReaderAsync();
            if (!await row.ReadAsync())
            {
                throw new InvalidOperationException($"risk-assessment has no {table} row to copy: run the floor after some assessments.");
            }
            var values = new object[columns.Count];
            row.GetValues(values);
            return new RowTemplate(table, [.. columns.Select(c => c.Name)], [.. columns.Select(c => c.Type)], values);
        }

        public NpgsqlBatchCommand NewInsert()
        {
            var command = new NpgsqlBatchCommand(
                $"INSERT INTO {Schema}.{Table} ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", Columns.Select((_, i) => $"${i + 1}"))})");
            for (var i = 0; i < Columns.Length; i++)
            {
                command.Parameters.Add(Types[i] switch
                {
                    "uuid" => new NpgsqlParameter { Value = Values[i] is DBNull ? DBNull.Value : Guid.NewGuid(), NpgsqlDbType = NpgsqlDbType.Uuid },
                    "jsonb" => new NpgsqlParameter { Value = Values[i], NpgsqlDbType = NpgsqlDbType.Jsonb },
                    _ => new NpgsqlParameter { Value = Values[i] },
                });
            }
            return command;
        }
    }
}
