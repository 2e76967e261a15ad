using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.TrainingRegistry;

public static class TrainingRegistryService
{
    public static readonly ServiceDescription Description = new("training-registry", "/api/training");
}
