using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.TrainingRegistry.ActionPlan;

/// <summary>An indicator of an activity as the plan words it; <see cref="Target"/> when the plan sets a number (e.g. at least 20 trainers),
/// with the <see cref="Scope"/> its wording gives it.</summary>
public sealed record ActivityIndicator(string Text, string TextEn, IndicatorMeasure? Measure, int? Target, TargetScope? Scope = null);

/// <summary>A strategic goal and its priority (seed 000: "Стратешки приоритет", "Стратешка цел").</summary>
public sealed class Goal
{
    private Goal() { }

    public string Code { get; private set; } = "";
    public int Priority { get; private set; }
    public string PriorityTitle { get; private set; } = "";
    public string PriorityTitleEn { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string TitleEn { get; private set; } = "";

    public static Goal Create(string code, int priority, string priorityTitle, string priorityTitleEn, string title, string titleEn) =>
        new() { Code = code, Priority = priority, PriorityTitle = priorityTitle, PriorityTitleEn = priorityTitleEn, Title = title, TitleEn = titleEn };
}

/// <summary>
/// An action-plan activity (seed 000: "Клучни активности"): its code, description in the original language with
/// an English title, timeframe in years (null: the source sets none), indicators, target groups, responsible
/// institutions and fiscal implications.
/// </summary>
public sealed class Activity
{
    private Activity() { }

    public string Code { get; private set; } = "";
    public string GoalCode { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public int? FromYear { get; private set; }
    public int? ToYear { get; private set; }
    public IReadOnlyList<ActivityIndicator> Indicators { get; private set; } = [];
    public IReadOnlyList<TargetGroup> TargetGroups { get; private set; } = [];
    public IReadOnlyList<string> Responsible { get; private set; } = [];
    public string? Fiscal { get; private set; }

    /// <summary>The focus group's limit on work experience, when the plan sets one (1.1.1: police officers with at most 5 years).</summary>
    public int? MaxYearsOfExperience { get; private set; }

    public static Activity Create(string code, string goalCode, string description, string titleEn, int? fromYear, int? toYear,
        IReadOnlyList<ActivityIndicator> indicators, IReadOnlyList<TargetGroup> targetGroups, IReadOnlyList<string> responsible, string? fiscal,
        int? maxYearsOfExperience = null) => new()
    {
        Code = code, GoalCode = goalCode, Description = description, TitleEn = titleEn, FromYear = fromYear, ToYear = toYear,
        Indicators = indicators, TargetGroups = targetGroups, Responsible = responsible, Fiscal = fiscal, MaxYearsOfExperience = maxYearsOfExperience,
    };

    /// <summary>Why a person with this much work experience may not be trained under the activity; null when she may.</summary>
    public string? RefuseExperience(int? yearsOfExperience) => MaxYearsOfExperience switch
    {
        null => null,
        _ when yearsOfExperience is null => $"Activity {Code} trains people with at most {MaxYearsOfExperience} years of work experience: state hers.",
        var max when yearsOfExperience > max => $"Activity {Code} trains people with at most {max} years of work experience, not {yearsOfExperience}.",
        _ => null,
    };

    /// <summary>
    /// The years an indicator's count covers in the view of <paramref name="year"/>: that year alone, or for a target
    /// stated over the timeframe, the timeframe's years up to it (12 trained in 2023 and 10 in 2024 make 22 towards
    /// "at least 20" over 2023-2025). Null when the year is before the timeframe.
    /// </summary>
    public (int From, int To)? YearsCounted(ActivityIndicator indicator, int year)
    {
        if (indicator.Scope != TargetScope.Timeframe || FromYear is not { } from)
        {
            return (year, year);
        }
        return year < from ? null : (from, Math.Min(year, ToYear ?? year));
    }

    /// <summary>The plan's text of the activity, when the plan is reloaded: activities are the plan's, never edited here.</summary>
    public void MatchPlan(Activity plan) =>
        (GoalCode, Description, TitleEn, FromYear, ToYear, Indicators, TargetGroups, Responsible, Fiscal, MaxYearsOfExperience) =
        (plan.GoalCode, plan.Description, plan.TitleEn, plan.FromYear, plan.ToYear, plan.Indicators, plan.TargetGroups, plan.Responsible, plan.Fiscal,
            plan.MaxYearsOfExperience);

    /// <summary>Whether a session on these days falls inside the activity's years.</summary>
    public bool Covers(DateOnly from, DateOnly to) => (FromYear is null || from.Year >= FromYear) && (ToYear is null || to.Year <= ToYear);

    public string Timeframe => FromYear is null ? "no timeframe" : $"{FromYear}-{ToYear}";
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.ToTable("goals");
        b.HasKey(g => g.Code);
        b.Property(g => g.Code).HasColumnName("code").HasMaxLength(10);
        b.Property(g => g.Priority).HasColumnName("priority");
        b.Property(g => g.PriorityTitle).HasColumnName("priority_title").HasMaxLength(300);
        b.Property(g => g.PriorityTitleEn).HasColumnName("priority_title_en").HasMaxLength(300);
        b.Property(g => g.Title).HasColumnName("title").HasMaxLength(300);
        b.Property(g => g.TitleEn).HasColumnName("title_en").HasMaxLength(300);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("activities");
        b.HasKey(a => a.Code);
        b.Property(a => a.Code).HasColumnName("code").HasMaxLength(10);
        b.Property(a => a.GoalCode).HasColumnName("goal_code").HasMaxLength(10);
        b.HasOne<Goal>().WithMany().HasForeignKey(a => a.GoalCode);
        b.Property(a => a.Description).HasColumnName("description").HasMaxLength(2000);
        b.Property(a => a.TitleEn).HasColumnName("title_en").HasMaxLength(500);
        b.Property(a => a.FromYear).HasColumnName("from_year");
        b.Property(a => a.ToYear).HasColumnName("to_year");
        b.Property(a => a.Indicators).HasColumnName("indicators").HasJsonConversion();
        b.Property(a => a.TargetGroups).HasColumnName("target_groups").HasJsonConversion();
        b.Property(a => a.Responsible).HasColumnName("responsible").HasJsonConversion();
        b.Property(a => a.Fiscal).HasColumnName("fiscal").HasMaxLength(500);
        b.Property(a => a.MaxYearsOfExperience).HasColumnName("max_years_of_experience");
        b.Ignore(a => a.Timeframe);
    }
}
