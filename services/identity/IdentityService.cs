using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.Identity;

public static class IdentityService
{
    public static readonly ServiceDescription Description = new("identity", "/api/identity");
}
