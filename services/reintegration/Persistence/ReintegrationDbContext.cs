using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.Reintegration.Persistence;

public sealed class ReintegrationDbContext(DbContextOptions<ReintegrationDbContext> options) : ServiceDbContext(options);

internal sealed class ReintegrationDesignTimeFactory : DesignTimeDbContextFactory<ReintegrationDbContext>;
