using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.ActionPlan;

public static class ActionPlanEndpoints
{
    public static IEndpointRouteBuilder MapActionPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var prefix = TrainingRegistryService.Description.ApiPrefix;
        app.MapGet(prefix + "/goals", async (TrainingRegistryDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Goals.AsNoTracking().OrderBy(g => g.Priority).ThenBy(g => g.Code).ToListAsync(ct)))
            .WithTags("Action plan").WithName("ListGoals").WithSummary("Strategic priorities and goals of the action plan");
        app.MapGet(prefix + "/activities", async (TrainingRegistryDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.Activities.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Code, ActivityCodeOrder.Instance).ToList()))
            .WithTags("Action plan").WithName("ListActivities").WithSummary("The training and capacity-building activities (seed 000; modules of seed 002)");
        app.MapGet(prefix + "/activities/{code}", async (string code, TrainingRegistryDbContext db, CancellationToken ct) =>
                await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct) is { } found
                    ? Results.Ok(found) : Problems.NotFound("The action plan has no such activity."))
            .WithTags("Action plan").WithName("GetActivity").WithSummary("One activity with its indicators and targets")
            .Produces<Activity>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}

/// <summary>Orders "1.1.2" before "1.1.10": numerically by each part, text parts last.</summary>
public sealed class ActivityCodeOrder : IComparer<string>
{
    public static readonly ActivityCodeOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var (a, b) = ((x ?? "").Split('.'), (y ?? "").Split('.'));
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var (na, nb) = (int.TryParse(a[i], out var ia), int.TryParse(b[i], out var ib));
            var order = na && nb ? ia.CompareTo(ib) : na != nb ? (na ? -1 : 1) : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return a.Length.CompareTo(b.Length);
    }
}
