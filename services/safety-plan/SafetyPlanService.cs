using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.SafetyPlan;

public static class SafetyPlanService
{
    public static readonly ServiceDescription Description = new("safety-plan", "/api/safety-plans");
}
