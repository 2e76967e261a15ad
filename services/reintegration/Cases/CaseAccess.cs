using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Persistence;

namespace Safeguard.Reintegration.Cases;

/// <summary>How every change to a case starts: lock its row, check the client's ETag, refuse a closed case.</summary>
public static class CaseAccess
{
    /// <summary>Clocks of reporting institutions drift; a time this far ahead is still accepted.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Call inside a transaction: the row stays locked until it commits.</summary>
    /// <param name="requireOpen">False only for what a closed case still allows: its erasure (issue 24 §10).</param>
    /// <returns>The case, or the problem to answer instead.</returns>
    public static async Task<(ReintegrationCase? Case, IResult? Refusal)> LockForChangeAsync(
        ReintegrationDbContext db, Guid id, HttpRequest http, CancellationToken cancellationToken, bool requireOpen = true)
    {
        var found = (await db.Cases.FromSql($"SELECT *, xmin FROM reintegration_cases WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken))
            .SingleOrDefault();
        if (found is null)
        {
            return (null, NotFound());
        }
        if (http.CheckIfMatch(found.Version) is { } refused)
        {
            return (null, refused);
        }
        if (requireOpen && found.IsClosed)
        {
            return (null, Problems.Conflict("state", "The case was closed by its final assessment; it can no longer change."));
        }
        return (found, null);
    }

    /// <summary>Saves and commits the change and sets the case's new ETag on the response.</summary>
    /// <returns>Null when saved; the 412 problem when someone changed the case first.</returns>
    public static async Task<IResult?> CommitAsync(ReintegrationDbContext db, ReintegrationCase found, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(found.Version);
        return null;
    }

    public static Task<List<HouseholdMember>> MembersAsync(ReintegrationDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.Members.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Position).ToListAsync(cancellationToken);

    public static IResult NotFound() => Problems.NotFound("There is no such reintegration case.");
}
