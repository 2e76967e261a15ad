using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>A case of reported violence, owned by one centre for social work.</summary>
public sealed class Case : INameIndexed
{
    /// <summary>Rulebook Art. 5: the risk assessment is made immediately, at the latest 12 hours after the centre learns of the violence.</summary>
    public static readonly TimeSpan AssessmentDeadline = TimeSpan.FromHours(12);

    private Case() { }

    public Guid Id { get; private set; }

    /// <summary>Centre code, year and number, e.g. "SK-2026-00042": identifies the case without identifying anyone.</summary>
    public string Reference { get; private set; } = "";

    public string CentreCode { get; private set; } = "";

    public ReportSource ReportedBy { get; private set; }

    public DateTimeOffset LearnedAt { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset AssessmentDueAt { get; private set; }

    public Victim Victim { get; private set; } = null!;

    public List<HouseholdMember> Household { get; private set; } = [];

    public Perpetrator? Perpetrator { get; private set; }

    /// <summary>Keyed hashes of the words of the victim's and household members' names (<see cref="NameSearch"/>).</summary>
    public List<string> NameTokens { get; private set; } = [];

    public CaseState State { get; private set; }

    public RiskLevel? RiskLevel { get; private set; }

    public int AssessmentCount { get; private set; }

    public DateTimeOffset? FirstAssessedAt { get; private set; }

    public DateTimeOffset? TeamConveningRequestedAt { get; private set; }

    /// <summary>When consent was last given or withdrawn: a consent changes the case's version like any other change.</summary>
    public DateTimeOffset? ConsentChangedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosureReason { get; private set; }

    /// <summary>When who the case is about was erased (issue 24 §10), and why: the retention period, or a request.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public ErasureGround? ErasureGround { get; private set; }

    /// <summary>PostgreSQL's row version (xmin): the ETag that guards against silent overwrites.</summary>
    public uint Version { get; private set; }

    /// <summary>Rulebook Art. 22(2): for a child or a person with limited or removed legal capacity, protection proceeds without consent.</summary>
    public bool ProtectionWithoutConsent => Victim.Category is VictimCategory.Child or VictimCategory.LimitedLegalCapacity;

    /// <summary>
    /// A closed case takes no more assessments, consents or reports: its file is complete, and new violence
    /// is a new report to the centre (Art. 5), with its own 12-hour clock.
    /// </summary>
    public RuleBroken? CheckOpen() => State == CaseState.Closed
        ? RuleBroken.Conflict("state", $"Case {Reference} was closed and takes no more assessments, consents or reports.")
        : null;

    /// <summary>
    /// Rulebook Art. 21: the safety plan ends only by the team's decision on a reassessment. A case whose plan is
    /// live cannot be closed around it: its clocks would go on alerting for a case nobody works.
    /// </summary>
    public RuleBroken? CheckClosable(bool safetyPlanLive) => CheckOpen() ?? (safetyPlanLive
        ? RuleBroken.Conflict("safetyPlan",
            $"Case {Reference} has a live safety plan: the team closes it on a reassessment first (Art. 21), then the case can close.")
        : null);

    public bool IsAssessmentOverdue(DateTimeOffset now) => FirstAssessedAt is null && State != CaseState.Closed && now >= AssessmentDueAt;

    public static Case Open(
        CaseReference reference, ReportSource reportedBy, DateTimeOffset learnedAt, DateTimeOffset now,
        Victim victim, IEnumerable<HouseholdMember> household, Perpetrator? perpetrator, NameSearch nameSearch)
    {
        var opened = new Case
        {
            Id = Guid.CreateVersion7(),
            Reference = reference.ToString(),
            CentreCode = reference.CentreCode,
            ReportedBy = reportedBy,
            LearnedAt = learnedAt,
            OpenedAt = now,
            AssessmentDueAt = learnedAt + AssessmentDeadline,
            Victim = victim,
            Household = household.ToList(),
            Perpetrator = perpetrator,
            State = CaseState.AwaitingAssessment,
        };
        opened.IndexNames(nameSearch);
        return opened;
    }

    /// <summary>A case is found by its victim's or a household member's name, never by the perpetrator's.</summary>
    public void IndexNames(NameSearch nameSearch) =>
        NameTokens = nameSearch.TokensOf(Household.Select(m => m.FullName).Prepend(Victim.FullName));

    /// <returns>The level the case had before.</returns>
    public RiskLevel? RecordAssessment(RiskLevel level, DateTimeOffset assessedAt)
    {
        var previous = RiskLevel;
        RiskLevel = level;
        AssessmentCount++;
        FirstAssessedAt ??= assessedAt;
        if (State == CaseState.AwaitingAssessment)
        {
            State = CaseState.Assessed;
        }
        return previous;
    }

    public void RequestTeamConvening(DateTimeOffset now)
    {
        TeamConveningRequestedAt ??= now;
        State = CaseState.TeamConvened;
    }

    public void NoteConsentChange(DateTimeOffset now) => ConsentChangedAt = now;

    public void Close(string reason, DateTimeOffset now)
    {
        State = CaseState.Closed;
        ClosedAt = now;
        ClosureReason = reason;
    }

    /// <summary>What an erased name reads as.</summary>
    public const string Erased = "";

    /// <summary>
    /// Issue 24 §10: only a closed case is erased. An open one is a protection in progress, and its file is what
    /// the centre acts on (Rulebook Art. 5); erasing it once is enough.
    /// </summary>
    public RuleBroken? CheckErasable() =>
        State != CaseState.Closed
            ? RuleBroken.Conflict("state", $"Case {Reference} is open: protection continues, so it can be erased only once it is closed.")
            : ErasedAt is not null
                ? RuleBroken.Conflict("erasedAt", $"Case {Reference} was erased already.")
                : null;

    /// <summary>
    /// Issue 24 §10: erases who the victim, her household and the perpetrator are, her date of birth and the words of
    /// the closure, and the name hashes that found her. What the indicators count stays: the centre, the dates, who
    /// reported, her legal category, the household's relations and children, the level and the state. The records
    /// under the case are erased with it (<see cref="CaseErasure"/>).
    /// </summary>
    public void Erase(ErasureGround ground, DateTimeOffset at)
    {
        Victim = new Victim(Erased, Victim.Category, DateOfBirth: null);
        Household = Household.Select(m => new HouseholdMember(Erased, m.Relation, m.IsChild)).ToList();
        Perpetrator = Perpetrator is { } p ? new Perpetrator(Erased, p.RelationToVictim) : null;
        ClosureReason = null;
        NameTokens = [];
        ErasedAt = at;
        ErasureGround = ground;
    }
}

internal sealed class CaseConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(c => c.Reference).HasColumnName("reference").HasMaxLength(40);
        b.HasIndex(c => c.Reference).IsUnique();
        b.Property(c => c.CentreCode).HasColumnName("centre_code").HasMaxLength(CaseReference.MaxCentreCodeLength);
        b.HasIndex(c => c.CentreCode);
        b.Property(c => c.ReportedBy).HasColumnName("reported_by").HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.LearnedAt).HasColumnName("learned_at");
        b.Property(c => c.OpenedAt).HasColumnName("opened_at");
        b.Property(c => c.AssessmentDueAt).HasColumnName("assessment_due_at");
        // Rulebook Art. 3: who the victim, her household and the perpetrator are is stored encrypted, found by keyed hashes.
        b.Property(c => c.Victim).HasColumnName("victim").IsPersonalJson(personalData);
        b.Property(c => c.Household).HasColumnName("household").IsPersonalJson(personalData);
        b.Property(c => c.Perpetrator).HasColumnName("perpetrator").IsPersonalJson(personalData);
        b.Property(c => c.NameTokens).HasColumnName("name_tokens").HasDefaultValueSql("'{}'");
        b.Property(c => c.State).HasColumnName("state").HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.RiskLevel).HasColumnName("risk_level").HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.AssessmentCount).HasColumnName("assessment_count");
        b.Property(c => c.FirstAssessedAt).HasColumnName("first_assessed_at");
        b.Property(c => c.TeamConveningRequestedAt).HasColumnName("team_convening_requested_at");
        b.Property(c => c.ConsentChangedAt).HasColumnName("consent_changed_at");
        b.Property(c => c.ClosedAt).HasColumnName("closed_at");
        b.Property(c => c.ClosureReason).HasColumnName("closure_reason").IsPersonalData(personalData);
        b.Property(c => c.ErasedAt).HasColumnName("erased_at");
        b.Property(c => c.ErasureGround).HasColumnName("erasure_ground").HasConversion<string>().HasMaxLength(30);
        // The retention step looks only at closed cases not yet erased.
        b.HasIndex(c => c.ClosedAt).HasFilter("erased_at IS NULL AND closed_at IS NOT NULL").HasDatabaseName("ix_cases_awaiting_erasure");
        b.Property(c => c.Version).IsRowVersion();
        // The deadline watcher looks only at cases still waiting for their first assessment.
        b.HasIndex(c => c.AssessmentDueAt).HasFilter("first_assessed_at IS NULL")
            .HasDatabaseName("ix_cases_awaiting_deadline");
    }
}
