using Safeguard.BuildingBlocks.Access;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>
/// The measures a plan may hold (Art. 15, 19, 23-31), so a client offers the catalogue the service checks against
/// rather than a copy of it. Reference data: no case, no person.
/// </summary>
public static class MeasureCatalogueEndpoint
{
    public static IEndpointRouteBuilder MapMeasureCatalogueEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(SafetyPlanService.Description.ApiPrefix + "/measure-catalogue", () => TypedResults.Ok(MeasureCatalogue.All))
            .WithTags("Safety plans").WithName("GetMeasureCatalogue")
            .WithSummary("The catalogue of measures (code, article, description, the institution that usually carries it out, whether it needs her consent); \"other\" is a measure of the team's own")
            .Produces<CatalogueMeasure[]>()
            // Only the centre revises a plan (Art. 18).
            .AllowRoles(PlatformRoles.Csr);
        return app;
    }
}
