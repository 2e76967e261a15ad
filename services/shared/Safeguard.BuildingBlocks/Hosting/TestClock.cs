using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Safeguard.BuildingBlocks.Hosting;

/// <summary>
/// The system clock plus an offset that only moves forward. Deadline tests (12 hours, 48 hours, a week)
/// drive it through the platform instead of waiting. Enabled only by the setting Safeguard:TestClock=true,
/// which the test harness sets; a real deployment never has it.
/// </summary>
public sealed class AdjustableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Raised after the clock moved, so that deadline watchers look again at once.</summary>
    public event Action? Advanced;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        Advanced?.Invoke();
    }
}

public static class TestClock
{
    public const string SettingName = "Safeguard:TestClock";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(SettingName);

    /// <summary>Registers the clock every service reads: the system clock, or the adjustable one for tests.</summary>
    public static void AddClock(this IHostApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration))
        {
            builder.Services.AddSingleton<AdjustableTimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<AdjustableTimeProvider>());
        }
        else
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
        }
    }

    /// <summary>Calls <paramref name="onAdvanced"/> whenever a test moves the clock (never in production).</summary>
    public static void OnAdvanced(this TimeProvider time, Action onAdvanced)
    {
        if (time is AdjustableTimeProvider adjustable)
        {
            adjustable.Advanced += onAdvanced;
        }
    }

    public sealed record AdvanceRequest(TimeSpan By);

    /// <summary>POST {prefix}/_test/clock {"by":"00:05:00"}: moves the service's clock forward. Mapped only when enabled.</summary>
    public static void MapTestClock(this WebApplication app, string apiPrefix)
    {
        if (!IsEnabled(app.Configuration))
        {
            return;
        }
        app.MapPost(apiPrefix + "/_test/clock", (AdvanceRequest request, AdjustableTimeProvider clock) =>
        {
            if (request.By < TimeSpan.Zero)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["by"] = ["The clock only moves forward."] });
            }
            clock.Advance(request.By);
            return Results.Ok(new { now = clock.GetUtcNow(), offset = clock.Offset });
        // Any valid token: it exists only in the test harness (Safeguard:TestClock), never in a deployment.
        }).ExcludeFromDescription();
    }
}
