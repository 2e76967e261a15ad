using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.SafetyPlan.Cases;
using Safeguard.SafetyPlan.Monitoring;

namespace Safeguard.SafetyPlan.IndividualPlans;

/// <summary>Annex 3 §1: data on the victim, her children and family members at risk. Personal data: never leaves this service.</summary>
public sealed record VictimSection(string FullName, string? Phone, string? Address, string? MaritalStatusOrRelation, string? EmploymentAndIncome,
    string? PersonalResources, string? Vulnerability, string? ChildrenAndFamily);

/// <summary>One row of the Annex 3 §2 violence table: yes / no and a note.</summary>
public sealed record ViolenceRow(bool Present, string? Note);

/// <summary>Annex 3 §2: the perpetrator, with firearm licence or firearm, earlier reports, employment, addictions, mental health.</summary>
public sealed record PerpetratorSection(string? FullName, string? Contacts, bool? FirearmLicenceOrFirearm, string? EarlierReports, string? Employment,
    string? Addictions, string? MentalHealth);

/// <summary>Annex 3 §4: measure, frequency ("dynamics"), duration with start date, responsible person.</summary>
public sealed record IndividualMeasure(string Measure, string? Frequency, DateOnly? StartDate, int? DurationDays, string ResponsiblePerson);

/// <summary>
/// The individual plan for protecting and empowering the victim (Rulebook Art. 12-14, Annex 3), made by the
/// centre's professionals with her. Without her being informed and consenting to the use and exchange of her
/// data, it holds nothing beyond that record.
/// </summary>
public sealed class IndividualPlan
{
    /// <summary>Annex 3 §2: the rows of the violence table.</summary>
    public static readonly IReadOnlyList<string> ViolenceRows =
    [
        "current", "physical-injury", "severe-physical-injury", "injury-with-objects-or-tools", "sexual", "psychological", "threats-to-kill",
        "threats-of-suicide", "intimidation-and-coercive-control", "verbal-insults", "abusive-behaviour", "prior-violence", "harm-to-children",
        "violence-in-presence-of-children", "victim-can-be-contacted-safely", "other",
    ];

    private IndividualPlan() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string CaseReference { get; private set; } = "";

    public string CentreCode { get; private set; } = "";

    public bool Informed { get; private set; }

    public bool ConsentToDataUse { get; private set; }

    public IndividualPlanContent? Content { get; private set; }

    public DateOnly? AdoptedOn { get; private set; }

    /// <summary>When the adoption was recorded: Art. 15's first 12 hours run from here.</summary>
    public DateTimeOffset? AdoptedAt { get; private set; }

    /// <summary>Art. 16: how often the centre reviews this plan ("regularly": the Rulebook leaves the interval to the professionals).</summary>
    public int? ReviewEveryDays { get; private set; }

    /// <summary>When risk-assessment closed the case: no clock of the plan runs after it.</summary>
    public DateTimeOffset? CaseClosedAt { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Rulebook Art. 22(2): the victim is a child or a person with limited or removed legal capacity.</summary>
    public bool ProtectionWithoutConsent { get; private set; }

    /// <summary>Why the plan may hold its content: her informed consent (Annex 3), or Art. 22(2) without it; null while it may not.</summary>
    public string? LegalBasis => ProtectionWithoutConsent ? WithoutConsentBasis : Informed && ConsentToDataUse ? ConsentBasis : null;

    public const string ConsentBasis = "Annex 3: the victim is informed of the plan and consents to the use and exchange of her data.";

    public const string WithoutConsentBasis =
        "Rulebook Art. 22(2): the victim is a child or a person with limited or removed legal capacity; protection proceeds without consent.";

    /// <summary>
    /// Annex 3 asks for its content "if YES to both" (informed, and consenting to the use and exchange of her
    /// data); for a child or a person with limited or removed legal capacity the plan is drawn up regardless
    /// (Art. 22(2)).
    /// </summary>
    public static bool MayHoldContent(bool informed, bool consent, bool protectionWithoutConsent) => protectionWithoutConsent || (informed && consent);

    /// <summary>The plan of a case as risk-assessment announced it: its centre and consent basis come from the case.</summary>
    public static IndividualPlan Start(KnownCase of) => new()
    {
        Id = Guid.CreateVersion7(),
        CaseId = of.CaseId,
        CaseReference = of.CaseReference,
        CentreCode = of.CentreCode,
        ProtectionWithoutConsent = of.ProtectionWithoutConsent,
    };

    public void Record(bool informed, bool consent, IndividualPlanContent? content, DateOnly? adoptedOn, int? reviewEveryDays, string recordedBy,
        DateTimeOffset now)
    {
        Informed = informed;
        ConsentToDataUse = consent;
        // Without a basis no content is kept, even content given before.
        var mayHold = MayHoldContent(informed, consent, ProtectionWithoutConsent);
        Content = mayHold ? content : null;
        AdoptedOn = mayHold ? adoptedOn : null;
        ReviewEveryDays = AdoptedOn is null ? null : reviewEveryDays;
        // The first adoption starts the clocks; rewriting the plan later does not restart them.
        AdoptedAt = AdoptedOn is null ? null : AdoptedAt ?? now;
        RecordedBy = recordedBy;
        UpdatedAt = now;
    }

    /// <summary>Art. 16: an adopted plan is reviewed regularly, so adopting it sets how often.</summary>
    public static RuleBroken? CheckAdoption(DateOnly? adoptedOn, int? reviewEveryDays) => adoptedOn is not null && reviewEveryDays is null
        ? RuleBroken.Invalid("reviewEveryDays", "Art. 16: an adopted plan is reviewed regularly; say every how many days (1-92).")
        : null;

    public void CloseWithCase(DateTimeOffset at) => CaseClosedAt ??= at;

    /// <summary>Issue 24 §10, when its case is erased: the plan's content goes; its dates stay.</summary>
    public void Erase() => Content = null;

    public static readonly TimeSpan FirstContactWindow = TimeSpan.FromHours(12);   // Art. 15
    private static readonly TimeSpan FirstContactLead = TimeSpan.FromHours(4);
    private static readonly TimeSpan ReviewLead = TimeSpan.FromDays(1);

    /// <summary>
    /// The plan's clocks, computed from the record (never stored): Art. 15, the first contact with the victim
    /// within 12 hours of the plan's adoption, whether or not a team was ever convened; Art. 16, its review at
    /// the interval the centre set. None before adoption, and none once her case is closed.
    /// </summary>
    /// <param name="firstContactAt">The first contact recorded in the plan's monitoring part at or after adoption.</param>
    /// <param name="lastReviewAt">The latest review recorded in the monitoring part.</param>
    public IReadOnlyList<ClockState> Clocks(DateTimeOffset? firstContactAt, DateTimeOffset? lastReviewAt, DateTimeOffset now)
    {
        if (AdoptedAt is not { } adopted || CaseClosedAt is not null)
        {
            return [];
        }
        var clocks = new List<ClockState>();
        if (firstContactAt is null)
        {
            var deadline = adopted + FirstContactWindow;
            clocks.Add(PlanClocks.State(ClockKind.FirstContact, null, null, deadline - FirstContactLead, deadline, now));
        }
        if (ReviewEveryDays is { } days)
        {
            var deadline = (lastReviewAt is { } reviewed && reviewed > adopted ? reviewed : adopted) + TimeSpan.FromDays(days);
            clocks.Add(PlanClocks.State(ClockKind.Review, null, null, deadline - ReviewLead, deadline, now));
        }
        return clocks;
    }

}

/// <summary>Everything Annex 3 asks once she is informed and consents.</summary>
public sealed record IndividualPlanContent(
    string? Fears,
    string? SafeToTalkTo,
    string? UnsafeToTalkTo,
    VictimSection? Victim,
    Dictionary<string, ViolenceRow>? ViolenceTable,
    PerpetratorSection? Perpetrator,
    string? OtherCircumstances,
    string? RiskOfRepetition,
    List<IndividualMeasure> Measures,
    ClosingEvaluationSection? ClosingEvaluation = null);

/// <summary>
/// Annex 3 §5: the professional's evaluation, on a reassessment of the risk, of the plan's effects (with its
/// duration), the reassessment with its date, and the decision on carrying the plan further.
/// </summary>
public sealed record ClosingEvaluationSection(string? EffectsAndDuration, DateOnly? ReassessedOn, string? Reassessment, string? Decision);

internal sealed class IndividualPlanConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<IndividualPlan>
{
    public void Configure(EntityTypeBuilder<IndividualPlan> b)
    {
        b.ToTable("individual_plans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(p => p.CaseId).HasColumnName("case_id");
        b.HasIndex(p => p.CaseId).IsUnique();
        b.Property(p => p.CaseReference).HasColumnName("case_reference").HasMaxLength(40);
        b.Property(p => p.CentreCode).HasColumnName("centre_code").HasMaxLength(10);
        b.Property(p => p.Informed).HasColumnName("informed");
        b.Property(p => p.ConsentToDataUse).HasColumnName("consent_to_data_use");
        b.Property(p => p.ProtectionWithoutConsent).HasColumnName("protection_without_consent");
        b.Ignore(p => p.LegalBasis);
        // Annex 3 names the victim and the perpetrator and records her fears: encrypted as one value.
        b.Property(p => p.Content).HasColumnName("content").IsPersonalJson(personalData);
        b.Property(p => p.AdoptedOn).HasColumnName("adopted_on");
        b.Property(p => p.AdoptedAt).HasColumnName("adopted_at");
        b.Property(p => p.ReviewEveryDays).HasColumnName("review_every_days");
        b.Property(p => p.CaseClosedAt).HasColumnName("case_closed_at");
        b.Property(p => p.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        b.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        b.Property(p => p.Version).IsRowVersion();
    }
}
