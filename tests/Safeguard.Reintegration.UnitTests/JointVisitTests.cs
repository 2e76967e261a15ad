using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Clocks;
using Safeguard.Reintegration.Needs;

namespace Safeguard.Reintegration.UnitTests;

/// <summary>Seed 004 §1.1: the visit within 72 hours is joint — the municipal office for communities and returns with the CSR.</summary>
public sealed class JointVisitTests
{
    private static readonly DateTimeOffset Arrived = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1));

    private static ReintegrationCase Arrival() => ReintegrationCase.Register("DR-2026-00001", "DR", "CSR-DR", PersonCategory.Repatriated,
        ArrivalKind.Return, Arrived, null, null, new Household("Street 1", null), Arrived);

    private static NeedsAssessment Visit(params VisitorRole?[] roles) => NeedsAssessment.Record(Guid.NewGuid(), Arrived.AddHours(20),
        roles.Select((r, i) => new Visitor($"Visitor {i}", "Institution", r)).ToList(), [], Arrived.AddHours(20));

    [Fact]
    public void A_visit_with_the_municipal_office_and_the_centre_is_joint()
    {
        var visit = Visit(VisitorRole.MunicipalOfficeForCommunitiesAndReturns, VisitorRole.CentreForSocialWork, VisitorRole.Police);

        Assert.True(visit.Joint);
        Assert.Empty(visit.MissingFromJointVisit);
    }

    [Fact]
    public void A_visit_without_the_centre_says_who_was_missing()
    {
        var visit = Visit(VisitorRole.MunicipalOfficeForCommunitiesAndReturns, null);

        Assert.False(visit.Joint);
        Assert.Equal([VisitorRole.CentreForSocialWork], visit.MissingFromJointVisit);
    }

    [Fact]
    public void An_incomplete_visit_is_recorded_as_such_and_does_not_keep_the_72_hours()
    {
        var c = Arrival();

        c.RecordVisit(Arrived.AddHours(20), joint: false, Arrived.AddHours(20));

        Assert.Null(c.VisitedAt);
        Assert.Equal(Arrived.AddHours(20), c.IncompleteVisitAt);
        Assert.Equal(CaseState.Assessed, c.State);
        Assert.Null(CaseClocks.VisitKept(c));
        Assert.Contains(CaseClocks.Compute(c, Arrived.AddHours(50)), k => k.Clock == ClockKind.Visit);

        c.RecordVisit(Arrived.AddHours(60), joint: true, Arrived.AddHours(60));

        Assert.Equal(Arrived.AddHours(60), c.VisitedAt);
        Assert.True(CaseClocks.VisitKept(c));
        Assert.DoesNotContain(CaseClocks.Compute(c, Arrived.AddHours(80)), k => k.Clock == ClockKind.Visit);
    }
}
