using System.Globalization;
using Safeguard.LoadBenchmark;

// The platform benchmark (issues 10 and 25). Usage (eng/bench.sh runs it with the platform up):
//   Safeguard.LoadBenchmark [--gateway URL] [--direct URL-of-risk-assessment] [--smtp-api URL] [--seconds 300] [--warmup 30]
//                           [--assessments 300] [--centres 30]
//                           [--ramp [--ramp-from 25] [--ramp-by 25] [--ramp-max 600] [--ramp-seconds 30]]
// Whatever the platform does (time-outs, refusals, a phase that cannot finish), the report is printed: an overload is
// a result. Exit code 3 when a target is missed.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
var report = new Report(Console.Out);
report.Machine();

report.Line($"Setting up {options.Centres} centres with teams, cases and adopted plans through {options.Gateway} ...");
World world;
try
{
    world = await World.BuildAsync(options.Gateway, options.Direct, options.SmtpApi, options.Centres, casesPerCentre: 10, municipalities: 5);
}
catch (Exception ex)
{
    // Nothing can be measured without the world; say why and stop.
    report.Stopped("set-up", ex);
    return 3;
}
await Task.Delay(TimeSpan.FromSeconds(10)); // let the set-up's events and e-mails settle before "idle"
var idle = ProcessUsage.Measure();
report.Memory("Resident memory, platform idle", idle, targetBytes: 1536L * 1024 * 1024);

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

var latencies = new Latencies();
if (options.Ramp is { } ramp)
{
    report.Line($"Ramp: assessments from {ramp.From:0}/s by {ramp.By:0}/s, {ramp.StepDuration.TotalSeconds:0} s a step, with " +
                $"{string.Join(", ", rates.Where(r => r.Key != Mix.Assessment).Select(r => $"{r.Key} {r.Value:0.#}/s"))}, until a step is not sustained " +
                $"(served < 95 % of offered, p99 >= {Report.AssessmentP99TargetMs:0} ms, or errors > 1 %).");
    try
    {
        report.RampResult(await Ramp.RunAsync(world, rates, ramp, report.RampStep));
    }
    catch (Exception ex)
    {
        report.Stopped("ramp", ex);
    }
    return report.Missed == 0 ? 0 : 3;
}

report.Line($"Load: {string.Join(", ", rates.Select(r => $"{r.Key} {r.Value:0.#}/s"))} for {options.Duration.TotalSeconds:0} s.");
var mix = new Mix(world, latencies);
var started = DateTimeOffset.UtcNow;
await OpenLoop.RunAsync(rates, options.Duration, (kind, due) => mix.RunAsync(kind, due));
var elapsed = DateTimeOffset.UtcNow - started;
var loaded = ProcessUsage.Measure();
report.Latencies(latencies, elapsed);

report.Line("Waiting for the team e-mails of every high-risk assessment ...");
try
{
    report.Emails(await EmailTimes.MeasureAsync(world, mix.HighRiskSubmissions.ToArray(), TimeSpan.FromMinutes(3)));
}
catch (Exception ex)
{
    report.Stopped("team e-mails", ex);
}
report.Memory("Resident memory right after the load, and CPU during it", loaded, targetBytes: null, before: idle, over: elapsed + options.Warmup);

if (options.Direct is not null)
{
    report.Line("Gateway overhead: the same requests through the gateway and directly to risk-assessment, alternating, 4 callers, 40 s each ...");
    var overhead = new Dictionary<string, (Latencies.Summary Gateway, Latencies.Summary Direct)>();
    foreach (var kind in new[] { Mix.ReadCase, Mix.Assessment })
    {
        var viaGateway = new Latencies();
        var direct = new Latencies();
        var throughGateway = new Mix(world, viaGateway);
        var toService = new Mix(world, direct);
        // Each caller alternates the two, so whatever else the box is doing (consumers still draining the load's
        // backlog) weighs on both alike; one phase after the other made the first look slower.
        var turn = 0L;
        await OpenLoop.RunClosedAsync(4, TimeSpan.FromSeconds(40), due => Interlocked.Increment(ref turn) % 2 == 0
            ? throughGateway.RunAsync(kind, due)
            : toService.RunAsync(kind, due, direct: true));
        overhead[kind] = (viaGateway.Summarize(kind), direct.Summarize(kind));
        latencies.Merge(viaGateway);
        latencies.Merge(direct);
    }
    report.Overhead(overhead);
}
else
{
    report.Line("Gateway overhead: skipped (no --direct address of risk-assessment).");
}

report.Errors(latencies);
return report.Missed == 0 ? 0 : 3;

internal sealed record Options(
    Uri Gateway, Uri? Direct, Uri SmtpApi, TimeSpan Duration, TimeSpan Warmup, double AssessmentsPerSecond, int Centres, Ramp.Settings? Ramp)
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
            args.Contains("--ramp")
                ? new Ramp.Settings(Number("--ramp-from", 25), Number("--ramp-by", 25), Number("--ramp-max", 600),
                    TimeSpan.FromSeconds(Number("--ramp-seconds", 30)), Report.AssessmentP99TargetMs)
                : null);
    }
}
