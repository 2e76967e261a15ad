using Microsoft.AspNetCore.Http.HttpResults;

namespace Safeguard.RiskAssessment.Instrument;

public static class InstrumentEndpoints
{
    public static IEndpointRouteBuilder MapInstrumentEndpoints(this IEndpointRouteBuilder app)
    {
        var instrument = app.MapGroup(RiskAssessmentService.Description.ApiPrefix + "/instrument").WithTags("Instrument");
        instrument.MapGet("/", (InstrumentCatalog catalog) => TypedResults.Ok(catalog.Current))
            .WithName("GetCurrentInstrument")
            .WithSummary("The current Annex 1 questionnaire, every text in mk, sq, sr and en");
        instrument.MapGet("/{version}", Results<Ok<InstrumentDefinition>, NotFound> (string version, InstrumentCatalog catalog) =>
                catalog.TryGet(version, out var found) ? TypedResults.Ok(found) : TypedResults.NotFound())
            .WithName("GetInstrumentVersion")
            .WithSummary("One version of the questionnaire, e.g. the one an old assessment used");
        return app;
    }
}
