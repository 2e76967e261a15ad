using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>One kind of row that ends after a window: deletes or empties a batch of those older than it.</summary>
public interface IRetentionStep
{
    /// <summary>Rows a step handles per round: short transactions, while a backlog clears round after round.</summary>
    const int BatchSize = 1000;

    /// <returns>How many rows it deleted or emptied; a full batch means more may be waiting.</returns>
    Task<int> RunAsync(ServiceDbContext db, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Wakes the clean-up; a test that moves the clock wakes it too.</summary>
public sealed class RetentionSignal : WakeSignal;

/// <summary>
/// Runs every registered <see cref="IRetentionStep"/> once an hour (issue 24 §11), batch by batch, so tables that
/// only serve a while (sent events, consumed messages, delivered e-mail bodies) stop growing without bound.
/// </summary>
internal sealed class RetentionWorker<TDbContext> : PollingWorker
    where TDbContext : ServiceDbContext
{
    private readonly IServiceScopeFactory _scopes;

    public RetentionWorker(IServiceScopeFactory scopes, RetentionSignal signal, TimeProvider time, ILogger<RetentionWorker<TDbContext>> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        time.OnAdvanced(signal.Notify);
    }

    protected override TimeSpan PollInterval => TimeSpan.FromHours(1);

    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var quiet = BackgroundTracing.Quiet();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var more = false;
        foreach (var step in scope.ServiceProvider.GetServices<IRetentionStep>())
        {
            var done = await step.RunAsync(db, Time.GetUtcNow(), cancellationToken);
            if (done > 0)
            {
                Logger.LogInformation("{Step} cleaned {Count} row(s)", step.GetType().Name, done);
            }
            more |= done >= IRetentionStep.BatchSize;
        }
        return more;
    }
}

public static class RetentionRegistration
{
    /// <summary>The windows, in days, from configuration section "Retention" (each with its default).</summary>
    public static TimeSpan Days(this IConfiguration configuration, string key, int defaultDays) =>
        TimeSpan.FromDays(configuration.GetValue<int?>($"Retention:{key}") ?? defaultDays);

    public static IHostApplicationBuilder AddRetention<TDbContext>(this IHostApplicationBuilder builder) where TDbContext : ServiceDbContext
    {
        builder.Services.AddSingleton<RetentionSignal>();
        builder.Services.AddHostedService<RetentionWorker<TDbContext>>();
        return builder;
    }
}
