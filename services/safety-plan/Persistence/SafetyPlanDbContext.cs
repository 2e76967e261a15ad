using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.SafetyPlan.Persistence;

public sealed class SafetyPlanDbContext(DbContextOptions<SafetyPlanDbContext> options) : ServiceDbContext(options);

internal sealed class SafetyPlanDesignTimeFactory : DesignTimeDbContextFactory<SafetyPlanDbContext>;
