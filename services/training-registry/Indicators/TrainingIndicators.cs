using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Persistence;
using Safeguard.TrainingRegistry.Sessions;

namespace Safeguard.TrainingRegistry.Indicators;

/// <param name="Actual">Counted from the records; null when the registry cannot count this indicator.</param>
public sealed record IndicatorProgress(string Text, string TextEn, IndicatorMeasure? Measure, int? Target, int? Actual, bool? Met);

/// <summary>An activity's year: trainings held and people trained, by target group and institution, against its indicators.</summary>
public sealed record ActivityYear(string Code, string TitleEn, string Timeframe, int Year, int TrainingsHeld, int PeopleTrained, int TrainersCertified,
    IReadOnlyDictionary<string, int> ByTargetGroup, IReadOnlyDictionary<string, int> ByInstitution, IReadOnlyList<IndicatorProgress> Indicators);

/// <summary>One completion, the unit every count is made of.</summary>
public sealed record CompletionFact(string ActivityCode, Guid SessionId, Guid ParticipantId, TargetGroup TargetGroup, string Institution, bool MadeTrainer);

/// <summary>
/// Counts from the records of one year (the year a session ends): a training is held when someone attended it;
/// a person is trained once per activity and year however many sessions she completed.
/// </summary>
public static class TrainingIndicators
{
    public static async Task<(List<Activity> Activities, List<CompletionFact> Completions, Dictionary<string, int> Held)> LoadAsync(
        TrainingRegistryDbContext db, int year, CancellationToken cancellationToken)
    {
        var activities = (await db.Activities.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(a => a.Code, ActivityCodeOrder.Instance).ToList();
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var held = await (from s in db.Sessions.AsNoTracking()
                          where s.State != SessionState.Cancelled && s.EndsOn >= first && s.EndsOn <= last
                                && db.Enrolments.Any(e => e.SessionId == s.Id && e.Attended)
                          group s by s.ActivityCode into g
                          select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var completions = await (from e in db.Enrolments.AsNoTracking()
                                 join s in db.Sessions.AsNoTracking() on e.SessionId equals s.Id
                                 join p in db.Participants.AsNoTracking() on e.ParticipantId equals p.Id
                                 where e.CompletedAt != null && s.EndsOn >= first && s.EndsOn <= last
                                 select new CompletionFact(s.ActivityCode, s.Id, p.Id, p.TargetGroup, p.Institution,
                                     db.Trainers.Any(t => t.ParticipantId == p.Id && t.ViaSessionId == s.Id))).ToListAsync(cancellationToken);
        return (activities, completions, held);
    }

    public static ActivityYear For(Activity activity, int year, IReadOnlyList<CompletionFact> all, IReadOnlyDictionary<string, int> held)
    {
        var mine = all.Where(c => c.ActivityCode == activity.Code).ToList();
        var people = mine.DistinctBy(c => c.ParticipantId).ToList();
        var trainers = mine.Where(c => c.MadeTrainer).Select(c => c.ParticipantId).Distinct().Count();
        var sessions = held.GetValueOrDefault(activity.Code);
        int? Count(IndicatorMeasure? measure) => measure switch
        {
            IndicatorMeasure.TrainingsHeld => sessions,
            IndicatorMeasure.PeopleTrained => people.Count,
            IndicatorMeasure.TrainersCertified => trainers,
            _ => null,
        };
        return new ActivityYear(activity.Code, activity.TitleEn, activity.Timeframe, year, sessions, people.Count, trainers,
            people.GroupBy(p => KebabCaseEnum.Name(p.TargetGroup)).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            people.GroupBy(p => p.Institution).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            activity.Indicators.Select(i => new IndicatorProgress(i.Text, i.TextEn, i.Measure, i.Target, Count(i.Measure),
                i.Target is { } t && Count(i.Measure) is { } a ? a >= t : null)).ToList());
    }
}
