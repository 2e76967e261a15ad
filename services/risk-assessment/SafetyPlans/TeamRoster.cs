using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.RiskAssessment.SafetyPlans;

/// <summary>
/// Who sits on a multisectoral team now, as safety-plan reports it (TeamRosterChanged): the accounts that hold
/// the seats of its members and deputies (issue 22 §4). A case's police report is open to the current members
/// of the team of its live plan (Art. 19), and to nobody who has left, whatever e-mail a token claims.
/// </summary>
public sealed class TeamRoster
{
    private TeamRoster() { }

    public Guid TeamId { get; private set; }

    public List<string> MemberSubjects { get; private set; } = [];

    /// <summary>When safety-plan said so: the later roster wins, whatever order the events arrive in.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public static TeamRoster Of(Guid teamId, IEnumerable<string> subjects, DateTimeOffset asOf) =>
        new() { TeamId = teamId, MemberSubjects = subjects.Distinct().ToList(), AsOf = asOf };

    public void Report(IEnumerable<string> subjects, DateTimeOffset asOf)
    {
        if (asOf > AsOf)
        {
            MemberSubjects = subjects.Distinct().ToList();
            AsOf = asOf;
        }
    }

    public bool Seats(string subject) => subject.Length > 0 && MemberSubjects.Contains(subject);
}

internal sealed class TeamRosterConfiguration : IEntityTypeConfiguration<TeamRoster>
{
    public void Configure(EntityTypeBuilder<TeamRoster> b)
    {
        b.ToTable("team_rosters");
        b.HasKey(r => r.TeamId);
        b.Property(r => r.TeamId).HasColumnName("team_id").ValueGeneratedNever();
        b.Property(r => r.MemberSubjects).HasColumnName("member_subjects").HasJsonConversion();
        b.Property(r => r.AsOf).HasColumnName("as_of");
    }
}
