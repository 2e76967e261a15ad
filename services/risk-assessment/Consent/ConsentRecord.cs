using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.RiskAssessment.Consent;

/// <summary>Annex 2 §2, one row: the date she was informed of (and signed for) the measure, and a note.</summary>
public sealed record MeasureRow(DateOnly? Date, string? Note);

/// <summary>The Annex 2 form's own columns beyond the ticks: its place, the notes per right and the date and note per measure.</summary>
public sealed record ConsentFormDetails(string? Place, IReadOnlyDictionary<string, string> RightNotes, IReadOnlyDictionary<string, MeasureRow> MeasureRows)
{
    public static readonly ConsentFormDetails None = new(null, new Dictionary<string, string>(), new Dictionary<string, MeasureRow>());

    /// <summary>
    /// Annex 2 §1 and §2: notes and dates belong to rows of the form; a measure's date is when she signed its row,
    /// so it comes no later than the form itself. Errors are keyed by the JSON path of the field.
    /// </summary>
    public Dictionary<string, string[]> Check(DateTimeOffset signedAt)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var right in RightNotes.Keys.Except(ConsentCatalogue.Rights))
        {
            errors[$"rightNotes.{right}"] = [$"Not a right of Annex 2 §1 ({string.Join(", ", ConsentCatalogue.Rights)})."];
        }
        foreach (var (measure, row) in MeasureRows)
        {
            if (!ConsentCatalogue.Measures.Contains(measure))
            {
                errors[$"measureRows.{measure}"] = [$"Not a measure of Annex 2 §2 ({string.Join(", ", ConsentCatalogue.Measures)})."];
            }
            else if (row.Date is { } date && date > DateOnly.FromDateTime(signedAt.UtcDateTime.AddDays(1)))
            {
                errors[$"measureRows.{measure}.date"] = ["A row is signed no later than the form itself (Annex 2 §2)."];
            }
        }
        return errors;
    }
}

public enum ConsentKind
{
    Given,
    Withdrawn,
}

/// <summary>
/// One signed Annex 2 form, or one withdrawal (Art. 11, 22). Records are only added: the latest one says
/// where consent stands, and the history shows every change.
/// </summary>
public sealed class ConsentRecord
{
    private ConsentRecord() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public ConsentKind Kind { get; private set; }

    /// <summary>When the victim signed (or withdrew).</summary>
    public DateTimeOffset SignedAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The professional who took the form.</summary>
    public string RecordedBy { get; private set; } = "";

    public string[] InformedOfRights { get; private set; } = [];

    public string[] InformedOfMeasures { get; private set; } = [];

    public string[] ConsentedMeasures { get; private set; } = [];

    /// <summary>Annex 2 §3: the separate consent to convening the multisectoral team and carrying out the safety plan.</summary>
    public bool ConsentToTeamAndSafetyPlan { get; private set; }

    /// <summary>Annex 2 §3: the professionals who took part and signed.</summary>
    public string[] Professionals { get; private set; } = [];

    /// <summary>Annex 2: place, notes per right, date and note per measure. Her situation may show in the notes: encrypted.</summary>
    public ConsentFormDetails? Details { get; private set; }

    /// <summary>Art. 22(1): the reasons for withdrawing are assessed.</summary>
    public string? WithdrawalReason { get; private set; }

    /// <summary>Art. 22(1): psychosocial support is offered after a withdrawal.</summary>
    public bool? PsychosocialSupportOffered { get; private set; }

    /// <summary>Art. 22(1): when the professional assessed her reasons for refusing the team and offered support.</summary>
    public DateTimeOffset? FollowedUpAt { get; private set; }

    public string? FollowedUpBy { get; private set; }

    /// <summary>Art. 22(1): her reasons as the professional assessed them. Personal data.</summary>
    public string? RefusalReasons { get; private set; }

    /// <summary>True when the refusal was her latest word on the team (Annex 2 §3 "no").</summary>
    public bool RefusesTeam => Kind == ConsentKind.Given && !ConsentToTeamAndSafetyPlan;

    /// <summary>
    /// Issue 24 §10, with its case: the form's places and notes and her reasons go; what she consented to and when
    /// stays, as the record of the consent the platform acted on.
    /// </summary>
    public void Erase()
    {
        Details = null;
        WithdrawalReason = null;
        RefusalReasons = null;
    }

    public static ConsentRecord Given(Guid caseId, DateTimeOffset signedAt, string recordedBy, string[] rights, string[] informedMeasures,
        string[] consentedMeasures, bool toTeamAndSafetyPlan, DateTimeOffset now, string[]? professionals = null, ConsentFormDetails? details = null) => new()
    {
        Professionals = professionals ?? [recordedBy],
        Details = details,
        Id = Guid.CreateVersion7(),
        CaseId = caseId,
        Kind = ConsentKind.Given,
        SignedAt = signedAt,
        RecordedAt = now,
        RecordedBy = recordedBy,
        InformedOfRights = rights,
        InformedOfMeasures = informedMeasures,
        ConsentedMeasures = consentedMeasures,
        ConsentToTeamAndSafetyPlan = toTeamAndSafetyPlan,
    };

    /// <summary>
    /// Art. 22(1): she may withdraw the consent she gave, at any time. Only a consent in force is withdrawn, and
    /// the withdrawal is signed after it (an earlier one would not be her latest word).
    /// </summary>
    public static (ConsentRecord? Record, RuleBroken? Broken) Withdraw(ConsentRecord? latest, Guid caseId, DateTimeOffset withdrawnAt, string recordedBy,
        string reason, bool supportOffered, DateTimeOffset now)
    {
        if (latest is not { Kind: ConsentKind.Given })
        {
            return (null, RuleBroken.Conflict("consent", "There is no consent to withdraw: she has not given it, or has already withdrawn it."));
        }
        if (withdrawnAt <= latest.SignedAt)
        {
            return (null, RuleBroken.Invalid("withdrawnAt", $"The consent in force was signed at {latest.SignedAt:O}; a withdrawal of it comes after."));
        }
        return (Withdrawn(caseId, withdrawnAt, recordedBy, reason, supportOffered, now), null);
    }

    /// <summary>
    /// Art. 22(1): on her refusal of the team the professionals assess the reasons and offer psychosocial support,
    /// once, on that refusal.
    /// </summary>
    public RuleBroken? RecordFollowUp(string by, string reasons, bool supportOffered, DateTimeOffset now)
    {
        if (!RefusesTeam)
        {
            return RuleBroken.Conflict("consentId", "Only a refusal of the team and the safety plan is followed up this way.");
        }
        if (FollowedUpAt is not null)
        {
            return RuleBroken.Conflict("consentId", "This refusal was already followed up.");
        }
        if (!supportOffered)
        {
            return RuleBroken.Invalid("psychosocialSupportOffered", "Art. 22(1): psychosocial support is offered to strengthen her free will.");
        }
        FollowedUpAt = now;
        FollowedUpBy = by;
        RefusalReasons = reasons;
        PsychosocialSupportOffered = true;
        return null;
    }

    private static ConsentRecord Withdrawn(Guid caseId, DateTimeOffset withdrawnAt, string recordedBy, string reason, bool supportOffered, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CaseId = caseId,
        Kind = ConsentKind.Withdrawn,
        SignedAt = withdrawnAt,
        RecordedAt = now,
        RecordedBy = recordedBy,
        WithdrawalReason = reason,
        PsychosocialSupportOffered = supportOffered,
    };
}

internal sealed class ConsentRecordConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.ToTable("consent_records");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(c => c.CaseId).HasColumnName("case_id");
        b.HasIndex(c => new { c.CaseId, c.RecordedAt });
        b.HasOne<Cases.Case>().WithMany().HasForeignKey(c => c.CaseId);
        b.Property(c => c.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.SignedAt).HasColumnName("signed_at");
        b.Property(c => c.RecordedAt).HasColumnName("recorded_at");
        b.Property(c => c.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        b.Property(c => c.InformedOfRights).HasColumnName("informed_of_rights").HasJsonConversion();
        b.Property(c => c.InformedOfMeasures).HasColumnName("informed_of_measures").HasJsonConversion();
        b.Property(c => c.ConsentedMeasures).HasColumnName("consented_measures").HasJsonConversion();
        b.Property(c => c.ConsentToTeamAndSafetyPlan).HasColumnName("consent_to_team_and_safety_plan");
        b.Property(c => c.WithdrawalReason).HasColumnName("withdrawal_reason").IsPersonalData(personalData);
        b.Property(c => c.PsychosocialSupportOffered).HasColumnName("psychosocial_support_offered");
        b.Property(c => c.Professionals).HasColumnName("professionals").HasJsonConversion();
        b.Property(c => c.Details).HasColumnName("form_details").IsPersonalJson(personalData);
        b.Property(c => c.FollowedUpAt).HasColumnName("followed_up_at");
        b.Property(c => c.FollowedUpBy).HasColumnName("followed_up_by").HasMaxLength(200);
        b.Property(c => c.RefusalReasons).HasColumnName("refusal_reasons").IsPersonalData(personalData);
        b.Ignore(c => c.RefusesTeam);
    }
}
