namespace Safeguard.Resilience.Tests;

/// <summary>Requests the fault tests send while something is down.</summary>
internal static class Outages
{
    /// <summary>A case as the police report it to the centre (Rulebook Art. 5).</summary>
    public static object CaseBody(string centre) => new
    {
        centreCode = centre,
        reportedBy = "police",
        learnedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        victim = new { fullName = "Test Victim", category = "adult" },
    };
}
