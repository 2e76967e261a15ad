using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.BuildingBlocks.Gauges;
using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.BuildingBlocks.Deadlines;

public static class DeadlineRegistration
{
    /// <summary>
    /// Runs <typeparamref name="TWatcher"/>, woken by <typeparamref name="TSignal"/>, and marks its records for a
    /// visit whenever a change to one of <paramref name="inputs"/> is saved.
    /// </summary>
    /// <param name="name">The watcher's key in deadline_checks: stored, so never renamed.</param>
    public static IServiceCollection AddDeadlineWatcher<TWatcher, TSignal, TDb>(this IServiceCollection services, string name, Action<DeadlineInputs> inputs)
        where TWatcher : PollingWorker
        where TSignal : WakeSignal
        where TDb : DbContext
    {
        var watched = new DeadlineInputs(typeof(TDb), typeof(TWatcher), name, typeof(TSignal));
        inputs(watched);
        services.AddSingleton(watched);
        services.AddSingleton<TSignal>();
        services.AddHostedService<TWatcher>();
        services.AddGaugeSource<ClockGauges<TDb>>();
        return services;
    }
}
