namespace Safeguard.LoadBenchmark;

/// <summary>
/// Brings the platform's records up to a scale step (issue 25 §6) through the gateway, as its users make them, so
/// personal columns are encrypted, names indexed and every change audited by the services' own code: cases opened
/// and assessed by the centres, plans convened by a police report and adopted, families registered by the
/// municipalities; audit rows beyond those come from case reads, each of which is audited. Several callers at
/// once; a refusal for load is waited out (<see cref="SetUpRetries"/>), and what still failed is made up by the
/// next pass, since the step's figures are counted from the databases.
/// </summary>
public sealed class ScaleLoader(World world, string administrator, int callers)
{
    private const int Passes = 3;

    private int _failures;

    public int Failures => _failures;

    public async Task<RecordCounts> LoadAsync(RecordCounts target, Action<string> progress)
    {
        var now = await RecordCounts.ReadAsync(administrator);
        for (var pass = 0; pass < Passes && Short(now, target); pass++)
        {
            await RunAsync(target.CasesAssessed - now.CasesAssessed, AssessedCaseAsync);
            await RunAsync(target.LivePlans - now.LivePlans, AdoptedPlanAsync);
            await RunAsync(target.OpenReintegrationCases - now.OpenReintegrationCases, ReturneeAsync);
            now = await RecordCounts.ReadAsync(administrator);
            // A case read writes one audit entry; the writes above wrote theirs.
            await RunAsync(target.AuditRows - now.AuditRows, ReadCaseAsync);
            now = await RecordCounts.ReadAsync(administrator);
            progress($"  pass {pass + 1}: {now.CasesAssessed:N0} assessed cases, {now.LivePlans:N0} live plans, " +
                     $"{now.OpenReintegrationCases:N0} reintegration cases, {now.AuditRows:N0} audit rows; {Failures} failed requests so far");
        }
        return now;
    }

    private static bool Short(RecordCounts now, RecordCounts target) =>
        now.CasesAssessed < target.CasesAssessed || now.LivePlans < target.LivePlans
        || now.OpenReintegrationCases < target.OpenReintegrationCases || now.AuditRows < target.AuditRows;

    private async Task RunAsync(long count, Func<int, Task> make)
    {
        if (count <= 0)
        {
            return;
        }
        using var settingUp = SetUpRetries.Begin();
        await Parallel.ForEachAsync(Enumerable.Range(0, (int)count), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (i, _) =>
        {
            try
            {
                await make(i);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref _failures);
            }
        });
    }

    private Centre CentreOf(int i) => world.Centres[i % world.Centres.Count];

    private async Task AssessedCaseAsync(int i)
    {
        var centre = CentreOf(i);
        var (id, etag, _) = await World.OpenCaseAsync(centre.Csr, centre.Code);
        await PlatformClient.EnsureAsync(await centre.Csr.PostAsync($"/api/risk-assessment/cases/{id}/assessments",
            World.AssessmentBody(world.AllClear), etag), "an assessment");
    }

    private Task AdoptedPlanAsync(int i) => World.AdoptedPlanAsync(CentreOf(i).Csr, CentreOf(i));

    private async Task ReturneeAsync(int i)
    {
        var municipality = world.Municipalities[i % world.Municipalities.Count];
        await PlatformClient.EnsureAsync(await municipality.Officer.PostAsync("/api/reintegration/cases/", World.ReturneeBody(municipality.Code)),
            "a reintegration case");
    }

    private async Task ReadCaseAsync(int i)
    {
        var read = world.ReadableCases[i % world.ReadableCases.Count];
        await PlatformClient.EnsureAsync(await read.Centre.Csr.GetAsync($"/api/risk-assessment/cases/{read.Id}"), "a case read");
    }
}
