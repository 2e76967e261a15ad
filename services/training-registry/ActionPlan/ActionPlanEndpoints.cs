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

/// <summary>Orders "1.1.2" before "1.1.10", and "1.1.1a" (a second row of 1.1.1) right after "1.1.1": by each part's number, then its letters; text parts last.</summary>
public sealed class ActivityCodeOrder : IComparer<string>
{
    public static readonly ActivityCodeOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var (a, b) = ((x ?? "").Split('.'), (y ?? "").Split('.'));
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var ((na, sa), (nb, sb)) = (Part(a[i]), Part(b[i]));
            var order = na is { } ia && nb is { } ib ? ia.CompareTo(ib) : na.HasValue != nb.HasValue ? (na.HasValue ? -1 : 1) : 0;
            order = order != 0 ? order : string.CompareOrdinal(sa, sb);
            if (order != 0)
            {
                return order;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    private static (int? Number, string Letters) Part(string part)
    {
        var digits = part.TakeWhile(char.IsAsciiDigit).Count();
        return digits == 0 ? (null, part) : (int.Parse(part[..digits], System.Globalization.CultureInfo.InvariantCulture), part[digits..]);
    }
}
