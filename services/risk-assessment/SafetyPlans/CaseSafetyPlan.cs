using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.RiskAssessment.SafetyPlans;

/// <summary>
/// Whether a case's safety plan is live, as safety-plan reports it (TeamConvened, SafetyPlanClosed). Kept
/// beside the case, not on its row, so that news from safety-plan never changes the case's ETag under a
/// professional who is editing it.
/// </summary>
public sealed class CaseSafetyPlan
{
    private CaseSafetyPlan() { }

    public Guid CaseId { get; private set; }

    public Guid PlanId { get; private set; }

    public bool Live { get; private set; }

    /// <summary>The team convened for the plan, when safety-plan named one.</summary>
    public Guid? TeamId { get; private set; }

    /// <summary>When safety-plan said so: the later report wins, whatever order the events arrive in.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public static CaseSafetyPlan Of(Guid caseId, Guid planId, bool live, Guid? teamId, DateTimeOffset asOf) =>
        new() { CaseId = caseId, PlanId = planId, Live = live, TeamId = teamId, AsOf = asOf };

    public void Report(Guid planId, bool live, Guid? teamId, DateTimeOffset asOf)
    {
        if (asOf > AsOf)
        {
            PlanId = planId;
            Live = live;
            TeamId = teamId ?? TeamId;
            AsOf = asOf;
        }
    }
}

internal sealed class CaseSafetyPlanConfiguration : IEntityTypeConfiguration<CaseSafetyPlan>
{
    public void Configure(EntityTypeBuilder<CaseSafetyPlan> b)
    {
        b.ToTable("case_safety_plans");
        b.HasKey(p => p.CaseId);
        b.Property(p => p.CaseId).HasColumnName("case_id").ValueGeneratedNever();
        b.HasOne<Cases.Case>().WithMany().HasForeignKey(p => p.CaseId);
        b.Property(p => p.PlanId).HasColumnName("plan_id");
        b.Property(p => p.Live).HasColumnName("live");
        b.Property(p => p.TeamId).HasColumnName("team_id");
        b.Property(p => p.AsOf).HasColumnName("as_of");
    }
}
