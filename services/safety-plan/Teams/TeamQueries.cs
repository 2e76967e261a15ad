using Microsoft.EntityFrameworkCore;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Teams;

public static class TeamQueries
{
    public static async Task<List<TeamMembership>> CurrentMembershipsAsync(SafetyPlanDbContext db, Guid teamId, CancellationToken cancellationToken) =>
        await db.TeamMemberships.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.ValidTo == null)
            .OrderBy(m => m.Institution).ThenBy(m => m.Role)
            .ToListAsync(cancellationToken);

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
