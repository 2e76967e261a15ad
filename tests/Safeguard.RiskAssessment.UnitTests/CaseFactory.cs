using System.Security.Cryptography;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.RiskAssessment.Cases;

namespace Safeguard.RiskAssessment.UnitTests;

/// <summary>Cases as the service opens them, without a database.</summary>
internal static class CaseFactory
{
    private static readonly NameSearch Names = new(RandomNumberGenerator.GetBytes(32));

    public static readonly DateTimeOffset LearnedAt = new(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(1));

    public static Case Open(VictimCategory category = VictimCategory.Adult) => Case.Open(
        new CaseReference("SK", 2026, 1), ReportSource.Police, LearnedAt, LearnedAt.AddMinutes(20),
        new Victim("A. B.", category, null), [], null, Names);
}
