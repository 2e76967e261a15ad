using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>
/// Drafts a new plan's measures from what convened the team (Art. 19: the assessment and the police report
/// feed the plan) and assigns each to the team's member for the institution that usually carries it out,
/// or to the centre's member when the team has no one for that institution. The team revises the draft
/// before adopting it.
/// </summary>
public static class PlanDrafting
{
    public static IEnumerable<PlanMeasure> Draft(SafetyPlan plan, IReadOnlyList<TeamMembership> seats, DateTimeOffset now)
    {
        var drafted = new List<(string Code, string? Frequency)>
        {
            ("contact-within-12-hours", "once, within 12 hours of adoption"),   // Art. 15
            ("regular-contact", "at least every 48 hours"),                      // Art. 21
        };
        if (plan.EmergencyMeasures.Count > 0)
        {
            drafted.Add(("enforce-emergency-measure", "for the duration the court sets")); // Art. 19
        }
        if (plan.RedFlags.Contains("weapon"))
        {
            drafted.Add(("notify-employer-official-firearm", "once, where he carries an official firearm")); // Art. 15
        }
        if (plan.ChildrenAtRisk)
        {
            drafted.Add(("notify-school", "once, and again on every move"));     // Art. 15, 28
            drafted.Add(("temporary-custody-to-victim-parent", "within 12 hours of the report, where it applies")); // Art. 31
        }

        foreach (var ((code, frequency), index) in drafted.Select((d, i) => (d, i)))
        {
            var measure = MeasureCatalogue.Get(code);
            var seat = ResponsibleSeat(seats, measure.DefaultResponsible);
            yield return PlanMeasure.Draft(plan.Id, index + 1, measure, seat?.Institution ?? measure.DefaultResponsible, seat?.Id, frequency, now);
        }
    }

    /// <summary>
    /// While a plan is drafted, its measures follow the team as seats are filled, by the same rule as the draft:
    /// a measure nobody could carry yet (a plan convened while its centre had no team), or one the centre's
    /// member carried for want of its own institution's member, goes to that institution's member once seated.
    /// </summary>
    public static void Redraft(IEnumerable<PlanMeasure> measures, IReadOnlyList<TeamMembership> seats)
    {
        foreach (var measure in measures)
        {
            if (!MeasureCatalogue.TryGet(measure.Code, out var catalogued))
            {
                continue; // a measure the team added or worded itself names its own member
            }
            var carriedByItsInstitution = measure.ResponsibleMembershipId is not null && measure.ResponsibleInstitution == catalogued.DefaultResponsible;
            if (!carriedByItsInstitution && ResponsibleSeat(seats, catalogued.DefaultResponsible) is { } seat && seat.Id != measure.ResponsibleMembershipId)
            {
                measure.AssignTo(seat);
            }
        }
    }

    /// <summary>The seat that carries a measure of <paramref name="institution"/>: its member, else the centre's.</summary>
    public static TeamMembership? ResponsibleSeat(IReadOnlyList<TeamMembership> seats, InstitutionKind institution) =>
        seats.FirstOrDefault(s => s.Role == MemberRole.Member && s.Institution == institution)
        ?? seats.FirstOrDefault(s => s.Role == MemberRole.Member && s.Institution == InstitutionKind.Csr);
}
