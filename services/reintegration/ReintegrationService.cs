using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.Reintegration;

public static class ReintegrationService
{
    public static readonly ServiceDescription Description = new("reintegration", "/api/reintegration");
}
