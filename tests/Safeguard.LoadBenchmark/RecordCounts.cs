using Npgsql;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// What the services' databases hold, counted straight from them (issue 25 §6): the scale run loads up to a step's
/// figures and prints what it reached.
/// </summary>
public sealed record RecordCounts(long CasesAssessed, long LivePlans, long OpenReintegrationCases, long AuditRows)
{
    /// <summary>1×: a hundredth of the largest step (100,000 cases with assessments, 10,000 live plans, 20,000 reintegration cases, 500,000 audit rows).</summary>
    public static RecordCounts Step(double times) =>
        new((long)(1_000 * times), (long)(100 * times), (long)(200 * times), (long)(5_000 * times));

    public static readonly string[] Databases = ["risk_assessment", "safety_plan", "reintegration", "training_registry", "notification", "identity"];

    /// <param name="administrator">risk-assessment's database as administrator; the others are reached on the same server.</param>
    public static async Task<RecordCounts> ReadAsync(string administrator, CancellationToken cancellationToken = default)
    {
        var cases = await ScalarAsync(administrator, "risk_assessment",
            "SELECT count(*) FROM cases c WHERE EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = c.id)", cancellationToken);
        var plans = await ScalarAsync(administrator, "safety_plan", "SELECT count(*) FROM safety_plans WHERE state <> 'Closed'", cancellationToken);
        var returnees = await ScalarAsync(administrator, "reintegration", "SELECT count(*) FROM reintegration_cases WHERE state <> 'Closed'", cancellationToken);
        long audit = 0;
        foreach (var database in Databases)
        {
            audit += await ScalarAsync(administrator, database,
                "SELECT CASE WHEN to_regclass('audit_entries') IS NULL THEN 0 ELSE (SELECT count(*) FROM audit_entries) END", cancellationToken);
        }
        return new RecordCounts(cases, plans, returnees, audit);
    }

    /// <summary>Waits until no outbox holds an unsent event and no e-mail is pending, or <paramref name="limit"/> passed.</summary>
    /// <returns>What was still waiting.</returns>
    public static async Task<long> SettleAsync(string administrator, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var until = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            long waiting = await ScalarAsync(administrator, "notification", "SELECT count(*) FROM notifications WHERE status = 'Pending'", cancellationToken);
            foreach (var database in Databases)
            {
                waiting += await ScalarAsync(administrator, database, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", cancellationToken);
            }
            if (waiting == 0 || DateTimeOffset.UtcNow > until)
            {
                return waiting;
            }
        }
    }

    public static string On(string administrator, string database) =>
        new NpgsqlConnectionStringBuilder(administrator) { Database = database, Pooling = false }.ConnectionString;

    private static async Task<long> ScalarAsync(string administrator, string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(On(administrator, database));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
