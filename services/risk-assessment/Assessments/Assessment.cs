using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.Assessments;

/// <summary>The rest of the Annex 1 form around the answers: its place, the §5.4 convening date and the professional's notes.</summary>
public sealed record FormDetails(string? Place, DateOnly? TeamConvenedOn, string? ProfessionalNotes);

/// <summary>One answer on the form: the scale for "answer" items, options for "choice" items, text for "text" items.</summary>
public sealed record AnswerRecord(AnswerValue? Answer, string? Note, string? Text, string[]? Choices, Dictionary<string, string>? Details);

/// <summary>
/// One filled-in Annex 1 questionnaire with the level it produced (Rulebook Art. 9, 10). A case keeps every
/// assessment in order; the latest is current (Art. 9: assessed at first contact and again during support).
/// </summary>
public sealed class Assessment
{
    private Assessment() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>1 for the first assessment of the case, then 2, 3...</summary>
    public int Sequence { get; private set; }

    public string InstrumentVersion { get; private set; } = "";

    public DateTimeOffset AssessedAt { get; private set; }

    /// <summary>The professional who made the assessment (Annex 1: name and signature).</summary>
    public string AssessedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public bool ChildrenInFamily { get; private set; }

    public Dictionary<string, AnswerRecord> Answers { get; private set; } = [];

    /// <summary>What the model gave, with its reasons.</summary>
    public RiskResult Model { get; private set; } = null!;

    /// <summary>The level after the professional's judgement: never below the model's.</summary>
    public RiskLevel Level { get; private set; }

    public string? JudgementReason { get; private set; }

    /// <summary>
    /// Rulebook Art. 4 and 6: the victim was informed of her rights before the assessment. Null on assessments
    /// recorded before the platform asked (nothing is known of them either way).
    /// </summary>
    public bool? VictimInformedOfRights { get; private set; }

    /// <summary>
    /// Rulebook Art. 4: the professionals assess the risk after they have informed the victim of her rights and the
    /// protection measures; Art. 6(1) lists the rights, Art. 6(2) asks a child to be informed in a way suited to
    /// her age and development.
    /// </summary>
    public static RuleBroken? CheckInformedOfRights(bool? informed, bool victimIsChild) => informed == true
        ? null
        : RuleBroken.Invalid("victimInformedOfRights", victimIsChild
            ? "Rulebook Art. 4 and 6(2): the child is informed of her rights, in a way suited to her age and development, before the assessment."
            : "Rulebook Art. 4 and 6: the victim is informed of her rights and the protection measures, in a language she understands, before the assessment.");

    /// <summary>Annex 1 heading: where the assessment was made.</summary>
    public string? Place { get; private set; }

    /// <summary>Annex 1 §5.4: the date the team was convened, when the professional said it should act.</summary>
    public DateOnly? TeamConvenedOn { get; private set; }

    /// <summary>Annex 1, last part: the professional's notes (her words about the case: encrypted).</summary>
    public string? ProfessionalNotes { get; private set; }

    /// <summary>Annex 1 §5.4: a convening date belongs only to an answer that the team should act.</summary>
    public static RuleBroken? CheckTeamConvenedOn(DateOnly? teamConvenedOn, AnswerValue? answer54) =>
        teamConvenedOn is not null && answer54 != AnswerValue.Yes
            ? RuleBroken.Invalid("teamConvenedOn", "Annex 1 §5.4: the date the team was convened is given only when the answer to 5.4 is yes.")
            : null;

    public static Assessment Record(Guid caseId, int sequence, string instrumentVersion, DateTimeOffset assessedAt, string assessedBy,
        bool victimInformedOfRights, bool childrenInFamily, Dictionary<string, AnswerRecord> answers, RiskResult model, RiskLevel level,
        string? judgementReason, DateTimeOffset now, FormDetails? form = null) => new()
    {
        Place = form?.Place,
        TeamConvenedOn = form?.TeamConvenedOn,
        ProfessionalNotes = form?.ProfessionalNotes,
        VictimInformedOfRights = victimInformedOfRights,
        Id = Guid.CreateVersion7(),
        CaseId = caseId,
        Sequence = sequence,
        InstrumentVersion = instrumentVersion,
        AssessedAt = assessedAt,
        AssessedBy = assessedBy,
        RecordedAt = now,
        ChildrenInFamily = childrenInFamily,
        Answers = answers,
        Model = model,
        Level = level,
        JudgementReason = judgementReason,
    };

    public bool Says(string itemId, AnswerValue value) => Answers.TryGetValue(itemId, out var a) && a.Answer == value;

    /// <summary>
    /// Issue 24 §10, with its case (<see cref="Cases.Case.Erase"/>): her answers, the place and the professional's words
    /// go; the level, the model's explanation by factor and the dates stay for the indicators.
    /// </summary>
    public void Erase()
    {
        Answers = [];
        JudgementReason = null;
        Place = null;
        ProfessionalNotes = null;
    }
}

internal sealed class AssessmentConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.ToTable("assessments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(a => a.CaseId).HasColumnName("case_id");
        b.HasOne<Cases.Case>().WithMany().HasForeignKey(a => a.CaseId);
        b.Property(a => a.Sequence).HasColumnName("sequence");
        b.HasIndex(a => new { a.CaseId, a.Sequence }).IsUnique();
        b.Property(a => a.InstrumentVersion).HasColumnName("instrument_version").HasMaxLength(20);
        b.Property(a => a.AssessedAt).HasColumnName("assessed_at");
        b.Property(a => a.AssessedBy).HasColumnName("assessed_by").HasMaxLength(200);
        b.Property(a => a.RecordedAt).HasColumnName("recorded_at");
        b.Property(a => a.ChildrenInFamily).HasColumnName("children_in_family");
        // The answers' notes are the victim's account (Annex 1): encrypted with the rest of her file.
        b.Property(a => a.Answers).HasColumnName("answers").IsPersonalJson(personalData);
        b.Property(a => a.Model).HasColumnName("model").HasJsonConversion();
        b.Property(a => a.Level).HasColumnName("level").HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.JudgementReason).HasColumnName("judgement_reason").IsPersonalData(personalData);
        b.Property(a => a.VictimInformedOfRights).HasColumnName("victim_informed_of_rights");
        // Where she was assessed can locate her (a shelter, a hospital): encrypted like her story.
        b.Property(a => a.Place).HasColumnName("place").IsPersonalData(personalData);
        b.Property(a => a.TeamConvenedOn).HasColumnName("team_convened_on");
        b.Property(a => a.ProfessionalNotes).HasColumnName("professional_notes").IsPersonalData(personalData);
    }
}
