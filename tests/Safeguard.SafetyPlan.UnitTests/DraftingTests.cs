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
    public void Measures_drafted_before_anyone_could_carry_them_follow_the_seats_as_they_are_filled()
    {
        var planId = Guid.NewGuid();
        var enforce = PlanMeasure.Draft(planId, 1, MeasureCatalogue.Get("enforce-emergency-measure"), InstitutionKind.Police, null, null, Now);
        var contact = PlanMeasure.Draft(planId, 2, MeasureCatalogue.Get("contact-within-12-hours"), InstitutionKind.Csr, null, null, Now);
        var school = PlanMeasure.Draft(planId, 3, MeasureCatalogue.Get("notify-school"), InstitutionKind.School, null, null, Now);
        var csr = Seat(InstitutionKind.Csr);
        var police = Seat(InstitutionKind.Police);

        // The centre's member is seated first: she carries everything for now, as a draft would.
        PlanDrafting.Redraft([enforce, contact, school], [csr]);
        Assert.All(new[] { enforce, contact, school }, m => Assert.Equal(csr.Id, m.ResponsibleMembershipId));

        // The police are seated next: their measure goes to them; the school notice stays with the centre.
        PlanDrafting.Redraft([enforce, contact, school], [csr, Seat(InstitutionKind.Police, MemberRole.Deputy), police]);
        Assert.Equal(police.Id, enforce.ResponsibleMembershipId);
        Assert.Equal(InstitutionKind.Police, enforce.ResponsibleInstitution);
        Assert.Equal(csr.Id, contact.ResponsibleMembershipId);
        Assert.Equal(csr.Id, school.ResponsibleMembershipId);
    }

    [Fact]
    public void A_measure_its_own_institution_carries_keeps_its_member()
    {
        var keeper = Seat(InstitutionKind.Csr);
        var measure = PlanMeasure.Draft(Guid.NewGuid(), 1, MeasureCatalogue.Get("regular-contact"), InstitutionKind.Csr, keeper.Id, null, Now);

        PlanDrafting.Redraft([measure], [Seat(InstitutionKind.Csr), keeper]);

        Assert.Equal(keeper.Id, measure.ResponsibleMembershipId);
    }
}
