namespace Safeguard.LoadBenchmark;

/// <summary>
/// Finds the highest assessment rate the platform sustains within the full mix (issue 25 §0): the mix runs in steps
/// of rising assessment rates, until a step is not sustained. A step is sustained when the assessments answered keep
/// up with those offered (95 %), their p99 stays under the target, and errors and refusals of any kind stay under 1 %
/// of the requests. The other kinds rise with the assessments, in the main run's proportions (<see cref="MixAt"/>):
/// held at their full rates they alone would fill a small machine, and the ramp would find no sustained step at all,
/// only that the machine was already overloaded before the first assessment.
/// </summary>
public static class Ramp
{
    public sealed record Step(double Offered, double Served, Latencies.Summary Assessments, int Requests, int Errors, bool Sustained);

    public sealed record Settings(double From, double By, double Max, TimeSpan StepDuration, double P99TargetMs);

    public static async Task<IReadOnlyList<Step>> RunAsync(World world, IReadOnlyDictionary<string, double> rates, Settings settings, Action<Step> report)
    {
        var steps = new List<Step>();
        for (var offered = settings.From; offered <= settings.Max; offered += settings.By)
        {
            var latencies = new Latencies();
            var mix = new Mix(world, latencies);
            var stepRates = MixAt(rates, offered);
            // OpenLoop returns once every request sent has its answer; a platform that only queues shows in the p99,
            // which counts from each request's due time.
            await OpenLoop.RunAsync(stepRates, settings.StepDuration, (kind, due) => mix.RunAsync(kind, due));
            var assessments = latencies.Summarize(Mix.Assessment);
            var unanswered = latencies.ErrorCount + latencies.RefusedCount;
            var requests = latencies.Kinds.Sum(latencies.Count) + unanswered;
            var served = assessments.Count / settings.StepDuration.TotalSeconds;
            var step = new Step(offered, served, assessments, requests, unanswered,
                served >= 0.95 * offered && assessments.P99 < settings.P99TargetMs && unanswered <= 0.01 * requests);
            steps.Add(step);
            report(step);
            if (!step.Sustained)
            {
                break;
            }
            // Let the step's events and e-mails drain, so the next one starts from a quiet platform.
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        return steps;
    }

    /// <summary>
    /// The mix of <paramref name="rates"/> scaled to <paramref name="assessments"/> a second: every kind keeps its share
    /// of the assessments, so a step of the ramp, or twice it, is the same mix of work at another load.
    /// </summary>
    public static Dictionary<string, double> MixAt(IReadOnlyDictionary<string, double> rates, double assessments)
    {
        var scale = assessments / rates[Mix.Assessment];
        return rates.ToDictionary(r => r.Key, r => r.Key == Mix.Assessment ? assessments : r.Value * scale);
    }
}
