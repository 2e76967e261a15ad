using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.SafetyPlan;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Teams;

public static class TeamQueries
{
    /// <summary>The centre's multisectoral team (Annex 4): its first registered one.</summary>
    public static Task<Team?> OfCentreAsync(SafetyPlanDbContext db, string centreCode, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().Where(t => t.CentreCode == centreCode).OrderBy(t => t.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    public static Task<List<TeamMembership>> CurrentMembershipsAsync(SafetyPlanDbContext db, Guid teamId, CancellationToken cancellationToken) =>
        CurrentMembershipsAsync(db, [teamId], cancellationToken);

    /// <summary>The current seats of several teams at once, in the same order per team.</summary>
    public static async Task<List<TeamMembership>> CurrentMembershipsAsync(SafetyPlanDbContext db, IReadOnlyCollection<Guid> teamIds, CancellationToken cancellationToken) =>
        await db.TeamMemberships.AsNoTracking()
            .Where(m => teamIds.Contains(m.TeamId) && m.ValidTo == null)
            .OrderBy(m => m.Institution).ThenBy(m => m.Role)
            .ToListAsync(cancellationToken);

    /// <summary>The seat the caller's account holds now on a team, if any (issue 22 §4: who did it is who is signed in).</summary>
    public static Task<TeamMembership?> SeatOfAsync(SafetyPlanDbContext db, Guid? teamId, string subject, CancellationToken cancellationToken) =>
        db.TeamMemberships.AsNoTracking()
            .Where(m => teamId != null && m.TeamId == teamId && m.ValidTo == null && m.AccountSubject == subject && subject != "")
            .OrderBy(m => m.Role).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The seats the account holds now, across teams, each team's most senior first (member before deputy).</summary>
    public static Task<List<TeamMembership>> SeatsOfAsync(SafetyPlanDbContext db, string subject, CancellationToken cancellationToken) =>
        db.TeamMemberships.AsNoTracking().Where(m => m.ValidTo == null && m.AccountSubject == subject && subject != "")
            .OrderBy(m => m.Role).ToListAsync(cancellationToken);

    /// <summary>A seat as a notice recipient: the Annex 4 work contact and language, never anyone from the case.</summary>
    public static TeamRecipient Recipient(TeamMembership m) => new(
        KebabCaseEnum.Name(m.Institution), KebabCaseEnum.Name(m.Role), m.Person.FullName, m.Person.Email, m.Person.PreferredLanguage);

    /// <summary>Every current member and deputy of a plan's team; none while the plan has no team.</summary>
    public static async Task<List<TeamRecipient>> RecipientsAsync(SafetyPlanDbContext db, Guid? teamId, CancellationToken cancellationToken) =>
        teamId is { } id ? (await CurrentMembershipsAsync(db, id, cancellationToken)).Select(Recipient).ToList() : [];

    public static TeamView View(Team team, IEnumerable<TeamMembership> current) => new(
        team.Id,
        team.CentreCode,
        team.Name,
        current.GroupBy(m => m.Institution)
            .Select(g =>
            {
                var member = g.Single(m => m.Role == MemberRole.Member);
                var deputy = g.SingleOrDefault(m => m.Role == MemberRole.Deputy);
                return new SeatView(g.Key, member.InstitutionName, member.Id, member.Person, deputy?.Id, deputy?.Person, member.ValidFrom);
            })
            .OrderBy(s => s.Institution)
            .ToList(),
        team.Version);
}
