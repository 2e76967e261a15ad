using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>What every change to a case checks first: it exists, the caller read its current version, it is not closed.</summary>
public static class CaseGuard
{
    /// <summary>
    /// Loads the case locked for this transaction (call inside one), so that a concurrent change waits and
    /// then meets the new version: the later of two professionals gets 412, never a silent overwrite.
    /// </summary>
    public static async Task<(Case? Case, IResult? Refusal)> LoadForChangeAsync(
        RiskAssessmentDbContext db, Guid caseId, HttpRequest request, CancellationToken cancellationToken, bool requireOpen = true)
    {
        var found = (await db.Cases
            .FromSql($"SELECT *, xmin FROM cases WHERE id = {caseId} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (found is null)
        {
            return (null, NotFound());
        }
        if (request.CheckIfMatch(found.Version) is { } stale)
        {
            return (null, stale);
        }
        if (requireOpen && found.CheckOpen() is { } closed)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The case is closed.",
                detail: closed.Message,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [closed.Field] = ["closed"] } }));
        }
        return (found, null);
    }

    public static IResult NotFound() => Problems.NotFound("There is no such case.");

    /// <summary>A 400 problem naming one field.</summary>
    public static IResult Invalid(string field, string message) => Problems.Invalid(field, message);
}
