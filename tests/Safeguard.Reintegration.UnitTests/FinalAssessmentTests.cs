using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Clocks;
using Safeguard.Reintegration.Needs;

namespace Safeguard.Reintegration.UnitTests;

/// <summary>Seed 004 §1.5: the final assessment comes at 18 months; earlier a case only ends, for a recorded reason, never as sustainable.</summary>
public sealed class FinalAssessmentTests
{
    private static readonly DateTimeOffset Arrived = new(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));

    private static ReintegrationCase Arrival() => ReintegrationCase.Register("DR-2026-00002", "DR", "CSR-DR", PersonCategory.Repatriated,
        ArrivalKind.Return, Arrived, null, null, new Household("Street 1", null), Arrived);

    [Fact]
    public void At_18_months_the_final_assessment_records_whether_reintegration_is_sustainable()
    {
        var c = Arrival();

        Assert.Null(c.CheckFinalAssessment(Arrived.AddMonths(18), sustainable: true, reason: null));
        Assert.Equal("sustainable", c.CheckFinalAssessment(Arrived.AddMonths(18), sustainable: null, reason: null)?.Field);
        Assert.Equal("earlyClosureReason", c.CheckFinalAssessment(Arrived.AddMonths(19), false, EarlyClosureReason.Departure)?.Field);
    }

    [Fact]
    public void Before_18_months_a_case_closes_only_for_a_reason_and_never_as_sustainable()
    {
        var c = Arrival();
        var early = Arrived.AddMonths(10);

        Assert.Equal("reviewedAt", c.CheckFinalAssessment(early, sustainable: true, reason: null)?.Field);
        Assert.Equal("sustainable", c.CheckFinalAssessment(early, sustainable: true, EarlyClosureReason.Transfer)?.Field);
        Assert.Null(c.CheckFinalAssessment(early, sustainable: null, EarlyClosureReason.Death));

        c.Close(early, sustainable: null, EarlyClosureReason.Death, early);
        Assert.False(c.Sustainable);
        Assert.Equal(EarlyClosureReason.Death, c.EarlyClosureReason);
    }
}
