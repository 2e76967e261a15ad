using Safeguard.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.Reintegration.Cases;

/// <summary>
/// A household's reintegration case in a municipality, from arrival to the final assessment (004 §1.1-1.5).
/// Review dates are kept here too, so the clocks read one row; the reviews themselves are their own records.
/// </summary>
public sealed class ReintegrationCase
{
    public const int MaxCodeLength = 10;

    private ReintegrationCase() { }

    public Guid Id { get; private set; }

    /// <summary>"RI-DRG-2026-00007": safe to quote in e-mails and reports.</summary>
    public string Reference { get; private set; } = "";

    public string MunicipalityCode { get; private set; } = "";

    /// <summary>The centre for social work of the place of residence (000 §4.3.4), when known.</summary>
    public string? CsrCode { get; private set; }

    public PersonCategory Category { get; private set; }

    public ArrivalKind ArrivalKind { get; private set; }

    /// <summary>Return, grant of status or release; for a handover, the expected release until the release is recorded.</summary>
    public DateTimeOffset ArrivalAt { get; private set; }

    public string? PrisonName { get; private set; }

    /// <summary>When the prison handed the case over (000 §4.3.4).</summary>
    public DateTimeOffset? HandedOverAt { get; private set; }

    /// <summary>Set when the release of a handed-over prisoner is confirmed.</summary>
    public DateTimeOffset? ReleaseConfirmedAt { get; private set; }

    public Household Household { get; private set; } = null!;

    public CaseState State { get; private set; }

    /// <summary>The first joint visit with a needs assessment (004 §1.1): the one that keeps the 72 hours.</summary>
    public DateTimeOffset? VisitedAt { get; private set; }

    /// <summary>The first visit that lacked the municipal office or the CSR, while no joint visit was made (004 §1.1).</summary>
    public DateTimeOffset? IncompleteVisitAt { get; private set; }

    public DateTimeOffset? PlanAdoptedAt { get; private set; }

    public DateTimeOffset? LastMonthlyMonitoringAt { get; private set; }

    public DateTimeOffset? TwelveMonthReviewAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The final assessment's finding (004 §1.5).</summary>
    public bool? Sustainable { get; private set; }

    /// <summary>Why the case closed before its 18 months (004 §1.5): such a closure never counts as sustainable.</summary>
    public EarlyClosureReason? EarlyClosureReason { get; private set; }

    /// <summary>004 §1.5: the final assessment comes 18 months after arrival.</summary>
    public DateTimeOffset FinalAssessmentFrom => ArrivalAt.AddMonths(18);

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>When who the household is and where it lives were erased (issue 24 §10), and why.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public ErasureGround? ErasureGround { get; private set; }

    /// <summary>The prison or probation office that registered a release or handover: the only one that reaches it afterwards.</summary>
    public string? RegisteredByInstitution { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsClosed => State == CaseState.Closed;

    public static ReintegrationCase Register(
        string reference, string municipalityCode, string? csrCode, PersonCategory category, ArrivalKind arrival, DateTimeOffset arrivalAt,
        string? prisonName, DateTimeOffset? handedOverAt, Household household, DateTimeOffset now, string? registeredByInstitution = null) => new()
    {
        RegisteredByInstitution = registeredByInstitution,
        Id = Guid.CreateVersion7(), Reference = reference, MunicipalityCode = municipalityCode, CsrCode = csrCode, Category = category,
        ArrivalKind = arrival, ArrivalAt = arrivalAt, PrisonName = prisonName, HandedOverAt = handedOverAt, Household = household,
        State = CaseState.AwaitingVisit, RegisteredAt = now, UpdatedAt = now,
    };

    /// <summary>The prisoner handed over earlier is released: the 72 hours now run from the real release.</summary>
    public void ConfirmRelease(DateTimeOffset releasedAt, DateTimeOffset now)
    {
        ArrivalAt = releasedAt;
        ReleaseConfirmedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// A visit with the needs form. Its needs count either way (the plan is built from them), but only a joint visit
    /// (004 §1.1: with the municipal office and the CSR) keeps the 72-hour visit; until one is made the case says
    /// its visit is incomplete and the clock keeps running.
    /// </summary>
    public void RecordVisit(DateTimeOffset visitedAt, bool joint, DateTimeOffset now)
    {
        if (joint)
        {
            VisitedAt = VisitedAt is { } earlier && earlier < visitedAt ? earlier : visitedAt;
        }
        else if (VisitedAt is null)
        {
            IncompleteVisitAt = IncompleteVisitAt is { } first && first < visitedAt ? first : visitedAt;
        }
        if (State == CaseState.AwaitingVisit)
        {
            State = CaseState.Assessed;
        }
        UpdatedAt = now;
    }

    public void AdoptPlan(DateTimeOffset adoptedAt, DateTimeOffset now)
    {
        PlanAdoptedAt = adoptedAt;
        State = CaseState.PlanActive;
        UpdatedAt = now;
    }

    public void RecordMonthlyMonitoring(DateTimeOffset at, DateTimeOffset now) => (LastMonthlyMonitoringAt, UpdatedAt) = (Later(LastMonthlyMonitoringAt, at), now);


    public void RecordTwelveMonthReview(DateTimeOffset at, DateTimeOffset now) => (TwelveMonthReviewAt, UpdatedAt) = (at, now);

    /// <summary>
    /// Seed 004 §1.5: the final assessment, at or after 18 months from arrival, records whether reintegration is
    /// sustainable. Before that the case closes only for a reason that ends it (death, departure, transfer),
    /// and such a closure is never "sustainable". Nothing changes when a rule is broken.
    /// </summary>
    public RuleBroken? CheckFinalAssessment(DateTimeOffset at, bool? sustainable, EarlyClosureReason? reason)
    {
        if (at >= FinalAssessmentFrom)
        {
            if (reason is not null)
            {
                return RuleBroken.Invalid("earlyClosureReason", "The case has reached its 18 months: its final assessment is the regular one (004 §1.5).");
            }
            return sustainable is null
                ? RuleBroken.Invalid("sustainable", "The final assessment records whether reintegration is sustainable (004 §1.5).")
                : null;
        }
        if (reason is null)
        {
            return RuleBroken.Conflict("reviewedAt",
                $"004 §1.5: the final assessment comes 18 months after arrival, from {FinalAssessmentFrom:yyyy-MM-dd}; before that a case closes only with an early-closure reason (death, departure, transfer).");
        }
        return sustainable == true
            ? RuleBroken.Invalid("sustainable", "A case closed before its 18 months does not count as sustainable reintegration (004 §1.5).")
            : null;
    }

    public void Close(DateTimeOffset at, bool? sustainable, EarlyClosureReason? reason, DateTimeOffset now)
    {
        State = CaseState.Closed;
        ClosedAt = at;
        Sustainable = reason is null && sustainable == true;
        EarlyClosureReason = reason;
        UpdatedAt = now;
    }

    /// <summary>What an erased text reads as.</summary>
    public const string Erased = "";

    /// <summary>
    /// Issue 24 §10: only a closed case is erased. An open one is a reintegration in progress whose plan, referrals and
    /// clocks act on it (004 §1.2-1.5); erasing it once is enough.
    /// </summary>
    public RuleBroken? CheckErasable() =>
        !IsClosed
            ? RuleBroken.Conflict("state", $"Case {Reference} is open: reintegration continues, so it can be erased only once its final assessment closed it.")
            : ErasedAt is not null
                ? RuleBroken.Conflict("erasedAt", $"Case {Reference} was erased already.")
                : null;

    /// <summary>
    /// Issue 24 §10: erases where the household lives, how it is reached and the prison it came from. What the
    /// indicators and the progress report count stays: the municipality, the centre, the category, the dates, the
    /// clocks kept and the final finding. The records under the case are erased with it (<see cref="CaseErasure"/>).
    /// </summary>
    public void Erase(ErasureGround ground, DateTimeOffset at)
    {
        Household = new Household(Erased, Phone: null);
        PrisonName = null;
        ErasedAt = at;
        ErasureGround = ground;
    }

    /// <summary>Something in the case changed (a member, a consent, a plan item): its ETag changes too.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    private static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset candidate) => current is { } c && c > candidate ? c : candidate;
}

/// <summary>Where and how the household is reached: personal data, shown only inside the case.</summary>
public sealed record Household(string Address, string? Phone);

internal sealed class ReintegrationCaseConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<ReintegrationCase>
{
    public void Configure(EntityTypeBuilder<ReintegrationCase> b)
    {
        b.ToTable("reintegration_cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(c => c.Reference).HasColumnName("reference").HasMaxLength(30);
        b.HasIndex(c => c.Reference).IsUnique();
        b.Property(c => c.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(ReintegrationCase.MaxCodeLength);
        b.HasIndex(c => new { c.MunicipalityCode, c.State });
        b.Property(c => c.CsrCode).HasColumnName("csr_code").HasMaxLength(ReintegrationCase.MaxCodeLength);
        b.Property(c => c.Category).HasColumnName("category").HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.ArrivalKind).HasColumnName("arrival_kind").HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.ArrivalAt).HasColumnName("arrival_at");
        b.Property(c => c.PrisonName).HasColumnName("prison_name").IsPersonalData(personalData);
        b.Property(c => c.HandedOverAt).HasColumnName("handed_over_at");
        b.Property(c => c.RegisteredByInstitution).HasColumnName("registered_by_institution").HasMaxLength(40);
        b.Property(c => c.ReleaseConfirmedAt).HasColumnName("release_confirmed_at");
        b.OwnsOne(c => c.Household, h =>
        {
            // Where a returnee or a released prisoner lives is who he is: encrypted (seed 003 Art. 3).
            h.Property(x => x.Address).HasColumnName("address").IsPersonalData(personalData);
            h.Property(x => x.Phone).HasColumnName("phone").IsPersonalData(personalData);
        });
        b.Navigation(c => c.Household).IsRequired();
        b.Property(c => c.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.VisitedAt).HasColumnName("visited_at");
        b.Property(c => c.IncompleteVisitAt).HasColumnName("incomplete_visit_at");
        b.Property(c => c.PlanAdoptedAt).HasColumnName("plan_adopted_at");
        b.Property(c => c.LastMonthlyMonitoringAt).HasColumnName("last_monthly_monitoring_at");
        b.Property(c => c.TwelveMonthReviewAt).HasColumnName("twelve_month_review_at");
        b.Property(c => c.ClosedAt).HasColumnName("closed_at");
        b.Property(c => c.Sustainable).HasColumnName("sustainable");
        b.Property(c => c.EarlyClosureReason).HasColumnName("early_closure_reason").HasConversion<string>().HasMaxLength(30);
        b.Ignore(c => c.FinalAssessmentFrom);
        b.Property(c => c.RegisteredAt).HasColumnName("registered_at");
        b.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        b.Property(c => c.ErasedAt).HasColumnName("erased_at");
        b.Property(c => c.ErasureGround).HasColumnName("erasure_ground").HasConversion<string>().HasMaxLength(30);
        // The retention step looks only at closed cases not yet erased.
        b.HasIndex(c => c.ClosedAt).HasFilter("erased_at IS NULL AND closed_at IS NOT NULL").HasDatabaseName("ix_reintegration_cases_awaiting_erasure");
        b.Property(c => c.Version).IsRowVersion();
    }
}
