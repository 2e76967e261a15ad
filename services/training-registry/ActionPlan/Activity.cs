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

    public static Activity Create(string code, string goalCode, string description, string titleEn, int? fromYear, int? toYear,
        IReadOnlyList<ActivityIndicator> indicators, IReadOnlyList<TargetGroup> targetGroups, IReadOnlyList<string> responsible, string? fiscal) => new()
    {
        Code = code, GoalCode = goalCode, Description = description, TitleEn = titleEn, FromYear = fromYear, ToYear = toYear,
        Indicators = indicators, TargetGroups = targetGroups, Responsible = responsible, Fiscal = fiscal,
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
    public void MatchPlan(string goalCode, string description, string titleEn, int? fromYear, int? toYear, IReadOnlyList<ActivityIndicator> indicators,
        IReadOnlyList<TargetGroup> targetGroups, IReadOnlyList<string> responsible, string? fiscal) =>
        (GoalCode, Description, TitleEn, FromYear, ToYear, Indicators, TargetGroups, Responsible, Fiscal) =
        (goalCode, description, titleEn, fromYear, toYear, indicators, targetGroups, responsible, fiscal);

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
        b.Ignore(a => a.Timeframe);
    }
}
