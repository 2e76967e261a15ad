using System.Collections.Concurrent;
using System.Net;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// What happened to each kind of request: latencies (measured from the moment the request was due, so a
/// platform that falls behind is charged for the wait: no coordinated omission) and unexpected answers.
/// </summary>
public sealed class Latencies
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _milliseconds = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();

    public void Record(string kind, TimeSpan elapsed) =>
        _milliseconds.GetOrAdd(kind, _ => []).Add(elapsed.TotalMilliseconds);

    public void Fail(string kind, HttpStatusCode? status, string? detail = null) =>
        _errors.AddOrUpdate($"{kind} {(status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer")}{(detail is null ? "" : ": " + detail)}", 1, (_, n) => n + 1);

    private readonly ConcurrentDictionary<string, int> _refused = new();

    /// <summary>
    /// A request the platform turned away for load (503 or 429 with Retry-After: nothing of it stored, the caller may
    /// send it again): counted apart from errors (issue 25 §1), as the share an overloaded platform refuses.
    /// </summary>
    public void Refuse(string kind, string? title) =>
        _refused.AddOrUpdate($"{kind}: {title ?? "no title"}", 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, int> Refusals => _refused;

    public int RefusedCount => _refused.Values.Sum();

    public int RefusedOf(string kind) => _refused.Where(r => r.Key.StartsWith(kind + ":", StringComparison.Ordinal)).Sum(r => r.Value);

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public int ErrorCount => _errors.Values.Sum();

    public IEnumerable<string> Kinds => _milliseconds.Keys.Order(StringComparer.Ordinal);

    public int Count(string kind) => _milliseconds.TryGetValue(kind, out var values) ? values.Count : 0;

    public Summary Summarize(string kind) => Summarize([kind]);

    /// <summary>The requests of several kinds together (e.g. every read of the mix).</summary>
    public Summary Summarize(IReadOnlyCollection<string> kinds)
    {
        var sorted = kinds.SelectMany(kind => _milliseconds.TryGetValue(kind, out var values) ? values.ToArray() : []).Order().ToArray();
        return new Summary(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.LastOrDefault());
    }

    private int _mergedAnswered;

    /// <summary>Requests answered as expected, here and in the phases merged in.</summary>
    public int AnsweredCount => Kinds.Sum(Count) + _mergedAnswered;

    /// <summary>Adds another phase's errors, refusals and number of answers (its latencies are reported on their own).</summary>
    public void Merge(Latencies other)
    {
        Interlocked.Add(ref _mergedAnswered, other.AnsweredCount);
        foreach (var (what, count) in other._errors)
        {
            _errors.AddOrUpdate(what, count, (_, n) => n + count);
        }
        foreach (var (what, count) in other._refused)
        {
            _refused.AddOrUpdate(what, count, (_, n) => n + count);
        }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public sealed record Summary(int Count, double P50, double P95, double P99, double Max);
}
