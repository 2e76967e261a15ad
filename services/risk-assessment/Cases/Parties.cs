namespace Safeguard.RiskAssessment.Cases;

/// <summary>Who the victim is in law: it decides whether protection needs her consent (Rulebook Art. 22).</summary>
public enum VictimCategory
{
    Adult,
    Child,

    /// <summary>A person with limited or removed legal capacity.</summary>
    LimitedLegalCapacity,
}

/// <summary>
/// The victim. Personal data: it stays inside risk-assessment, never in an event, a log line or an e-mail
/// (Rulebook Art. 3).
/// </summary>
public sealed record Victim(string FullName, VictimCategory Category, DateOnly? DateOfBirth);

/// <summary>A member of the victim's household who is at risk too (Annex 1 §2.2, §5.2).</summary>
public sealed record HouseholdMember(string FullName, string Relation, bool IsChild);

/// <summary>The perpetrator, as far as known when the violence is reported.</summary>
public sealed record Perpetrator(string FullName, string RelationToVictim);
