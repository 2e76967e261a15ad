using OpenIddict.Abstractions;

namespace Safeguard.Identity.Connect;

/// <summary>
/// OpenIddict keeps a row per code, refresh token and authorization so that it can refuse a reuse and revoke a
/// chain; once expired or revoked for two weeks they only grow the table. Removed hourly; a failed round is
/// retried at the next.
/// </summary>
public sealed class TokenPruning(IServiceScopeFactory scopes, TimeProvider time, ILogger<TokenPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Kept = TimeSpan.FromDays(14);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = time.GetUtcNow() - Kept;
                await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Token pruning paused after {Error}", ex.GetType().Name);
            }
        }
    }
}
