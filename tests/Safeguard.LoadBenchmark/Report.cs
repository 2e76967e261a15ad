using System.Globalization;

namespace Safeguard.LoadBenchmark;

/// <summary>Prints the figures and checks each against its target (issue 10), counting the ones missed.</summary>
public sealed partial class Report(TextWriter output)
{
    /// <summary>Issue 25 §7: the assessments' p99 in the mix.</summary>
    public const double AssessmentP99TargetMs = 500;

    /// <summary>Issue 25 §7: assessments per second in the mix.</summary>
    public const double AssessmentRateTarget = 300;

    public int Missed { get; private set; }

    /// <summary>A phase that stopped on an exception: said, counted as a missed target, and the report goes on.</summary>
    public void Stopped(string phase, Exception ex)
    {
        Missed++;
        Line($"[{phase}] stopped: {Mix.Outcome(ex)}: {ex.Message}");
    }

    public void RampStep(Ramp.Step step) =>
        Line($"  offered {step.Offered,6:0}/s  served {step.Served,7:0.0}/s  p50 {step.Assessments.P50,8:0.0} ms  p99 {step.Assessments.P99,8:0.0} ms  " +
             $"errors+refused {step.Errors,5} of {step.Requests,6}  {(step.Sustained ? "sustained" : "NOT sustained")}");

    public void RampResult(IReadOnlyList<Ramp.Step> steps)
    {
        var best = steps.Where(s => s.Sustained).MaxBy(s => s.Offered);
        Line("");
        Line(best is null
            ? $"Highest sustained assessment rate in the mix: none (the first step, {steps.FirstOrDefault()?.Offered:0}/s, was not sustained)."
            : $"Highest sustained assessment rate in the mix: {best.Offered:0}/s (served {best.Served:0.0}/s, p99 {best.Assessments.P99:0.0} ms)" +
              $"{(steps[^1].Sustained ? ", the ramp's last step" : "")}.");
        Line($"  target >= {AssessmentRateTarget:0}/s with p99 < {AssessmentP99TargetMs:0} ms: {Verdict(best is not null && best.Offered >= AssessmentRateTarget)}");
    }

    /// <summary>Issue 25 §7: the platform's assessment rate as a share of the floor's, at the same concurrency.</summary>
    public const double FloorShareTarget = 0.5;

    public void Floor(Latencies.Summary floor, Latencies.Summary platform, int platformErrors, TimeSpan duration, int concurrency)
    {
        var floorRate = floor.Count / duration.TotalSeconds;
        var platformRate = platform.Count / duration.TotalSeconds;
        Line($"  {"",-34}{"per s",9}{"p50 ms",9}{"p99 ms",9}");
        Line($"  {"floor (straight to PostgreSQL)",-34}{floorRate,9:0.0}{floor.P50,9:0.0}{floor.P99,9:0.0}");
        Line($"  {"platform (through the gateway)",-34}{platformRate,9:0.0}{platform.P50,9:0.0}{platform.P99,9:0.0}   errors {platformErrors}");
        var share = floorRate == 0 ? 0 : platformRate / floorRate;
        Line($"  The platform does {share:0.0%} of the floor with {concurrency} at once (target >= {FloorShareTarget:0%}): {Verdict(share >= FloorShareTarget)}");
    }

    public void Line(string text) => output.WriteLine(text);

    private string Verdict(bool met)
    {
        if (!met)
        {
            Missed++;
        }
        return met ? "met" : "MISSED";
    }

    public void Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024
            : double.NaN;
        Line($"Safeguard benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line($"Machine: {Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory:0.0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; everything on this one box");
    }

    public void Latencies(Latencies latencies, TimeSpan elapsed)
    {
        Line("");
        Line($"{"request",-22}{"count",8}{"req/s",9}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}");
        var total = 0;
        foreach (var kind in latencies.Kinds)
        {
            var s = latencies.Summarize(kind);
            total += s.Count;
            Line($"{kind,-22}{s.Count,8}{s.Count / elapsed.TotalSeconds,9:0.0}{s.P50,9:0.0}{s.P95,9:0.0}{s.P99,9:0.0}{s.Max,9:0.0}");
        }
        Line($"{"all",-22}{total,8}{total / elapsed.TotalSeconds,9:0.0}   over {elapsed.TotalSeconds:0} s, errors {latencies.ErrorCount}");
        var assessments = latencies.Summarize(Mix.Assessment);
        var perSecond = AssessmentRate(latencies, elapsed);
        Line("");
        Line($"Assessment submissions (full questionnaire) through the gateway: {perSecond:0.0}/s, p99 {assessments.P99:0.0} ms " +
             $"(target >= {AssessmentRateTarget:0}/s with p99 < {AssessmentP99TargetMs:0} ms): " +
             $"{Verdict(perSecond >= AssessmentRateTarget && assessments.P99 < AssessmentP99TargetMs)}");
    }

    /// <summary>Assessments submitted per second: reassessments and the high-risk assessments of new cases.</summary>
    public static double AssessmentRate(Latencies latencies, TimeSpan elapsed) =>
        (latencies.Summarize(Mix.Assessment).Count + latencies.Summarize(Mix.HighRisk).Count) / elapsed.TotalSeconds;

    public void Emails(EmailTimes.Result emails, bool admittedOnly)
    {
        var p50 = LoadBenchmark.Latencies.Percentile(emails.SortedMilliseconds, 0.50);
        var p99 = LoadBenchmark.Latencies.Percentile(emails.SortedMilliseconds, 0.99);
        Line($"High-risk assessment -> last team e-mail accepted by SMTP: {emails.Cases} cases, {emails.Sent}/{emails.Expected} e-mails sent " +
             $"({emails.Failed} failed, {emails.Pending} not yet), p50 {p50:0} ms, p99 {p99:0} ms, max {emails.SortedMilliseconds.LastOrDefault():0} ms");
        if (admittedOnly)
        {
            // In overload only what was admitted counts: its e-mails must all arrive; their time is the main run's target.
            Line($"  target: no e-mail of an admitted assessment lost: {Verdict(emails.Sent == emails.Expected)}");
            return;
        }
        Line($"  target p99 < 2 s: {Verdict(p99 < 2000)}; no e-mail lost: {Verdict(emails.Cases > 0 && emails.Sent == emails.Expected)}");
    }

    public void Memory(string title, IReadOnlyList<ProcessUsage.Usage> usage, long? targetBytes, IReadOnlyList<ProcessUsage.Usage>? before = null, TimeSpan? over = null)
    {
        Line("");
        Line($"{title}:");
        Line($"  {"process",-20}{"count",6}{"RSS MiB",10}{"PSS MiB",10}{(before is null ? "" : "   CPU % of one core during the load")}");
        foreach (var u in usage)
        {
            var cpu = before is null || over is null ? "" :
                $"{(u.CpuSeconds - (before.FirstOrDefault(b => b.Group == u.Group)?.CpuSeconds ?? 0)) / over.Value.TotalSeconds * 100,10:0}";
            Line($"  {u.Group,-20}{u.Processes,6}{u.RssBytes / 1048576.0,10:0.0}{u.PssBytes / 1048576.0,10:0.0}{cpu}");
        }
        var services = usage.Where(ProcessUsage.IsDeployed).ToList();
        var servers = usage.Where(u => ProcessUsage.Servers.Contains(u.Group)).ToList();
        var orchestration = usage.Where(u => ProcessUsage.Orchestration.Contains(u.Group)).ToList();
        void Sum(string what, IReadOnlyList<ProcessUsage.Usage> group, string note) =>
            Line($"  {what,-20}{group.Sum(u => u.Processes),6}{group.Sum(u => u.RssBytes) / 1048576.0,10:0.0}{group.Sum(u => u.PssBytes) / 1048576.0,10:0.0}   {note}");
        Sum("services + gateway", services, "(what is deployed: the platform's own processes)");
        Sum("servers", servers, "(PostgreSQL, RabbitMQ, smtp4dev: managed services in production)");
        Sum("orchestration", orchestration, "(Aspire AppHost, DCP, dashboard, launchers: development tooling)");
        if (targetBytes is { } target)
        {
            var rss = services.Sum(u => u.RssBytes);
            Line($"  target <= {target / 1048576.0 / 1024:0.0} GiB resident for the services and gateway: {Verdict(rss <= target)}");
        }
    }

    /// <summary>Issue 25 §5: the main run with every span sent to the dashboard, and with traces sampled, side by side.</summary>
    public void Compare(TelemetryFigures every, TelemetryFigures sampled)
    {
        Line("");
        Line("Telemetry: the main run with every span sent to the dashboard, and with traces sampled at the gateway " +
             "(failed traces and every metric kept in both):");
        Line($"  {"figure",-58}{every.Telemetry,14}{sampled.Telemetry,30}");
        void Row(string figure, double a, double b, string format) =>
            Line($"  {figure,-58}{a.ToString(format, CultureInfo.InvariantCulture),14}{b.ToString(format, CultureInfo.InvariantCulture),30}");
        Row("assessments/s (target >= 300)", every.AssessmentsPerSecond, sampled.AssessmentsPerSecond, "0.0");
        Row("assessment p50 ms", every.AssessmentP50Ms, sampled.AssessmentP50Ms, "0.0");
        Row("assessment p99 ms (target < 500)", every.AssessmentP99Ms, sampled.AssessmentP99Ms, "0.0");
        Row("team e-mails p99 ms (target < 2000)", every.EmailP99Ms, sampled.EmailP99Ms, "0");
        Row("team e-mails lost (target 0)", every.EmailsLost, sampled.EmailsLost, "0");
        Row("CPU % of one core: services + gateway", every.ServicesCpuPercent, sampled.ServicesCpuPercent, "0");
        Row("CPU % of one core: dashboard", every.DashboardCpuPercent, sampled.DashboardCpuPercent, "0");
        Row("resident MiB after the load: services + gateway", every.ServicesRssMiB, sampled.ServicesRssMiB, "0");
        foreach (var kind in every.LightOverhead.Keys.Intersect(sampled.LightOverhead.Keys))
        {
            Row($"gateway overhead at light load, {kind} (target <= 10 %)", every.LightOverhead[kind] * 100, sampled.LightOverhead[kind] * 100, "+0.0;-0.0");
        }
        Row("errors, all phases of the run (target 0)", every.Errors, sampled.Errors, "0");
    }

    /// <summary>Issue 25 §4: what the gateway may add to a direct call.</summary>
    public const double GatewayOverheadTarget = 0.10;

    public void Overhead(string load, Overhead.Result result)
    {
        Line($"  at {load}:");
        Line($"  {"request",-14}{"count",7}{"direct p50",12}{"gateway p50",13}{"direct p99",12}{"gateway p99",13}{"overhead p50",14}");
        foreach (var (kind, (gateway, direct)) in result.ByKind)
        {
            var ratio = result.Of(kind);
            Line($"  {kind,-14}{gateway.Count,7}{direct.P50,12:0.00}{gateway.P50,13:0.00}{direct.P99,12:0.00}{gateway.P99,13:0.00}{ratio,14:+0.0%;-0.0%}" +
                 $"   target <= {GatewayOverheadTarget:0%}: {Verdict(ratio <= GatewayOverheadTarget)}");
        }
    }

    /// <summary>
    /// The floor under the gateway's overhead here: what a bare YARP hop adds at the same pacing, in milliseconds and
    /// as a share of the platform's direct read just measured. Above 10 % of it, no YARP gateway meets the target on this machine.
    /// </summary>
    public void BareHop(Overhead.Result light, BareHop.Result bare)
    {
        var added = bare.Proxied.P50 - bare.Direct.P50;
        var read = light.ByKind[Mix.ReadCase];
        var gatewayAdded = read.Gateway.P50 - read.Direct.P50;
        Line($"  {bare.Direct.Count} pairs: direct p50 {bare.Direct.P50:0.000} ms, proxied p50 {bare.Proxied.P50:0.000} ms: the hop adds {added:0.000} ms at p50 " +
             $"({bare.Proxied.P99 - bare.Direct.P99:0.000} ms at p99)");
        Line($"  against read-case's direct p50 ({read.Direct.P50:0.00} ms): the bare hop alone is {added / read.Direct.P50:+0.0%}; " +
             $"the gateway adds {gatewayAdded:0.00} ms, {Math.Max(0, gatewayAdded - added):0.00} ms more than the bare hop");
    }

    public void Overload(Latencies overload, TimeSpan elapsed, double offered)
    {
        var admitted = overload.Summarize(Mix.Assessment);
        var refused = overload.RefusedOf(Mix.Assessment);
        var failed = overload.Errors.Where(e => e.Key.StartsWith(Mix.Assessment + " ", StringComparison.Ordinal)).Sum(e => e.Value);
        var sent = admitted.Count + refused + failed;
        Line($"  assessments: offered {offered:0}/s, admitted and answered {admitted.Count / elapsed.TotalSeconds:0.0}/s, p50 {admitted.P50:0.0} ms, " +
             $"p99 {admitted.P99:0.0} ms; refused {refused} of {sent} ({(sent == 0 ? 0 : (double)refused / sent):0.0%}); errors {failed}");
        Line($"  all kinds: refused {overload.RefusedCount} of {overload.Kinds.Sum(overload.Count) + overload.RefusedCount + overload.ErrorCount}, errors {overload.ErrorCount}");
        Line($"  target: admitted assessments' p99 < {AssessmentP99TargetMs:0} ms: {Verdict(admitted.P99 < AssessmentP99TargetMs)}; " +
             $"no error besides refusals: {Verdict(overload.ErrorCount == 0)}");
    }

    public void Errors(Latencies latencies)
    {
        Line("");
        var requests = latencies.AnsweredCount + latencies.ErrorCount + latencies.RefusedCount;
        Line($"Refused for load (503 or 429 with Retry-After; nothing stored, the caller may send again), all phases: {latencies.RefusedCount} of {requests}");
        foreach (var (what, count) in latencies.Refusals.OrderByDescending(e => e.Value))
        {
            Line($"  {count,6}  {what}");
        }
        Line($"Errors, all phases: {latencies.ErrorCount} of {requests} requests ({(requests == 0 ? 0 : (double)latencies.ErrorCount / requests):0.0%}; target 0): " +
             $"{Verdict(latencies.ErrorCount == 0)}");
        foreach (var (what, count) in latencies.Errors.OrderByDescending(e => e.Value))
        {
            Line($"  {count,6}  {what}");
        }
        var unavailable = latencies.Errors.Where(e => e.Key.Contains("database is unavailable", StringComparison.Ordinal)).Sum(e => e.Value);
        Line($"  target: no 503 saying the database is unavailable while it is up: {Verdict(unavailable == 0)}");
        Line(Missed == 0 ? "All targets met." : $"{Missed} target(s) missed.");
    }
}
