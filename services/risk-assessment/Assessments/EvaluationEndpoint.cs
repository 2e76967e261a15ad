using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Instrument;
using Safeguard.RiskAssessment.Risk;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.RiskAssessment.Assessments;

/// <summary>
/// Issue 23: the level and its reasons update as the professional answers, from the same model the assessment
/// records, not a copy in the browser. Nothing is stored and no case is named, so there is nothing personal to
/// audit: the answers alone identify no one.
/// </summary>
public static class EvaluationEndpoint
{
    public static IEndpointRouteBuilder MapEvaluationEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(RiskAssessmentService.Description.ApiPrefix + "/evaluations", Evaluate).WithTags("Assessments")
            .AllowRoles(PlatformRoles.Csr)
            .WithName("EvaluateAnswers")
            .WithSummary("The level and reasons Annex 1 answers lead to, recording nothing (unanswered items count as cannot assess)")
            .Produces<RiskEvaluationView>().ProducesValidationProblem();
        return app;
    }

    private static IResult Evaluate(EvaluateAnswersRequest request, InstrumentCatalog catalog)
    {
        var version = request.InstrumentVersion ?? catalog.Current.Version;
        if (!catalog.TryGet(version, out var instrument))
        {
            return CaseGuard.Invalid("instrumentVersion", $"Unknown instrument version; known: {string.Join(", ", catalog.Versions)}.");
        }
        var childrenInFamily = request.ChildrenInFamily!.Value;
        var errors = AnswerValidator.Validate(instrument, request.Answers!, childrenInFamily, complete: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The answers do not fit the Annex 1 questionnaire.");
        }
        var scale = request.Answers!.Where(a => a.Value.Answer is not null)
            .ToDictionary(a => a.Key, a => a.Value.Answer!.Value, StringComparer.Ordinal);
        var model = RiskModel.Evaluate(scale, childrenInFamily);
        var (judged, broken) = ProfessionalJudgement.Apply(model.Level, request.Judgement?.Level, request.Judgement?.Reason);
        return broken is not null ? Problems.For(broken) : TypedResults.Ok(RiskEvaluationView.From(model, judged!));
    }
}
