using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Safeguard.BuildingBlocks.Gauges;

public static class GaugeRegistration
{
    /// <summary>Adds <typeparamref name="TSource"/> to the service's gauges (once, however often called), and the worker that reads them.</summary>
    public static IServiceCollection AddGaugeSource<TSource>(this IServiceCollection services) where TSource : class, IGaugeSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IGaugeSource, TSource>());
        services.TryAddSingleton<GaugeSignal>();
        services.AddHostedService<GaugeWorker>();
        return services;
    }
}
