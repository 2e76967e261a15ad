using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Drafted measures go to the member of the institution that usually carries them, else the centre's (Art. 19, Annex 5).</summary>
public sealed class DraftingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));

    private static TeamMembership Seat(InstitutionKind institution, MemberRole role = MemberRole.Member) =>
        TeamMembership.Start(Guid.NewGuid(), institution, institution.ToString(), role,
            new ContactDetails($"{institution} {role}", $"{institution}.{role}@institution.test".ToLowerInvariant(), null, null, null, null, "mk"), Now);

    [Fact]
    public void Measures_drafted_before_anyone_could_carry_them_go_to_the_seats_as_they_are_filled()
    {
        var planId = Guid.NewGuid();
        var enforce = PlanMeasure.Draft(planId, 1, MeasureCatalogue.Get("enforce-emergency-measure"), InstitutionKind.Police, null, null, Now);
        var contact = PlanMeasure.Draft(planId, 2, MeasureCatalogue.Get("contact-within-12-hours"), InstitutionKind.Csr, null, null, Now);
        var school = PlanMeasure.Draft(planId, 3, MeasureCatalogue.Get("notify-school"), InstitutionKind.School, null, null, Now);
        var police = Seat(InstitutionKind.Police);
        var csr = Seat(InstitutionKind.Csr);

        PlanDrafting.AssignUnassigned([enforce, contact, school], [Seat(InstitutionKind.Police, MemberRole.Deputy), police, csr]);

        Assert.Equal(police.Id, enforce.ResponsibleMembershipId);
        Assert.Equal(csr.Id, contact.ResponsibleMembershipId);
        // No school member yet: the centre's member carries the notice until one is seated.
        Assert.Equal(csr.Id, school.ResponsibleMembershipId);
    }

    [Fact]
    public void An_assigned_measure_keeps_its_member()
    {
        var keeper = Guid.NewGuid();
        var measure = PlanMeasure.Draft(Guid.NewGuid(), 1, MeasureCatalogue.Get("regular-contact"), InstitutionKind.Csr, keeper, null, Now);

        PlanDrafting.AssignUnassigned([measure], [Seat(InstitutionKind.Csr)]);

        Assert.Equal(keeper, measure.ResponsibleMembershipId);
    }
}
