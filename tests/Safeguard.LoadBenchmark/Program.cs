using System.Globalization;
using Safeguard.LoadBenchmark;

// The platform benchmark (issues 10 and 25). Usage (eng/bench.sh runs it with the platform up):
//   Safeguard.LoadBenchmark [--gateway URL] [--direct URL-of-risk-assessment] [--smtp-api URL] [--seconds 300] [--warmup 30]
//                           [--assessments 300] [--centres 30] [--overload-seconds 60]
//                           [--ramp-from 10] [--ramp-by 10] [--ramp-max 600] [--ramp-seconds 30] [--ramp (the floor, the ramp and the overload alone)]
//                           [--overhead (the gateway's overhead at light load alone; needs --direct)]
//                           [--floor-writers 20] [--database "risk-assessment's database, as administrator", or SAFEGUARD_BENCH_DATABASE]
//                           [--main-only (no floor, ramp or overload)] [--trace-sample-ratio R (the platform's, for the label)]
//                           [--summary FILE (the main run's figures)] | --compare FILE-every-span FILE-sampled
//                           | --scale [--scale-steps 1,10,100] [--scale-mix-seconds 30] [--scale-window 65] [--scale-callers 12] (needs --database)
// Whatever the platform does (time-outs, refusals, a phase that cannot finish), the report is printed: an overload is
// a result. Exit code 3 when a target is missed.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (BareHop.TryServe(args))
{
    return 0;
}
var options = Options.Parse(args);
var report = new Report(Console.Out);
if (options.Compare is [var everySpan, var sampledTraces])
{
    report.Compare(await TelemetryFigures.LoadAsync(everySpan), await TelemetryFigures.LoadAsync(sampledTraces));
    return 0;
}
report.Machine();
report.Line($"Telemetry: {TelemetryFigures.Describe(options.TraceSampleRatio)}.");

report.Line($"Setting up {options.Centres} centres with teams, cases and adopted plans through {options.Gateway} ...");
World world;
try
{
    using var settingUp = SetUpRetries.Begin();
    world = await World.BuildAsync(options.Gateway, options.Direct, options.SmtpApi, options.Centres, casesPerCentre: 10, municipalities: 5);
}
catch (Exception ex)
{
    // Nothing can be measured without the world; say why and stop.
    report.Stopped("set-up", ex);
    return 3;
}
if (options.Scale is { } scale)
{
    if (options.Database is null)
    {
        report.Line("Scale run: needs --database (risk-assessment's database as administrator) to count the records.");
        return 3;
    }
    report.Growth(await ScaleRun.RunAsync(world, options.Database, scale.Steps, scale.MixDuration, scale.RoundWindow, scale.Callers, report));
    return report.Missed == 0 ? 0 : 3;
}
await Task.Delay(TimeSpan.FromSeconds(10)); // let the set-up's events and e-mails settle before "idle"
var idle = ProcessUsage.Measure();
// Issue 25 §7: services and gateway <= 1 GiB resident when idle; servers and orchestration listed apart.
report.Memory("Resident memory, platform idle", idle, targetBytes: 1024L * 1024 * 1024);

var rates = new Dictionary<string, double>
{
    [Mix.Assessment] = options.AssessmentsPerSecond,
    [Mix.HighRisk] = 2,   // each opens a new case, then submits a high-risk assessment: the team is convened
    [Mix.OpenCase] = 20,
    [Mix.Contact] = 20,
    [Mix.ReadPlan] = 40,
    [Mix.Returnee] = 10,
    [Mix.Enrol] = 10,     // each registers a trainee, then enrols her
};
report.Line($"Warm-up: {options.Warmup.TotalSeconds:0} s of the mix (not counted).");
var warmUp = new Mix(world, new Latencies());
await OpenLoop.RunAsync(rates, options.Warmup, (kind, due) => warmUp.RunAsync(kind, due));

var errors = new Latencies();
if (options.OverheadOnly)
{
    report.Line("Gateway overhead at light load: one caller alternating the same requests through the gateway and directly, 30 s per kind ...");
    var alone = await Overhead.MeasureAsync(world, TimeSpan.FromSeconds(60));
    report.Overhead("light load (one caller)", alone);
    await FloorAsync(alone);
    report.Errors(alone.Errors);
    return report.Missed == 0 ? 0 : 3;
}
if (options.MainOnly)
{
    report.Line("Floor, ramp and overload: skipped (--main-only).");
}
else if (options.Database is not null)
{
    // Issue 25 §2: the same durable work at best, then the platform at the same concurrency, on a quiet platform.
    var concurrency = options.FloorWriters;
    var floorDuration = TimeSpan.FromSeconds(20);
    report.Line("");
    report.Line($"Floor: {concurrency} writers straight to PostgreSQL (assessment + outbox event + audit entry, one transaction each), " +
                $"then {concurrency} callers submitting assessments through the gateway, {floorDuration.TotalSeconds:0} s each ...");
    try
    {
        var floor = await Floor.MeasureAsync(options.Database, concurrency, floorDuration);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var closed = new Latencies();
        var submitting = new Mix(world, closed);
        await OpenLoop.RunClosedAsync(concurrency, floorDuration, due => submitting.RunAsync(Mix.Assessment, due));
        report.Floor(floor, closed.Summarize(Mix.Assessment), closed.ErrorCount + closed.RefusedCount, floorDuration, concurrency);
        errors.Merge(closed);
    }
    catch (Exception ex)
    {
        report.Stopped("floor", ex);
    }
    await Task.Delay(TimeSpan.FromSeconds(5));
}
else
{
    report.Line("Floor: skipped (no --database connection string of risk-assessment's database).");
}

var ramp = options.Ramp;
Ramp.Step? sustained = null;
if (!options.MainOnly)
{
    report.Line("");
    var perHundred = Ramp.MixAt(rates, 100);
    report.Line($"Ramp: assessments from {ramp.From:0}/s by {ramp.By:0}/s, {ramp.StepDuration.TotalSeconds:0} s a step, the other kinds in the " +
                $"main run's proportions (per 100 assessments/s: " +
                $"{string.Join(", ", perHundred.Where(r => r.Key != Mix.Assessment).Select(r => $"{r.Key} {r.Value:0.##}/s"))}), until a step is not " +
                $"sustained (served < 95 % of offered, p99 >= {Report.AssessmentP99TargetMs:0} ms, or errors and refusals > 1 %).");
    try
    {
        var steps = await Ramp.RunAsync(world, rates, ramp, report.RampStep);
        report.RampResult(steps);
        sustained = steps.Where(s => s.Sustained).MaxBy(s => s.Offered);
    }
    catch (Exception ex)
    {
        report.Stopped("ramp", ex);
    }

    // Issue 25 §1: at twice the sustainable rate, what is admitted keeps its p99 and arrives; the excess is refused.
    var overloadRate = 2 * (sustained?.Offered ?? ramp.From);
    report.Line("");
    report.Line($"Overload: twice the highest sustained step, assessments at {overloadRate:0}/s and the other kinds with them, " +
                $"for {options.OverloadDuration.TotalSeconds:0} s ...");
    var overload = new Latencies();
    var overloaded = new Mix(world, overload);
    var overloadStarted = DateTimeOffset.UtcNow;
    await OpenLoop.RunAsync(Ramp.MixAt(rates, overloadRate), options.OverloadDuration, (kind, due) => overloaded.RunAsync(kind, due));
    report.Overload(overload, DateTimeOffset.UtcNow - overloadStarted, overloadRate);
    try
    {
        report.Emails(await EmailTimes.MeasureAsync(world, overloaded.HighRiskSubmissions.ToArray(), TimeSpan.FromMinutes(3)), admittedOnly: true);
    }
    catch (Exception ex)
    {
        report.Stopped("overload's team e-mails", ex);
    }
    errors.Merge(overload);
    if (options.RampOnly)
    {
        report.Errors(errors);
        return report.Missed == 0 ? 0 : 3;
    }
    await Task.Delay(TimeSpan.FromSeconds(10));
}

report.Line("");
report.Line($"Load: {string.Join(", ", rates.Select(r => $"{r.Key} {r.Value:0.#}/s"))} for {options.Duration.TotalSeconds:0} s" +
            (options.Direct is null ? "." : ", and one caller alternating the same requests through the gateway and directly to risk-assessment."));
var latencies = new Latencies();
var mix = new Mix(world, latencies);
// CPU is counted over the main run alone: the floor, the ramp and the overload came before it.
var beforeLoad = ProcessUsage.Measure();
var started = DateTimeOffset.UtcNow;
var loadedOverhead = options.Direct is null ? null : Overhead.MeasureAsync(world, options.Duration);
await OpenLoop.RunAsync(rates, options.Duration, (kind, due) => mix.RunAsync(kind, due));
var elapsed = DateTimeOffset.UtcNow - started;
var loaded = ProcessUsage.Measure();
report.Latencies(latencies, elapsed);

report.Line("Waiting for the team e-mails of every high-risk assessment ...");
EmailTimes.Result? emails = null;
try
{
    emails = await EmailTimes.MeasureAsync(world, mix.HighRiskSubmissions.ToArray(), TimeSpan.FromMinutes(3));
    report.Emails(emails, admittedOnly: false);
}
catch (Exception ex)
{
    report.Stopped("team e-mails", ex);
}
report.Memory("Resident memory right after the load, and CPU during it", loaded, targetBytes: null, before: beforeLoad, over: elapsed);
errors.Merge(latencies);

Overhead.Result? lightOverhead = null;
if (loadedOverhead is not null)
{
    // Issue 25 §4: the gateway's cost over a direct call, at the mix's load (measured during it) and at light load (one
    // caller on a quiet platform), each request kind alternating gateway and direct so both meet the same machine.
    var underLoad = await loadedOverhead;
    await Task.Delay(TimeSpan.FromSeconds(20)); // the load's events and e-mails drain first
    report.Line("");
    report.Line("Gateway overhead at light load: one caller alternating the same requests through the gateway and directly, 30 s per kind ...");
    var light = await Overhead.MeasureAsync(world, TimeSpan.FromSeconds(60));
    lightOverhead = light;
    report.Overhead("light load (one caller)", light);
    report.Overhead("the mix's load (one caller beside it)", underLoad);
    await FloorAsync(light);
    errors.Merge(light.Errors);
    errors.Merge(underLoad.Errors);
}
else
{
    report.Line("Gateway overhead: skipped (no --direct address of risk-assessment).");
}

report.Errors(errors);
if (options.Summary is { } summary)
{
    var assessed = latencies.Summarize(Mix.Assessment);
    double CpuPercent(Func<ProcessUsage.Usage, bool> which) =>
        (loaded.Where(which).Sum(u => u.CpuSeconds) - beforeLoad.Where(which).Sum(u => u.CpuSeconds)) / elapsed.TotalSeconds * 100;
    await new TelemetryFigures(
        TelemetryFigures.Describe(options.TraceSampleRatio),
        Report.AssessmentRate(latencies, elapsed),
        assessed.P50,
        assessed.P99,
        emails is null ? double.NaN : Latencies.Percentile(emails.SortedMilliseconds, 0.99),
        emails is null ? -1 : emails.Expected - emails.Sent,
        CpuPercent(ProcessUsage.IsDeployed),
        CpuPercent(u => u.Group == "dashboard"),
        loaded.Where(ProcessUsage.IsDeployed).Sum(u => u.RssBytes) / 1048576.0,
        lightOverhead?.ByKind.Keys.ToDictionary(kind => kind, lightOverhead.Of) ?? [],
        errors.ErrorCount).SaveAsync(summary);
}
return report.Missed == 0 ? 0 : 3;

// Issue 25 §4: beside the gateway's overhead at light load, the floor a bare Kestrel + YARP hop sets on this machine.
async Task FloorAsync(Overhead.Result light)
{
    report.Line($"Floor: a bare hop (Kestrel + YARP alone, its own process) in front of a backend answering after {BareHop.BackendWork.TotalMilliseconds:0} ms, one caller alternating, 30 s ...");
    try
    {
        report.BareHop(light, await BareHop.MeasureAsync(TimeSpan.FromSeconds(30)));
    }
    catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or System.ComponentModel.Win32Exception)
    {
        report.Line($"  not measured: {ex.Message}");
    }
}

/// <summary>The scale run's steps (multiples of 1×, <see cref="RecordCounts.Step"/>) and how long each step measures.</summary>
internal sealed record ScaleSettings(double[] Steps, TimeSpan MixDuration, TimeSpan RoundWindow, int Callers);

internal sealed record Options(
    Uri Gateway, Uri? Direct, Uri SmtpApi, TimeSpan Duration, TimeSpan Warmup, double AssessmentsPerSecond, int Centres, Ramp.Settings Ramp,
    bool RampOnly, bool OverheadOnly, TimeSpan OverloadDuration, string? Database, int FloorWriters,
    bool MainOnly, string? Summary, double? TraceSampleRatio, string[]? Compare, ScaleSettings? Scale)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double Number(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            new Uri(Value("--gateway") ?? "http://localhost:8080"),
            Value("--direct") is { } direct ? new Uri(direct) : null,
            // smtp4dev's web API (the AppHost's default port): where the seat invitations' codes are read from.
            new Uri(Value("--smtp-api") ?? "http://localhost:5080/"),
            TimeSpan.FromSeconds(Number("--seconds", 300)),
            TimeSpan.FromSeconds(Number("--warmup", 30)),
            Number("--assessments", 300),
            (int)Number("--centres", 30),
            new Ramp.Settings(Number("--ramp-from", 10), Number("--ramp-by", 10), Number("--ramp-max", 600),
                TimeSpan.FromSeconds(Number("--ramp-seconds", 30)), Report.AssessmentP99TargetMs),
            args.Contains("--ramp"),
            args.Contains("--overhead") && Value("--direct") is not null,
            TimeSpan.FromSeconds(Number("--overload-seconds", 60)),
            Value("--database") ?? Environment.GetEnvironmentVariable("SAFEGUARD_BENCH_DATABASE"),
            // The gateway's turns for one service (ServiceAdmission.Defaults): as many requests as the platform works on at once.
            (int)Number("--floor-writers", 20),
            args.Contains("--main-only"),
            Value("--summary"),
            // What the platform was started with (the AppHost's Safeguard:TraceSampleRatio), to label the figures.
            Value("--trace-sample-ratio") is { } ratio ? double.Parse(ratio, CultureInfo.InvariantCulture) : null,
            args.SkipWhile(a => a != "--compare").Skip(1).Take(2).ToArray() is { Length: 2 } pair ? pair : null,
            args.Contains("--scale")
                ? new ScaleSettings(
                    (Value("--scale-steps") ?? "1,10,100").Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(),
                    TimeSpan.FromSeconds(Number("--scale-mix-seconds", 30)),
                    // Two rounds at least of the slowest poller (the clock watchers' 30 s).
                    TimeSpan.FromSeconds(Number("--scale-window", 65)),
                    (int)Number("--scale-callers", 12))
                : null);
    }
}
