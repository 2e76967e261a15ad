using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Schemes;

/// <summary>The municipality's quarterly evaluation of its schemes (004 §1.4). Counts and the office's text only.</summary>
public static class SchemeEvaluationEndpoints
{
    public static IEndpointRouteBuilder MapSchemeEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ReintegrationService.Description.ApiPrefix + "/scheme-evaluations").WithTags("Scheme evaluations");
        group.MapGet("/", ListAsync).WithName("ListSchemeEvaluations")
            .WithSummary("The four quarters of a year for a municipality: each one's evaluation, or whether it is due or overdue")
            .Produces<QuarterEvaluation[]>().ProducesValidationProblem()
            .AllowRoles(PlatformRoles.ReintegrationOfficer, PlatformRoles.Analyst);
        group.MapGet("/{municipality}/{quarter}/figures", FiguresAsync).WithName("SchemeFigures")
            .WithSummary("What the records say of a quarter's schemes: uptake per package, referral outcomes, needs no package covered")
            .Produces<SchemeFigures>().ProducesValidationProblem()
            .AllowRoles(PlatformRoles.ReintegrationOfficer);
        group.MapPut("/{municipality}/{quarter}", WriteAsync).WithName("WriteSchemeEvaluation")
            .WithSummary("Write (201) or revise (200, If-Match) the quarter's evaluation, once the quarter has ended; the figures are taken from the records")
            .Produces<SchemeEvaluation>().Produces<SchemeEvaluation>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .AllowRoles(PlatformRoles.ReintegrationOfficer);
        return app;
    }

    private static async Task<IResult> ListAsync(string? municipality, int? year, HttpContext http, ReintegrationDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        (municipality, var refused) = MunicipalityScope.ForReading(http, municipality);
        if (refused is not null)
        {
            return refused;
        }
        if (municipality is null)
        {
            return Problems.Invalid("municipality", "Name the municipality whose evaluations to list.");
        }
        var reportYear = year ?? now.Year;
        if (reportYear is < 2000 or > 2100)
        {
            return Problems.Invalid("year", "The year must be between 2000 and 2100.");
        }
        var written = await db.SchemeEvaluations.AsNoTracking().Where(e => e.MunicipalityCode == municipality && e.Year == reportYear)
            .ToDictionaryAsync(e => e.QuarterNumber, cancellationToken);
        return TypedResults.Ok(Quarter.Of(reportYear).Select(q =>
        {
            var evaluation = written.GetValueOrDefault(q.Number);
            return new QuarterEvaluation(q.ToString(), q.Status(evaluation is not null, now), q.EvaluationDueBy, evaluation);
        }).ToList());
    }

    private static async Task<IResult> FiguresAsync(string municipality, string quarter, HttpContext http, ReintegrationDbContext db,
        CancellationToken cancellationToken)
    {
        if (Refuse(http, municipality, quarter, out var period) is { } refused)
        {
            return refused;
        }
        return TypedResults.Ok(await SchemeFiguresQuery.ComputeAsync(db, municipality, period, cancellationToken));
    }

    private static async Task<IResult> WriteAsync(string municipality, string quarter, SchemeEvaluationRequest request, HttpContext http,
        ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Refuse(http, municipality, quarter, out var period) is { } refused)
        {
            return refused;
        }
        var now = time.GetUtcNow();
        if (now < period.End)
        {
            return Problems.Conflict("quarter", $"{period} ends on {period.End:yyyy-MM-dd}; its schemes are evaluated once it has ended.");
        }
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        // The lock on the quarter makes two officers' first evaluations of the quarter one write and one revision.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"scheme-evaluation:" + municipality + ":" + period}))", cancellationToken);
        var existing = await db.SchemeEvaluations.SingleOrDefaultAsync(
            e => e.MunicipalityCode == municipality && e.Year == period.Year && e.QuarterNumber == period.Number, cancellationToken);
        if (existing is not null && http.Request.CheckIfMatch(existing.Version) is { } stale)
        {
            return stale;
        }
        var figures = await SchemeFiguresQuery.ComputeAsync(db, municipality, period, cancellationToken);
        var (impact, changes, by) = (request.Impact!.Trim(), request.ProposedChanges!.Trim(), request.EvaluatedBy!.Trim());
        if (existing is null)
        {
            existing = SchemeEvaluation.Write(municipality, period, figures, impact, changes, by, now);
            db.SchemeEvaluations.Add(existing);
        }
        else
        {
            existing.Revise(figures, impact, changes, by, now);
        }
        var created = db.Entry(existing).State == EntityState.Added;
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } conflict)
        {
            return conflict;
        }
        http.Response.SetETag(existing.Version);
        return created
            ? TypedResults.Created($"{ReintegrationService.Description.ApiPrefix}/scheme-evaluations/{municipality}/{period}", existing)
            : TypedResults.Ok(existing);
    }

    private static IResult? Refuse(HttpContext http, string municipality, string quarter, out Quarter period)
    {
        period = default;
        if (MunicipalityScope.ForWriting(http, municipality, "A municipality evaluates its own schemes.") is { } refused)
        {
            return refused;
        }
        return Quarter.TryParse(quarter, out period) ? null : Problems.Invalid("quarter", "Write the quarter as 2026-Q1.");
    }
}
