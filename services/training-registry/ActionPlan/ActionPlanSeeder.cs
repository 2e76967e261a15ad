using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.ActionPlan;

/// <summary>
/// Loads the action plan's training and capacity-building activities (seed 000; modules of seed 002) from the
/// embedded action-plan.json at start: adds what is missing, never changes what is there.
/// </summary>
public sealed class ActionPlanSeeder(TrainingRegistryDbContext db, ILogger<ActionPlanSeeder> logger) : IStartupDataStep
{
    private sealed record PriorityDto(int Number, string Title, string TitleEn);
    private sealed record GoalDto(string Code, int Priority, string Title, string TitleEn);
    private sealed record ActivityDto(string Code, string Goal, string Description, string TitleEn, int? FromYear, int? ToYear,
        List<ActivityIndicator> Indicators, List<TargetGroup> TargetGroups, List<string> Responsible, string? Fiscal);
    private sealed record PlanDto(List<PriorityDto> Priorities, List<GoalDto> Goals, List<ActivityDto> Activities);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(ActionPlanSeeder).Assembly.GetManifestResourceStream("Safeguard.TrainingRegistry.ActionPlan.action-plan.json")
            ?? throw new InvalidOperationException("The action plan is not embedded.");
        var plan = await JsonSerializer.DeserializeAsync<PlanDto>(stream, JsonColumn.Options, cancellationToken)
            ?? throw new InvalidOperationException("The action plan is empty.");

        var goals = await db.Goals.Select(g => g.Code).ToListAsync(cancellationToken);
        var activities = await db.Activities.Select(a => a.Code).ToListAsync(cancellationToken);
        foreach (var goal in plan.Goals.Where(g => !goals.Contains(g.Code)))
        {
            var priority = plan.Priorities.Single(p => p.Number == goal.Priority);
            db.Goals.Add(Goal.Create(goal.Code, goal.Priority, priority.Title, priority.TitleEn, goal.Title, goal.TitleEn));
        }
        var added = plan.Activities.Where(a => !activities.Contains(a.Code)).ToList();
        foreach (var a in added)
        {
            db.Activities.Add(Activity.Create(a.Code, a.Goal, a.Description, a.TitleEn, a.FromYear, a.ToYear, a.Indicators, a.TargetGroups, a.Responsible, a.Fiscal));
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
