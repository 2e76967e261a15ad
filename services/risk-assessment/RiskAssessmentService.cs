using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.RiskAssessment;

public static class RiskAssessmentService
{
    public static readonly ServiceDescription Description = new("risk-assessment", "/api/risk-assessment");
}
