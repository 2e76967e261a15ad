namespace Safeguard.RiskAssessment.Cases;

/// <summary>Who reported the violence to the centre for social work (Rulebook Art. 5).</summary>
public enum ReportSource
{
    Police,
    Victim,
    Health,
    School,
    Ngo,
    Other,
}
