using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Persistence;
using Safeguard.TrainingRegistry.Sessions;

namespace Safeguard.TrainingRegistry.Indicators;

/// <param name="Actual">Counted from the records over <see cref="CountedFrom"/>-<see cref="CountedTo"/>; null when the registry cannot count this indicator.</param>
/// <param name="Scope">The target's scope: "timeframe" (counted over the activity's years so far) or "per-year"; null without a target.</param>
public sealed record IndicatorProgress(string Text, string TextEn, IndicatorMeasure? Measure, int? Target, TargetScope? Scope, int? CountedFrom, int? CountedTo,
    int? Actual, bool? Met);

/// <summary>An activity's year: trainings held and people trained, by target group and institution, against its indicators.</summary>
/// <param name="Suppressed">Counts of people were withheld (null) by the small-count rule: the view left the registry for an analyst.</param>
public sealed record ActivityYear(string Code, string TitleEn, string Timeframe, int Year, int TrainingsHeld, int? PeopleTrained, int? TrainersCertified,
    IReadOnlyDictionary<string, int?> ByTargetGroup, IReadOnlyDictionary<string, int?> ByInstitution, IReadOnlyList<IndicatorProgress> Indicators,
    bool Suppressed = false);

/// <summary>One completion, the unit every count is made of; <see cref="Year"/> is the year its session ended.</summary>
public sealed record CompletionFact(string ActivityCode, int Year, Guid SessionId, Guid ParticipantId, TargetGroup TargetGroup, string Institution, bool MadeTrainer);

/// <summary>The records a year's view is counted from, with the earlier years of the activities' timeframes for the targets stated over them.</summary>
public sealed record TrainingFacts(List<Activity> Activities, List<CompletionFact> Completions, Dictionary<(string Code, int Year), int> Held)
{
    public List<CompletionFact> CompletionsIn(int year) => [.. Completions.Where(c => c.Year == year)];

    public int HeldIn(string code, int from, int to) => Enumerable.Range(from, to - from + 1).Sum(y => Held.GetValueOrDefault((code, y)));
}

/// <summary>
/// Counts from the records (the year a session ends is its year): a training is held when someone attended it; a person
/// is trained once per activity and span counted, however many sessions she completed.
/// </summary>
public static class TrainingIndicators
{
    public static async Task<TrainingFacts> LoadAsync(TrainingRegistryDbContext db, int year, CancellationToken cancellationToken)
    {
        var activities = (await db.Activities.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(a => a.Code, ActivityCodeOrder.Instance).ToList();
        // Targets over a timeframe count its earlier years too.
        var firstYear = Math.Min(year, activities.Where(a => a.FromYear <= year).Select(a => a.FromYear!.Value).DefaultIfEmpty(year).Min());
        var (first, last) = (new DateOnly(firstYear, 1, 1), new DateOnly(year, 12, 31));
        var held = (await (from s in db.Sessions.AsNoTracking()
                           where s.State != SessionState.Cancelled && s.EndsOn >= first && s.EndsOn <= last
                                 && db.Enrolments.Any(e => e.SessionId == s.Id && e.Attended)
                           group s by new { s.ActivityCode, s.EndsOn.Year } into g
                           select new { g.Key.ActivityCode, g.Key.Year, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => (x.ActivityCode, x.Year), x => x.Count);
        var completions = await (from e in db.Enrolments.AsNoTracking()
                                 join s in db.Sessions.AsNoTracking() on e.SessionId equals s.Id
                                 join p in db.Participants.AsNoTracking() on e.ParticipantId equals p.Id
                                 where e.CompletedAt != null && s.EndsOn >= first && s.EndsOn <= last
                                 select new CompletionFact(s.ActivityCode, s.EndsOn.Year, s.Id, p.Id, p.TargetGroup, p.Institution,
                                     db.Trainers.Any(t => t.ParticipantId == p.Id && t.ViaSessionId == s.Id))).ToListAsync(cancellationToken);
        return new TrainingFacts(activities, completions, held);
    }

    public static ActivityYear For(Activity activity, int year, TrainingFacts facts)
    {
        var mine = facts.Completions.Where(c => c.ActivityCode == activity.Code).ToList();
        var people = mine.Where(c => c.Year == year).DistinctBy(c => c.ParticipantId).ToList();
        int? Count(IndicatorMeasure? measure, int from, int to)
        {
            var span = mine.Where(c => c.Year >= from && c.Year <= to).ToList();
            return measure switch
            {
                IndicatorMeasure.TrainingsHeld => facts.HeldIn(activity.Code, from, to),
                IndicatorMeasure.PeopleTrained => span.Select(c => c.ParticipantId).Distinct().Count(),
                IndicatorMeasure.TrainersCertified => span.Where(c => c.MadeTrainer).Select(c => c.ParticipantId).Distinct().Count(),
                _ => null,
            };
        }
        IndicatorProgress Progress(ActivityIndicator i)
        {
            if (activity.YearsCounted(i, year) is not var (from, to))
            {
                return new IndicatorProgress(i.Text, i.TextEn, i.Measure, i.Target, i.Scope, null, null, i.Measure is null ? null : 0, i.Target is null ? null : false);
            }
            var actual = Count(i.Measure, from, to);
            return new IndicatorProgress(i.Text, i.TextEn, i.Measure, i.Target, i.Scope, from, to, actual, i.Target is { } t && actual is { } a ? a >= t : null);
        }
        var sessions = facts.HeldIn(activity.Code, year, year);
        return new ActivityYear(activity.Code, activity.TitleEn, activity.Timeframe, year, sessions, people.Count,
            mine.Where(c => c.Year == year && c.MadeTrainer).Select(c => c.ParticipantId).Distinct().Count(),
            people.GroupBy(p => KebabCaseEnum.Name(p.TargetGroup)).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => (int?)g.Count()),
            people.GroupBy(p => p.Institution).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => (int?)g.Count()),
            activity.Indicators.Select(Progress).ToList());
    }
}
