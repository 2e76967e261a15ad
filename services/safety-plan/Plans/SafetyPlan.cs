using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Contracts.RiskAssessment;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>What a reassessment means for the plan (<see cref="SafetyPlan.RecordAssessment"/>).</summary>
public enum AssessmentNews
{
    /// <summary>An older assessment arriving late: nothing changes.</summary>
    Stale,

    Recorded,

    /// <summary>Art. 21: new or increased risk.</summary>
    RaisedLevel,
}

public enum PlanState
{
    /// <summary>The team is convened and the plan drafted; not yet adopted.</summary>
    Convened,

    /// <summary>Adopted: measures run and the monitoring clocks tick (Art. 21).</summary>
    Adopted,

    /// <summary>Closed on a reassessment that found the risk ended (Art. 21), or with its case before the team was ever convened.</summary>
    Closed,

    /// <summary>
    /// The team must act but she refused it (Annex 2 §3; Art. 11, 20): it is not convened, no team sees the plan,
    /// and what the police took or planned is recorded here for the centre until she consents.
    /// </summary>
    AwaitingConsent,
}

/// <summary>
/// The safety plan of one case (Rulebook Art. 17-21, Annex 5). It holds the case reference and what the team
/// needs, not the victim's identity, which stays in risk-assessment.
/// </summary>
public sealed class SafetyPlan
{
    private SafetyPlan() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string CaseReference { get; private set; } = "";

    public string CentreCode { get; private set; } = "";

    public Guid? TeamId { get; private set; }

    public PlanState State { get; private set; }

    public DateTimeOffset ConvenedAt { get; private set; }

    public List<string> ConvenedFor { get; private set; } = [];

    public string? RiskLevel { get; private set; }

    public List<string> RedFlags { get; private set; } = [];

    public bool ChildrenAtRisk { get; private set; }

    public bool OtherFamilyMembersAtRisk { get; private set; }

    /// <summary>Her consent to the team and the safety plan: one of <see cref="TeamConsent"/> (Annex 2 §3; Art. 11, 22).</summary>
    public string VictimConsent { get; private set; } = "";

    public string? PoliceReportReference { get; private set; }

    public List<string> EmergencyMeasures { get; private set; } = [];

    public DateTimeOffset? LastReconvenedAt { get; private set; }

    /// <summary>When the centre learned of the violence (Art. 31: custody of the children within 12 hours).</summary>
    public DateTimeOffset ViolenceReportedAt { get; private set; }

    /// <summary>When the form deciding <see cref="VictimConsent"/> was signed: a late-arriving older consent never overwrites a newer one.</summary>
    public DateTimeOffset ConsentAsOf { get; private set; }

    /// <summary>The latest risk assessment of the case after the plan began (Art. 21: the plan ends only on a reassessment).</summary>
    public DateTimeOffset? LastAssessedAt { get; private set; }

    public string? LastAssessedLevel { get; private set; }

    /// <summary>The case's assessment number of <see cref="LastAssessedLevel"/>: events may arrive out of order, the highest wins.</summary>
    public int LastAssessmentSequence { get; private set; }

    public DateTimeOffset? RevisedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The team's closing evaluation (Annex 3 and 5): effects, duration, decision.</summary>
    public string? ClosingEvaluation { get; private set; }

    /// <summary>Annex 5 §5: the team members who took part in the closing decision.</summary>
    public List<string> ClosingParticipants { get; private set; } = [];

    public DateTimeOffset? AdoptedAt { get; private set; }

    /// <summary>The Annex 5 form beyond its measures table; null until the team saves it (a draft is prefilled on reading).</summary>
    public PlanForm? Form { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Measures that need the victim's consent run only with it, or when the law does not ask for it (Art. 11, 22).</summary>
    public bool ConsentAllowsVictimMeasures => TeamConsent.AllowsVictimMeasures(VictimConsent);

    /// <summary>
    /// Starts the plan risk-assessment asked for (Art. 17, 19). The team is convened unless she refused it or
    /// withdrew her consent and Art. 22(2) does not apply: then the plan waits for her consent, teamless, with
    /// the police's measures recorded (Art. 11, 20). Not being asked yet is no refusal: at high risk the team
    /// is convened while her signature is pending, and measures needing her consent wait for it.
    /// </summary>
    public static SafetyPlan Convene(Guid caseId, string caseReference, string centreCode, Guid? teamId, IEnumerable<string> reasons,
        string? riskLevel, IEnumerable<string> redFlags, bool childrenAtRisk, bool othersAtRisk, string victimConsent,
        string? policeReportReference, IEnumerable<string> emergencyMeasures, DateTimeOffset violenceReportedAt, DateTimeOffset consentAsOf,
        DateTimeOffset now)
    {
        var convened = TeamConsent.AllowsConvening(victimConsent);
        return Start(caseId, caseReference, centreCode, convened ? teamId : null, convened ? PlanState.Convened : PlanState.AwaitingConsent, reasons,
            riskLevel, redFlags, childrenAtRisk, othersAtRisk, victimConsent, policeReportReference, emergencyMeasures, violenceReportedAt, consentAsOf, now);
    }

    private static SafetyPlan Start(Guid caseId, string caseReference, string centreCode, Guid? teamId, PlanState state, IEnumerable<string> reasons,
        string? riskLevel, IEnumerable<string> redFlags, bool childrenAtRisk, bool othersAtRisk, string victimConsent,
        string? policeReportReference, IEnumerable<string> emergencyMeasures, DateTimeOffset violenceReportedAt, DateTimeOffset consentAsOf,
        DateTimeOffset now) => new()
    {
        ViolenceReportedAt = violenceReportedAt,
        ConsentAsOf = consentAsOf,
        Id = Guid.CreateVersion7(),
        CaseId = caseId,
        CaseReference = caseReference,
        CentreCode = centreCode,
        TeamId = teamId,
        State = state,
        ConvenedAt = now,
        ConvenedFor = reasons.ToList(),
        RiskLevel = riskLevel,
        RedFlags = redFlags.ToList(),
        ChildrenAtRisk = childrenAtRisk,
        OtherFamilyMembersAtRisk = othersAtRisk,
        VictimConsent = victimConsent,
        PoliceReportReference = policeReportReference,
        EmergencyMeasures = emergencyMeasures.ToList(),
    };

    /// <summary>Art. 11, 22: the consent signed last wins, whatever order the events arrive in.</summary>
    /// <returns>True when a plan waiting for her consent may now have its team convened (<see cref="ConveneOnConsent"/>).</returns>
    public bool UpdateConsent(string status, DateTimeOffset signedAt)
    {
        if (signedAt > ConsentAsOf)
        {
            VictimConsent = status;
            ConsentAsOf = signedAt;
        }
        return State == PlanState.AwaitingConsent && TeamConsent.AllowsConvening(VictimConsent);
    }

    /// <summary>Annex 2 §3: once she consents to the team, the plan that waited for it is convened with the centre's team.</summary>
    public RuleBroken? ConveneOnConsent(Guid? teamId, DateTimeOffset now)
    {
        if (State != PlanState.AwaitingConsent || !TeamConsent.AllowsConvening(VictimConsent))
        {
            return RuleBroken.Conflict("victimConsent", "Only a plan waiting for her consent is convened on it, and only once she consents to the team.");
        }
        State = PlanState.Convened;
        ConvenedAt = now;
        TeamId = teamId;
        return null;
    }

    /// <summary>Her case was closed before she ever consented to the team: nothing of the plan runs on (no clock outlives its case).</summary>
    public bool CloseWithCase(DateTimeOffset now)
    {
        if (State != PlanState.AwaitingConsent)
        {
            return false;
        }
        State = PlanState.Closed;
        ClosedAt = now;
        return true;
    }

    private static readonly string[] Levels = ["standard", "medium", "high"];

    /// <summary>
    /// Records a reassessment the team learned of at <paramref name="receivedAt"/> (this service's clock). A plan
    /// the police convened before any assessment takes its first level from it; a higher level than the plan's is
    /// new risk, on which the team reconvenes at once (Art. 21, <see cref="Reconvene"/>). A lower one is weighed
    /// by the team at closure, not applied here.
    /// </summary>
    public AssessmentNews RecordAssessment(string level, int sequence, DateTimeOffset receivedAt)
    {
        if (sequence <= LastAssessmentSequence)
        {
            return AssessmentNews.Stale;
        }
        LastAssessmentSequence = sequence;
        LastAssessedAt = receivedAt;
        LastAssessedLevel = level;
        if (RiskLevel is null)
        {
            RiskLevel = level;
            return AssessmentNews.Recorded;
        }
        if (Array.IndexOf(Levels, level) <= Array.IndexOf(Levels, RiskLevel))
        {
            return AssessmentNews.Recorded;
        }
        RiskLevel = level;
        return AssessmentNews.RaisedLevel;
    }

    public void NoteRevision(DateTimeOffset now) => RevisedAt = now;

    /// <summary>
    /// Rulebook Art. 21 (last paragraph): the plan ends when the team, on a risk assessment made after the plan's
    /// last adoption or revision (and after its last risk alert), decides that the risk has ceased for the
    /// victim and her family; Annex 5 §5 records the evaluation and who took part. A reassessment at high
    /// refuses closure: risk to life cannot have ceased while the instrument says so. Nothing changes when a
    /// rule is broken.
    /// </summary>
    public RuleBroken? Close(DateTimeOffset at, string effects, string decision, bool riskCeased, IReadOnlyList<string> participants,
        DateTimeOffset? lastRiskAlertAt)
    {
        if (State != PlanState.Adopted)
        {
            return RuleBroken.Conflict("state", "Only an adopted plan is closed.");
        }
        var mustFollow = new[] { AdoptedAt, RevisedAt, lastRiskAlertAt }.Max();
        if (LastAssessedAt is not { } assessed || assessed <= mustFollow)
        {
            return RuleBroken.Conflict("reassessment",
                "Art. 21: a plan closes only on a risk assessment made after its last adoption or revision and its last risk alert. Record one in risk-assessment first.");
        }
        if (LastAssessedLevel == "high")
        {
            return RuleBroken.Conflict("reassessment", "The latest reassessment found a high risk: risk to life has not ceased (Art. 21).");
        }
        if (!riskCeased)
        {
            return RuleBroken.Invalid("riskCeased", "Art. 21: the plan ends on the team's decision that the risk has ceased for the victim and her family.");
        }
        var named = participants.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        if (named.Count == 0 || named.Count != participants.Count)
        {
            return RuleBroken.Invalid("participants", "Name every team member who took part in the decision (Annex 5 §5).");
        }
        State = PlanState.Closed;
        ClosedAt = at;
        ClosingEvaluation = $"Effects: {effects.Trim()} Decision: {decision.Trim()}";
        ClosingParticipants = named;
        return null;
    }

    /// <summary>
    /// A plan convened while its centre had no team (Annex 4) waits for one; the centre's first team takes it up.
    /// Returns false for a plan that has a team or is past convening.
    /// </summary>
    public bool GiveTeam(Guid teamId)
    {
        if (TeamId is not null || State != PlanState.Convened)
        {
            return false;
        }
        TeamId = teamId;
        return true;
    }

    /// <summary>
    /// The team adopts the safety plan it was convened for (Art. 18-20, Annex 5): only a convened plan, only by a
    /// team (Annex 4), not before the team was convened, and with every measure given a responsible member
    /// (Annex 5 §4). Nothing changes when a rule is broken.
    /// </summary>
    public RuleBroken? Adopt(DateTimeOffset adoptedAt, IReadOnlyCollection<PlanMeasure> measures)
    {
        if (State != PlanState.Convened)
        {
            return RuleBroken.Conflict("state", $"Only a convened plan is adopted; this one is {KebabCaseEnum.Name(State)}.");
        }
        if (TeamId is null)
        {
            return RuleBroken.Conflict("teamId", "The centre has no multisectoral team: register one before adopting (Annex 4).");
        }
        if (adoptedAt < ConvenedAt)
        {
            return RuleBroken.Invalid("adoptedAt", "A plan cannot be adopted before the team was convened.");
        }
        var unassigned = measures.Where(m => m.ResponsibleMembershipId is null).OrderBy(m => m.Number).Select(m => m.Number).ToArray();
        if (measures.Count == 0 || unassigned.Length > 0)
        {
            return RuleBroken.Invalid("measures", measures.Count == 0
                ? "A plan needs at least one measure."
                : $"Measure(s) {string.Join(", ", unassigned)} have no responsible member (Annex 5).");
        }
        AdoptedAt = adoptedAt;
        State = PlanState.Adopted;
        return null;
    }

    /// <summary>The team saves the Annex 5 form; nothing changes when a rule is broken (<see cref="PlanForm.Check"/>).</summary>
    public IReadOnlyList<RuleBroken> RecordForm(PlanForm form)
    {
        if (State is PlanState.Closed or PlanState.AwaitingConsent)
        {
            return [RuleBroken.Conflict("state", "The form is kept while the team draws up or carries out the plan.")];
        }
        var broken = form.Check(protectionWithoutConsent: VictimConsent == TeamConsent.NotRequired);
        if (broken.Count == 0)
        {
            Form = form;
        }
        return broken;
    }

    /// <summary>Art. 21: on new or increased risk the team is convened again to revise the plan.</summary>
    public void Reconvene(IEnumerable<string> reasons, string? riskLevel, IEnumerable<string> redFlags, string victimConsent,
        string? policeReportReference, IEnumerable<string> emergencyMeasures, DateTimeOffset now)
    {
        LastReconvenedAt = now;
        ConvenedFor = ConvenedFor.Union(reasons).ToList();
        RiskLevel = riskLevel ?? RiskLevel;
        RedFlags = RedFlags.Union(redFlags).ToList();
        PoliceReportReference = policeReportReference ?? PoliceReportReference;
        EmergencyMeasures = EmergencyMeasures.Union(emergencyMeasures).ToList();
    }

    /// <summary>Issue 24 §10, when its case is erased: the closing evaluation and the Annex 5 form's words go; dates, states and levels stay.</summary>
    public void Erase()
    {
        ClosingEvaluation = null;
        Form = null;
    }
}

internal sealed class SafetyPlanConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<SafetyPlan>
{
    public void Configure(EntityTypeBuilder<SafetyPlan> b)
    {
        b.ToTable("safety_plans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(p => p.CaseId).HasColumnName("case_id");
        b.HasIndex(p => p.CaseId).IsUnique();
        b.Property(p => p.CaseReference).HasColumnName("case_reference").HasMaxLength(40);
        b.Property(p => p.CentreCode).HasColumnName("centre_code").HasMaxLength(10);
        b.HasIndex(p => p.CentreCode);
        b.Property(p => p.TeamId).HasColumnName("team_id");
        b.HasOne<Teams.Team>().WithMany().HasForeignKey(p => p.TeamId);
        b.Property(p => p.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.ConvenedAt).HasColumnName("convened_at");
        b.Property(p => p.ConvenedFor).HasColumnName("convened_for").HasJsonConversion();
        b.Property(p => p.RiskLevel).HasColumnName("risk_level").HasMaxLength(20);
        b.Property(p => p.RedFlags).HasColumnName("red_flags").HasJsonConversion();
        b.Property(p => p.ChildrenAtRisk).HasColumnName("children_at_risk");
        b.Property(p => p.OtherFamilyMembersAtRisk).HasColumnName("other_family_members_at_risk");
        b.Property(p => p.VictimConsent).HasColumnName("victim_consent").HasMaxLength(20);
        b.Property(p => p.PoliceReportReference).HasColumnName("police_report_reference").HasMaxLength(60);
        b.Property(p => p.EmergencyMeasures).HasColumnName("emergency_measures").HasJsonConversion();
        b.Property(p => p.LastReconvenedAt).HasColumnName("last_reconvened_at");
        b.Property(p => p.AdoptedAt).HasColumnName("adopted_at");
        b.Property(p => p.ViolenceReportedAt).HasColumnName("violence_reported_at");
        b.Property(p => p.ConsentAsOf).HasColumnName("consent_as_of");
        b.Property(p => p.LastAssessedAt).HasColumnName("last_assessed_at");
        b.Property(p => p.LastAssessedLevel).HasColumnName("last_assessed_level").HasMaxLength(20);
        b.Property(p => p.LastAssessmentSequence).HasColumnName("last_assessment_sequence");
        b.Property(p => p.RevisedAt).HasColumnName("revised_at");
        b.Property(p => p.ClosedAt).HasColumnName("closed_at");
        b.Property(p => p.ClosingEvaluation).HasColumnName("closing_evaluation").IsPersonalData(personalData);
        b.Property(p => p.ClosingParticipants).HasColumnName("closing_participants").HasJsonConversion();
        // Annex 5 names her, her children and the perpetrator and records her fears: encrypted as one value.
        b.Property(p => p.Form).HasColumnName("form").IsPersonalJson(personalData);
        b.Property(p => p.Version).IsRowVersion();
    }
}
