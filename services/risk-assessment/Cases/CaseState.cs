namespace Safeguard.RiskAssessment.Cases;

public enum CaseState
{
    /// <summary>Reported; the risk assessment is due within 12 hours (Art. 5).</summary>
    AwaitingAssessment,

    /// <summary>Assessed at least once; no team needed so far.</summary>
    Assessed,

    /// <summary>The multisectoral team was asked to convene (Art. 17, 19); safety-plan takes over.</summary>
    TeamConvened,

    /// <summary>Closed: it takes no more assessments, consents or reports.</summary>
    Closed,
}
