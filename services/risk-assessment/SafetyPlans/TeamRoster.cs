using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.RiskAssessment.SafetyPlans;

/// <summary>
/// Who sits on a multisectoral team now, as safety-plan reports it (TeamRosterChanged): the work e-mail
/// addresses of its members and deputies. A case's police report is open to the current members of the
/// team of its live plan (Art. 19), and to nobody who has left.
/// </summary>
public sealed class TeamRoster
{
    private TeamRoster() { }

    public Guid TeamId { get; private set; }

    public List<string> MemberEmails { get; private set; } = [];

    /// <summary>When safety-plan said so: the later roster wins, whatever order the events arrive in.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public static TeamRoster Of(Guid teamId, IEnumerable<string> emails, DateTimeOffset asOf) =>
        new() { TeamId = teamId, MemberEmails = Normalise(emails), AsOf = asOf };

    public void Report(IEnumerable<string> emails, DateTimeOffset asOf)
    {
        if (asOf > AsOf)
        {
            MemberEmails = Normalise(emails);
            AsOf = asOf;
        }
    }

    public bool Seats(string? email) => email is not null && MemberEmails.Contains(email.Trim().ToLowerInvariant());

    private static List<string> Normalise(IEnumerable<string> emails) => emails.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList();
}

internal sealed class TeamRosterConfiguration : IEntityTypeConfiguration<TeamRoster>
{
    public void Configure(EntityTypeBuilder<TeamRoster> b)
    {
        b.ToTable("team_rosters");
        b.HasKey(r => r.TeamId);
        b.Property(r => r.TeamId).HasColumnName("team_id").ValueGeneratedNever();
        b.Property(r => r.MemberEmails).HasColumnName("member_emails").HasJsonConversion();
        b.Property(r => r.AsOf).HasColumnName("as_of");
    }
}
