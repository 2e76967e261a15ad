using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Teams;

public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup(SafetyPlanService.Description.ApiPrefix + "/teams").WithTags("Teams");
        // Art. 17: the centre forms its team; its supervisor names and replaces the members.
        teams.MapPost("/", CreateAsync).WithName("CreateTeam").WithSummary("Create a centre's multisectoral team (Art. 17)")
            .Produces<TeamView>(StatusCodes.Status201Created).ProducesValidationProblem().AllowRoles(PlatformRoles.CsrSupervisor);
        teams.MapGet("/", ListAsync).WithName("ListTeams").WithSummary("The teams of the caller's centre").Produces<TeamView[]>()
            .AllowRoles(PlatformRoles.Csr);
        teams.MapGet("/{id:guid}", GetAsync).WithName("GetTeam").WithSummary("A team with its current member and deputy per institution (Annex 4)")
            .Produces<TeamView>().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowRoles(PlatformRoles.CsrAndTeam).GuardRecord(PlanAccessRules.Team);
        teams.MapPut("/{id:guid}/institutions/{institution}", SeatAsync).WithName("SeatInstitution")
            .WithSummary("Set an institution's member and deputy; the previous ones stay in the history (If-Match: the team's ETag)")
            .Produces<TeamView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .AllowRoles(PlatformRoles.CsrSupervisor).GuardRecord(PlanAccessRules.Team);
        teams.MapDelete("/{id:guid}/institutions/{institution}", UnseatAsync).WithName("UnseatInstitution")
            .WithSummary("An institution leaves the team (If-Match: the team's ETag)")
            .Produces<TeamView>().ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .AllowRoles(PlatformRoles.CsrSupervisor).GuardRecord(PlanAccessRules.Team);
        teams.MapGet("/{id:guid}/history", HistoryAsync).WithName("GetTeamHistory").WithSummary("Every membership, past and current, in order")
            .Produces<MembershipView[]>().AllowRoles(PlatformRoles.Csr).GuardRecord(PlanAccessRules.Team);
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateTeamRequest request, SafetyPlanDbContext db, TimeProvider time, HttpContext http, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!http.Caller().WorksAtCentre(request.CentreCode!))
        {
            return Problems.Forbidden("centreCode", "A team is formed by its own centre.");
        }
        var team = Team.Create(request.CentreCode!, request.Name!.Trim(), time.GetUtcNow());
        db.Teams.Add(team);
        // Plans convened while the centre had no team wait for one (Annex 4): this team takes them up.
        foreach (var waiting in await db.SafetyPlans.Where(p => p.CentreCode == team.CentreCode && p.TeamId == null && p.State == PlanState.Convened)
                     .ToListAsync(cancellationToken))
        {
            waiting.GiveTeam(team.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        response.SetETag(team.Version);
        return TypedResults.Created($"{SafetyPlanService.Description.ApiPrefix}/teams/{team.Id}", TeamQueries.View(team, []));
    }

    private static async Task<IResult> ListAsync(string? centre, HttpContext http, SafetyPlanDbContext db, CancellationToken cancellationToken)
    {
        (centre, var refused) = InstitutionScope.Own(http, centre, "centre");
        if (refused is not null)
        {
            return refused;
        }
        var teams = await db.Teams.AsNoTracking().Where(t => centre == null || t.CentreCode == centre).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var ids = teams.Select(t => t.Id).ToList();
        var seats = await db.TeamMemberships.AsNoTracking().Where(m => ids.Contains(m.TeamId) && m.ValidTo == null).ToListAsync(cancellationToken);
        return TypedResults.Ok(teams.Select(t => TeamQueries.View(t, seats.Where(s => s.TeamId == t.Id))).ToArray());
    }

    private static async Task<IResult> GetAsync(Guid id, SafetyPlanDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return NoSuchTeam();
        }
        response.SetETag(team.Version);
        return TypedResults.Ok(TeamQueries.View(team, await TeamQueries.CurrentMembershipsAsync(db, id, cancellationToken)));
    }

    private static async Task<IResult> SeatAsync(
        Guid id, string institution, SeatRequest request, HttpRequest http, HttpResponse response, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!KebabCaseEnum.TryParse<InstitutionKind>(institution, out var kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["institution"] = [$"Unknown institution; one of {KebabCaseEnum.Names<InstitutionKind>()}."],
            });
        }
        return await ChangeSeatsAsync(id, kind, http, response, db, time, cancellationToken, request);
    }

    private static async Task<IResult> UnseatAsync(
        Guid id, string institution, HttpRequest http, HttpResponse response, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!KebabCaseEnum.TryParse<InstitutionKind>(institution, out var kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["institution"] = [$"Unknown institution; one of {KebabCaseEnum.Names<InstitutionKind>()}."],
            });
        }
        return await ChangeSeatsAsync(id, kind, http, response, db, time, cancellationToken, seat: null);
    }

    /// <summary>Closes the institution's current seats and, when <paramref name="seat"/> is given, opens new ones.</summary>
    private static async Task<IResult> ChangeSeatsAsync(
        Guid id, InstitutionKind kind, HttpRequest http, HttpResponse response, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken,
        SeatRequest? seat)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var team = (await db.Teams.FromSql($"SELECT *, xmin FROM teams WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
        if (team is null)
        {
            return NoSuchTeam();
        }
        if (http.CheckIfMatch(team.Version) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var current = await db.TeamMemberships.Where(m => m.TeamId == id && m.Institution == kind && m.ValidTo == null).ToListAsync(cancellationToken);
        current.ForEach(m => m.End(now));
        // Close the old seats first: the unique "one current seat" index must never see two at once.
        await db.SaveChangesAsync(cancellationToken);
        if (seat is not null)
        {
            var opened = new List<TeamMembership> { TeamMembership.Start(id, kind, seat.InstitutionName!.Trim(), MemberRole.Member, seat.Member!.ToDetails(), now) };
            if (seat.Deputy is not null)
            {
                opened.Add(TeamMembership.Start(id, kind, seat.InstitutionName!.Trim(), MemberRole.Deputy, seat.Deputy.ToDetails(), now));
            }
            foreach (var person in opened)
            {
                db.TeamMemberships.Add(person);
                // Issue 22 §4: a new person gets a code to accept the seat; the same person seated again keeps it.
                if (!current.Any(person.KeepHolderOf))
                {
                    TeamNotices.PublishSeatInvitation(db, team, person, person.Invite(now), now);
                }
            }
        }
        team.Touch(now);
        if (seat is not null)
        {
            await RedraftPlansAsync(db, id, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await TeamNotices.PublishRosterAsync(db, team, now, cancellationToken);
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(team.Version);
        return TypedResults.Ok(TeamQueries.View(team, await TeamQueries.CurrentMembershipsAsync(db, id, cancellationToken)));
    }

    /// <summary>The team's plans still being drafted give their measures to the seats now filled (<see cref="PlanDrafting.Redraft"/>).</summary>
    private static async Task RedraftPlansAsync(SafetyPlanDbContext db, Guid teamId, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var drafting = db.SafetyPlans.Where(p => p.TeamId == teamId && p.State == PlanState.Convened).Select(p => p.Id);
        var measures = await db.PlanMeasures.Where(m => drafting.Contains(m.PlanId)).ToListAsync(cancellationToken);
        if (measures.Count > 0)
        {
            PlanDrafting.Redraft(measures, await TeamQueries.CurrentMembershipsAsync(db, teamId, cancellationToken));
        }
    }

    private static async Task<IResult> HistoryAsync(Guid id, SafetyPlanDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return NoSuchTeam();
        }
        var all = await db.TeamMemberships.AsNoTracking().Where(m => m.TeamId == id)
            .OrderBy(m => m.ValidFrom).ThenBy(m => m.Institution).ThenBy(m => m.Role).ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(MembershipView.From).ToArray());
    }

    private static IResult NoSuchTeam() => Problems.NotFound("There is no such team.");
}
