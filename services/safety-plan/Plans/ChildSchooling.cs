using Safeguard.BuildingBlocks.Domain;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>
/// Rulebook Art. 28: help to the family with a child's regular schooling — enrolling or continuing at school or
/// kindergarten — is given again "whenever the victim changes her residence or stay". A move makes the plan's
/// schooling help and its school notice (Art. 15) due again, and adds the help where the plan had none.
/// </summary>
public static class ChildSchooling
{
    public const string Help = "child-schooling";
    public const string SchoolNotice = "notify-school";

    /// <returns>The measures due again (an added one included), or the rule the move breaks; nothing changes then.</returns>
    public static (IReadOnlyList<PlanMeasure> DueAgain, RuleBroken? Broken) OnMove(SafetyPlan plan, IReadOnlyList<PlanMeasure> measures,
        IReadOnlyList<TeamMembership> seats, DateTimeOffset movedAt, DateTimeOffset now)
    {
        if (plan.State is not (PlanState.Convened or PlanState.Adopted))
        {
            return ([], RuleBroken.Conflict("state", "A move is recorded on a plan the team is drafting or carrying out."));
        }
        if (movedAt > now + TimeSpan.FromMinutes(5))
        {
            return ([], RuleBroken.Invalid("movedAt", "A move is recorded once it happened."));
        }
        var schooling = measures.Where(m => m.Code is Help or SchoolNotice && m.Status != MeasureStatus.Stopped).ToList();
        if (!plan.ChildrenAtRisk && schooling.Count == 0)
        {
            return ([], RuleBroken.Conflict("childrenAtRisk", "Art. 28 concerns the victim's children; this plan has none at risk."));
        }
        foreach (var measure in schooling)
        {
            measure.DueAgain(movedAt);
        }
        if (!schooling.Any(m => m.Code == Help))
        {
            var catalogued = MeasureCatalogue.Get(Help);
            var seat = PlanDrafting.ResponsibleSeat(seats, catalogued.DefaultResponsible);
            var added = PlanMeasure.Draft(plan.Id, measures.Select(m => m.Number).DefaultIfEmpty().Max() + 1, catalogued,
                seat?.Institution ?? catalogued.DefaultResponsible, seat?.Id, "again on every move", now);
            added.DueAgain(movedAt);
            schooling.Add(added);
        }
        plan.NoteRevision(now);
        return (schooling, null);
    }
}
