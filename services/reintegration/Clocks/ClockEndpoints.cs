using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Clocks;

/// <summary>A deadline of one case, as the office's work list shows it (references only).</summary>
public sealed record CaseDeadline(Guid CaseId, string CaseReference, ClockKind Clock, DateTimeOffset DeadlineAt, ClockStatus Status);

public static class ClockEndpoints
{
    public static IEndpointRouteBuilder MapClockEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReintegrationService.Description.ApiPrefix + "/deadlines", ListAsync).WithTags("Deadlines").WithName("ListDeadlines")
            .WithSummary("A municipality's due or overdue deadlines (status=overdue for the overdue query), most urgent first")
            .Produces<CaseDeadline[]>().ProducesValidationProblem().AllowRoles(PlatformRoles.ReintegrationOfficer);
        return app;
    }

    private static async Task<IResult> ListAsync(string? municipality, string? status, HttpContext http, ReintegrationDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        (municipality, var refused) = InstitutionScope.Own(http, municipality, "municipality");
        if (refused is not null)
        {
            return refused;
        }
        var wanted = new[] { ClockStatus.Due, ClockStatus.Overdue };
        if (status is not null)
        {
            if (!KebabCaseEnum.TryParse<ClockStatus>(status, out var parsed) || parsed == ClockStatus.Pending)
            {
                return Problems.Invalid("status", "The status must be due or overdue.");
            }
            wanted = [parsed];
        }
        var now = time.GetUtcNow();
        var open = await db.Cases.AsNoTracking().Where(c => c.MunicipalityCode == municipality && c.State != CaseState.Closed).ToListAsync(cancellationToken);
        var deadlines = open
            .SelectMany(c => CaseClocks.Compute(c, now).Where(k => wanted.Contains(k.Status)).Select(k => new CaseDeadline(c.Id, c.Reference, k.Clock, k.DeadlineAt, k.Status)))
            .OrderBy(d => d.DeadlineAt).ToList();
        return TypedResults.Ok(deadlines);
    }
}
