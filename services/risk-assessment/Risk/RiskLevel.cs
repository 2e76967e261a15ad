namespace Safeguard.RiskAssessment.Risk;

/// <summary>
/// Ordered from lowest to highest, so that levels compare ("never lower" is a comparison). Named after the
/// DASH practice: standard, medium, high.
/// </summary>
public enum RiskLevel
{
    Standard = 0,
    Medium = 1,
    High = 2,
}

/// <summary>How far the level can be trusted, given how much could not be assessed.</summary>
public enum Confidence
{
    Normal,
    Low,
}

/// <summary>An answer on the Annex 1 scale. "Cannot assess" is never read as "no".</summary>
public enum AnswerValue
{
    Yes,
    No,
    CannotAssess,
}
