using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Cases;

public static class CaseEndpoints
{
    /// <summary>Clocks of reporting institutions drift; a "learned at" this far ahead is still accepted.</summary>
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup(RiskAssessmentService.Description.ApiPrefix + "/cases").WithTags("Cases");
        cases.MapPost("/", OpenAsync).WithName("OpenCase").WithSummary("Open a case of reported violence");
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase").WithSummary("Read one case");
        cases.MapGet("/", ListAsync).WithName("ListCases").WithSummary("List cases, newest first, optionally of one centre");
        return app;
    }

    private static async Task<Results<Created<CaseView>, ValidationProblem>> OpenAsync(
        OpenCaseRequest request, RiskAssessmentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request.LearnedAt > now + AllowedClockSkew)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["learnedAt"] = ["The centre cannot have learned of the violence in the future."],
            });
        }

        // The reference number, the case and its event commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reference = await CaseReference.NextAsync(db, request.CentreCode!, now.Year, cancellationToken);
        var opened = Case.Open(reference, request.ReportedBy!.Value, request.LearnedAt!.Value, now);
        db.Cases.Add(opened);
        db.Publish(new CaseOpened(
            opened.Id,
            opened.Reference,
            opened.CentreCode,
            opened.ReportedBy.ToString().ToLowerInvariant(),
            opened.LearnedAt,
            opened.AssessmentDueAt,
            now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"{RiskAssessmentService.Description.ApiPrefix}/cases/{opened.Id}", CaseView.From(opened));
    }

    private static async Task<Results<Ok<CaseView>, NotFound>> GetAsync(Guid id, RiskAssessmentDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(CaseView.From(found));
    }

    private static async Task<Ok<CaseView[]>> ListAsync(string? centre, RiskAssessmentDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrEmpty(centre))
        {
            query = query.Where(c => c.CentreCode == centre);
        }
        var page = await query.OrderByDescending(c => c.OpenedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(CaseView.From).ToArray());
    }
}
