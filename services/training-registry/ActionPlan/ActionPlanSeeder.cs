using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.ActionPlan;

/// <summary>
/// Loads the action plan's training and capacity-building activities (seed 000; modules of seed 002) from the
/// embedded action-plan.json at start: adds what is missing and brings the activities already there to the plan's
/// text (they are the plan's, never edited through the API). A target without its scope stops the start.
/// </summary>
public sealed class ActionPlanSeeder(TrainingRegistryDbContext db, ILogger<ActionPlanSeeder> logger) : IStartupDataStep
{
    private sealed record PriorityDto(int Number, string Title, string TitleEn);
    private sealed record GoalDto(string Code, int Priority, string Title, string TitleEn);
    private sealed record ActivityDto(string Code, string Goal, string Description, string TitleEn, int? FromYear, int? ToYear,
        List<ActivityIndicator> Indicators, List<TargetGroup> TargetGroups, List<string> Responsible, string? Fiscal, int? MaxYearsOfExperience);
    private sealed record PlanDto(List<PriorityDto> Priorities, List<GoalDto> Goals, List<ActivityDto> Activities);

    /// <summary>The embedded plan's activities, checked: every target states whether it is over the timeframe or per year.</summary>
    public static async Task<IReadOnlyList<Activity>> PlanActivitiesAsync(CancellationToken cancellationToken) =>
        [.. (await ReadAsync(cancellationToken)).Activities.Select(ToActivity)];

    private static Activity ToActivity(ActivityDto a) =>
        Activity.Create(a.Code, a.Goal, a.Description, a.TitleEn, a.FromYear, a.ToYear, a.Indicators, a.TargetGroups, a.Responsible, a.Fiscal,
            a.MaxYearsOfExperience);

    private static async Task<PlanDto> ReadAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(ActionPlanSeeder).Assembly.GetManifestResourceStream("Safeguard.TrainingRegistry.ActionPlan.action-plan.json")
            ?? throw new InvalidOperationException("The action plan is not embedded.");
        var plan = await JsonSerializer.DeserializeAsync<PlanDto>(stream, JsonColumn.Options, cancellationToken)
            ?? throw new InvalidOperationException("The action plan is empty.");
        if (plan.Activities.SelectMany(a => a.Indicators.Select(i => (a.Code, i))).FirstOrDefault(x => x.i.Target is not null && x.i.Scope is null) is { Code: { } code })
        {
            throw new InvalidOperationException($"Activity {code} has a target without its scope (timeframe or per-year).");
        }
        return plan;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var plan = await ReadAsync(cancellationToken);

        var goals = await db.Goals.Select(g => g.Code).ToListAsync(cancellationToken);
        var existing = await db.Activities.ToDictionaryAsync(a => a.Code, cancellationToken);
        var activities = existing.Keys.ToList();
        foreach (var goal in plan.Goals.Where(g => !goals.Contains(g.Code)))
        {
            var priority = plan.Priorities.Single(p => p.Number == goal.Priority);
            db.Goals.Add(Goal.Create(goal.Code, goal.Priority, priority.Title, priority.TitleEn, goal.Title, goal.TitleEn));
        }
        var added = plan.Activities.Where(a => !activities.Contains(a.Code)).ToList();
        foreach (var a in added)
        {
            db.Activities.Add(ToActivity(a));
        }
        foreach (var a in plan.Activities.Where(a => existing.ContainsKey(a.Code)))
        {
            existing[a.Code].MatchPlan(ToActivity(a));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (added.Count > 0)
        {
            logger.LogInformation("Another instance loaded the action plan first");
            return;
        }
        if (added.Count > 0)
        {
            logger.LogInformation("Loaded {Count} action-plan activities", added.Count);
        }
    }
}
