using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Consent;
using Safeguard.RiskAssessment.Convening;
using Safeguard.RiskAssessment.Instrument;
using Safeguard.RiskAssessment.Persistence;
using Safeguard.RiskAssessment.Risk;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.RiskAssessment.Assessments;

public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RiskAssessmentService.Description.ApiPrefix + "/cases/{caseId:guid}").WithTags("Assessments")
            // The questionnaire and its narrative stay with the centre: team members see the plan, not this.
            .AllowRoles(PlatformRoles.Csr).GuardRecord(CaseAccessRules.Case, "caseId");
        group.MapPost("/assessments", SubmitAsync).WithName("SubmitAssessment")
            .WithSummary("Record an Annex 1 assessment and get its level with reasons (If-Match: the case's ETag)")
            .Produces<AssessmentView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapGet("/assessments", ListAsync).WithName("ListAssessments").WithSummary("Every assessment of the case, oldest first")
            .Produces<AssessmentView[]>();
        group.MapGet("/assessments/{assessmentId:guid}", GetAsync).WithName("GetAssessment").WithSummary("One assessment of the case: its answers, level and reasons").Produces<AssessmentView>();
        group.MapGet("/risk-history", HistoryAsync).WithName("GetRiskHistory").WithSummary("How the case's level moved, assessment by assessment")
            .Produces<LevelHistoryEntry[]>();
        return app;
    }

    private static async Task<IResult> SubmitAsync(
        Guid caseId, SubmitAssessmentRequest request, HttpRequest http, HttpResponse response,
        RiskAssessmentDbContext db, InstrumentCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var version = request.InstrumentVersion ?? catalog.Current.Version;
        if (!catalog.TryGet(version, out var instrument))
        {
            return CaseGuard.Invalid("instrumentVersion", $"Unknown instrument version; known: {string.Join(", ", catalog.Versions)}.");
        }
        if (request.AssessedAt > now + CaseEndpoints.AllowedClockSkew)
        {
            return CaseGuard.Invalid("assessedAt", "An assessment cannot be dated in the future.");
        }
        if (Assessment.CheckTeamConvenedOn(request.TeamConvenedOn, request.Answers!.GetValueOrDefault("5.4")?.Answer) is { } misplaced)
        {
            return Problems.For(misplaced);
        }
        var childrenInFamily = request.ChildrenInFamily!.Value;
        var answerErrors = AnswerValidator.Validate(instrument, request.Answers!, childrenInFamily);
        if (answerErrors.Count > 0)
        {
            return TypedResults.ValidationProblem(answerErrors, title: "The answers do not fit the Annex 1 questionnaire.");
        }

        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseGuard.LoadForChangeAsync(db, caseId, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var @case = found!;
        if (Assessment.CheckInformedOfRights(request.VictimInformedOfRights, @case.Victim.Category == VictimCategory.Child) is { } uninformed)
        {
            return Problems.For(uninformed);
        }
        if (request.AssessedAt < @case.LearnedAt)
        {
            return CaseGuard.Invalid("assessedAt", "An assessment cannot come before the centre learned of the violence.");
        }

        var scale = request.Answers!
            .Where(a => a.Value.Answer is not null)
            .ToDictionary(a => a.Key, a => a.Value.Answer!.Value, StringComparer.Ordinal);
        var model = RiskModel.Evaluate(scale, childrenInFamily);

        var (judged, broken) = ProfessionalJudgement.Apply(model.Level, request.Judgement?.Level, request.Judgement?.Reason);
        if (broken is not null)
        {
            return Problems.For(broken);
        }

        var answers = request.Answers!.ToDictionary(
            a => a.Key,
            a => new AnswerRecord(a.Value.Answer, a.Value.Note, a.Value.Text, a.Value.Choices, a.Value.Details),
            StringComparer.Ordinal);

        var assessment = Assessment.Record(@case.Id, @case.AssessmentCount + 1, instrument.Version, request.AssessedAt!.Value,
            request.AssessedBy!.Trim(), victimInformedOfRights: true, childrenInFamily, answers, model, judged!.Level, judged.Reason, now,
            new FormDetails(request.Place?.Trim(), request.TeamConvenedOn, request.ProfessionalNotes?.Trim()));
        db.Assessments.Add(assessment);
        var previous = @case.RecordAssessment(assessment.Level, assessment.AssessedAt);
        db.Publish(new RiskAssessed(@case.Id, @case.Reference, @case.CentreCode, assessment.Id, assessment.Sequence,
            assessment.Level.ToString().ToLowerInvariant(), previous?.ToString().ToLowerInvariant(), model.RedFlags,
            model.Confidence == Confidence.Low, now, assessment.AssessedAt));

        // Art. 17 and Annex 1 §5.4. Once the team is convened, new risk is safety-plan's to act on (Art. 21).
        var reasons = TeamConvening.ReasonsAfter(assessment);
        if (reasons.Count > 0 && @case.State != CaseState.TeamConvened)
        {
            var consent = ConsentStatus.Summarize(@case, await ConsentStatus.LatestAsync(db, @case.Id, cancellationToken));
            TeamConvening.Request(db, @case, reasons, assessment, consent, policeReportReference: null, emergencyMeasures: [], now);
        }

        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }

        response.SetETag(@case.Version);
        return TypedResults.Created(
            $"{RiskAssessmentService.Description.ApiPrefix}/cases/{@case.Id}/assessments/{assessment.Id}",
            AssessmentView.From(assessment));
    }

    private static async Task<IResult> ListAsync(Guid caseId, RiskAssessmentDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            return CaseGuard.NotFound();
        }
        var all = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(AssessmentView.From).ToArray());
    }

    private static async Task<IResult> GetAsync(Guid caseId, Guid assessmentId, RiskAssessmentDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == caseId && a.Id == assessmentId, cancellationToken);
        return found is null
            ? Problems.NotFound("There is no such assessment of this case.")
            : TypedResults.Ok(AssessmentView.From(found));
    }

    private static async Task<IResult> HistoryAsync(Guid caseId, RiskAssessmentDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            return CaseGuard.NotFound();
        }
        var steps = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Sequence)
            .Select(a => new { a.Id, a.Sequence, a.AssessedAt, a.Level, a.Model }).ToListAsync(cancellationToken);
        var history = steps.Select((s, i) => new LevelHistoryEntry(s.Sequence, s.Id, s.AssessedAt, s.Level,
            i == 0 ? null : steps[i - 1].Level, s.Model.Confidence)).ToArray();
        return TypedResults.Ok(history);
    }
}
