using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.SafetyPlan.Cases;

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

    public void Record(bool informed, bool consent, IndividualPlanContent? content, DateOnly? adoptedOn, string recordedBy, DateTimeOffset now)
    {
        Informed = informed;
        ConsentToDataUse = consent;
        // Without a basis no content is kept, even content given before.
        var mayHold = MayHoldContent(informed, consent, ProtectionWithoutConsent);
        Content = mayHold ? content : null;
        AdoptedOn = mayHold ? adoptedOn : null;
        RecordedBy = recordedBy;
        UpdatedAt = now;
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
        b.Property(p => p.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        b.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        b.Property(p => p.Version).IsRowVersion();
    }
}
