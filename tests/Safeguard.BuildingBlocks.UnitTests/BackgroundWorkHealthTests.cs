using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>/health names a background worker that has stopped finishing rounds (issue 26 §3).</summary>
public sealed class BackgroundWorkHealthTests
{
    private sealed class Signal : WakeSignal;

    /// <summary>A clock watcher whose round waits until the test lets it finish (a lock held, a query hanging).</summary>
    private sealed class ClockWatcher(TimeProvider time) : PollingWorker(new Signal(), time, NullLogger.Instance)
    {
        public readonly TaskCompletionSource InRound = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeSpan PollInterval => TimeSpan.FromSeconds(30);

        protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
        {
            InRound.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return false;
        }
    }

    [Fact]
    public async Task A_worker_without_a_finished_round_for_longer_than_the_limit_makes_the_service_degraded_until_it_finishes_one()
    {
        var time = new FakeTimeProvider();
        var watcher = new ClockWatcher(time);
        var check = new BackgroundWorkHealthCheck([watcher], new ConfigurationBuilder().Build());
        await watcher.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            // ExecuteAsync runs on its own task: the round has begun once it is waiting.
            await watcher.InRound.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromSeconds(110));
            Assert.Equal(HealthStatus.Healthy, (await CheckAsync(check)).Status); // within the default 2 minutes

            time.Advance(TimeSpan.FromSeconds(70));
            var stuck = await CheckAsync(check);
            Assert.Equal(HealthStatus.Degraded, stuck.Status);
            Assert.Equal("ClockWatcher has not finished a round for 3 min", stuck.Description);

            watcher.Release.SetResult();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((await CheckAsync(check)).Status != HealthStatus.Healthy)
            {
                Assert.True(DateTime.UtcNow < deadline, "the finished round did not clear the reason");
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_limit_is_three_intervals_for_a_worker_that_sleeps_longer_than_the_setting()
    {
        var time = new FakeTimeProvider();
        var watcher = new ClockWatcher(time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Safeguard:StallAfter", "00:00:20")]).Build();
        var check = new BackgroundWorkHealthCheck([watcher], configuration);

        time.Advance(TimeSpan.FromSeconds(80));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(check)).Status);
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(check)).Status);
    }

    private static Task<HealthCheckResult> CheckAsync(BackgroundWorkHealthCheck check) =>
        check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
}
