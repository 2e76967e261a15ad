using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.TrainingRegistry.Persistence;

public sealed class TrainingRegistryDbContext(DbContextOptions<TrainingRegistryDbContext> options) : ServiceDbContext(options);

internal sealed class TrainingRegistryDesignTimeFactory : DesignTimeDbContextFactory<TrainingRegistryDbContext>;
