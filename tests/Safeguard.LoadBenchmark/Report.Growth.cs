namespace Safeguard.LoadBenchmark;

/// <summary>The scale run's growth table (issue 25 §6, §7).</summary>
public sealed partial class Report
{
    /// <summary>
    /// A round is "flat" when its cost at the last step is within twice the first step's plus a small constant: an
    /// index seek gains a level or two as a table grows a hundredfold, a scan grows with it.
    /// </summary>
    private const double FlatFactor = 2, FlatRows = 5, FlatBlocks = 8, FlatMilliseconds = 1;

    /// <param name="verdicts">False for the table printed after each step (a long run stopped midway still shows what it reached).</param>
    public void Growth(IReadOnlyList<ScaleRun.Step> steps, bool verdicts = true)
    {
        if (steps.Count == 0)
        {
            return;
        }
        Line("");
        Line("Growth with the records (issue 25 §6):");
        void Row(string label, Func<ScaleRun.Step, string> cell) => Line($"  {label,-40}{string.Concat(steps.Select(s => $"{cell(s),16}"))}");
        Row("step", s => $"{s.Times:0.##}x");
        Row("cases with assessments", s => $"{s.Reached.CasesAssessed:N0}");
        Row("live safety plans", s => $"{s.Reached.LivePlans:N0}");
        Row("open reintegration cases", s => $"{s.Reached.OpenReintegrationCases:N0}");
        Row("audit rows", s => $"{s.Reached.AuditRows:N0}");
        Row("loading took (failed requests)", s => $"{s.LoadTime.TotalMinutes:0.0} min ({s.LoadFailures})");
        Row("mix reads p50 / p99 ms", s => $"{s.Reads.P50:0.0} / {s.Reads.P99:0.0}");
        Row("mix writes p50 / p99 ms", s => $"{s.Writes.P50:0.0} / {s.Writes.P99:0.0}");
        Row("mix errors and refusals", s => $"{s.MixErrors}");
        Row("services + gateway resident MiB", s => $"{s.DeployedRssBytes / 1048576.0:0}");
        if (steps.Any(s => s.Rounds is null))
        {
            Line("  Poller rounds: not measured (PostgreSQL runs without pg_stat_statements; eng/bench.sh --scale starts it with it).");
            return;
        }
        var pollers = steps.SelectMany(s => s.Rounds!).Select(r => r.Poller).Distinct().Order(StringComparer.Ordinal).ToList();
        Line("  One round of each poller on the quiet platform: ms / rows read / blocks touched per round");
        foreach (var poller in pollers)
        {
            Row($"  {poller}", s => s.Rounds!.FirstOrDefault(r => r.Poller == poller) is { } r ? $"{r.MeanMilliseconds:0.00}/{r.MeanRows:0.#}/{r.MeanBlocks:0.#}" : "-");
        }
        if (!verdicts || steps.Count < 2)
        {
            return;
        }
        foreach (var poller in pollers)
        {
            var first = steps[0].Rounds!.FirstOrDefault(r => r.Poller == poller);
            var last = steps[^1].Rounds!.FirstOrDefault(r => r.Poller == poller);
            if (first is null || last is null)
            {
                Line($"  {poller}: not seen at both ends, no verdict");
                continue;
            }
            var flat = last.MeanRows <= FlatFactor * first.MeanRows + FlatRows
                       && last.MeanBlocks <= FlatFactor * first.MeanBlocks + FlatBlocks
                       && last.MeanMilliseconds <= FlatFactor * first.MeanMilliseconds + FlatMilliseconds;
            Line($"  {poller}: round flat from {steps[0].Times:0.##}x to {steps[^1].Times:0.##}x " +
                 $"(within {FlatFactor:0}x + {FlatRows:0} rows, {FlatBlocks:0} blocks, {FlatMilliseconds:0} ms): {Verdict(flat)}");
        }
    }
}
