namespace Safeguard.Reintegration.Cases;

/// <summary>Who the reintegration programmes serve (domain brief §3; seed 004 intro; seed 000 §4.2.3-4.2.5; seed 002).</summary>
public enum PersonCategory
{
    /// <summary>A repatriated (readmitted) person (004, Regulation 22/2020).</summary>
    Repatriated,

    /// <summary>A foreigner granted international protection or residence (004, Regulation 09/2019).</summary>
    ForeignerWithStatus,

    /// <summary>A former prisoner after release: post-penal care (seed 002; 000 §4.2.4).</summary>
    FormerPrisoner,

    /// <summary>A returned foreign fighter in the voluntary reintegration programme (000 §4.2.3).</summary>
    ReturnedForeignFighter,

    /// <summary>A woman or child of a returned fighter's family in the voluntary programme (000 §4.2.3).</summary>
    FighterFamilyMember,
}

/// <summary>The event that starts the 72 hours of 004 §1.1.</summary>
public enum ArrivalKind
{
    /// <summary>Return to the country (repatriation).</summary>
    Return,

    /// <summary>The grant of status or a residence permit to a foreigner.</summary>
    StatusGranted,

    /// <summary>Release from a prison.</summary>
    Release,

    /// <summary>The prison hands the case to the CSR of the place of residence before release (000 §4.3.4); the clock runs from the (expected) release.</summary>
    PreReleaseHandover,
}

public enum Relationship
{
    Head,
    Spouse,
    Child,
    Parent,
    Sibling,
    Other,
}

public enum Sex
{
    Female,
    Male,
}

public enum CaseState
{
    /// <summary>Registered; the visit and needs assessment are awaited (004 §1.1).</summary>
    AwaitingVisit,

    /// <summary>Needs assessed; the individual plan is awaited (004 §1.2).</summary>
    Assessed,

    /// <summary>The individual plan is in force: monthly and quarterly monitoring (004 §1.3-1.4).</summary>
    PlanActive,

    /// <summary>Closed by the final assessment (004 §1.5).</summary>
    Closed,
}

public static class CategoryRules
{
    /// <summary>Which arrivals fit which category: status is granted to foreigners only, and prisons release former prisoners (or convicted returned fighters, 000 §4.2.4).</summary>
    public static bool Fits(PersonCategory category, ArrivalKind arrival) => arrival switch
    {
        ArrivalKind.StatusGranted => category == PersonCategory.ForeignerWithStatus,
        ArrivalKind.Release or ArrivalKind.PreReleaseHandover => category is PersonCategory.FormerPrisoner or PersonCategory.ReturnedForeignFighter,
        _ => category is PersonCategory.Repatriated or PersonCategory.ReturnedForeignFighter or PersonCategory.FighterFamilyMember,
    };

    public static bool FromPrison(ArrivalKind arrival) => arrival is ArrivalKind.Release or ArrivalKind.PreReleaseHandover;

    /// <summary>
    /// 000 §4.3.4: before release the prison works with the centre for social work of the convicted person's place
    /// of residence, so a handover must name that centre; the other arrivals may name one.
    /// </summary>
    public static bool NeedsCentre(ArrivalKind arrival) => arrival == ArrivalKind.PreReleaseHandover;
}

/// <summary>Why a case closed before its 18 months (004 §1.5): it ended, it was not assessed as reintegrated.</summary>
public enum EarlyClosureReason
{
    Death,

    /// <summary>The household left the country.</summary>
    Departure,

    /// <summary>The household moved to another municipality, whose office takes the case up.</summary>
    Transfer,
}
