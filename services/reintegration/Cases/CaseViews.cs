using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Clocks;

namespace Safeguard.Reintegration.Cases;

public sealed record MemberView(Guid Id, int Position, string FullName, DateOnly DateOfBirth, int Age, Sex Sex, Relationship Relationship, PersonCategory Category, IReadOnlyList<string> Languages)
{
    public static MemberView From(HouseholdMember m, DateOnly today) =>
        new(m.Id, m.Position, m.FullName, m.DateOfBirth, m.AgeOn(today), m.Sex, m.Relationship, m.Category, m.Languages);
}

/// <param name="VisitWithin72Hours">Null until the visit; then whether it kept 004 §1.1's 72 hours.</param>
public sealed record CaseView(
    Guid Id,
    string Reference,
    string MunicipalityCode,
    string? CsrCode,
    PersonCategory Category,
    ArrivalKind ArrivalKind,
    DateTimeOffset ArrivalAt,
    string? PrisonName,
    DateTimeOffset? HandedOverAt,
    DateTimeOffset? ReleaseConfirmedAt,
    CaseState State,
    Household Household,
    IReadOnlyList<MemberView> Members,
    DateTimeOffset? VisitedAt,
    bool? VisitWithin72Hours,
    DateTimeOffset? IncompleteVisitAt,
    DateTimeOffset? PlanAdoptedAt,
    DateTimeOffset? ClosedAt,
    bool? Sustainable,
    EarlyClosureReason? EarlyClosureReason,
    IReadOnlyList<ClockState> Clocks,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ErasedAt,
    ErasureGround? ErasureGround,
    uint Version)
{
    public static CaseView From(ReintegrationCase c, IEnumerable<HouseholdMember> members, DateTimeOffset now) => new(
        c.Id, c.Reference, c.MunicipalityCode, c.CsrCode, c.Category, c.ArrivalKind, c.ArrivalAt, c.PrisonName, c.HandedOverAt, c.ReleaseConfirmedAt,
        c.State, c.Household, members.OrderBy(m => m.Position).Select(m => MemberView.From(m, DateOnly.FromDateTime(now.UtcDateTime))).ToList(),
        c.VisitedAt, CaseClocks.VisitKept(c), c.VisitedAt is null ? c.IncompleteVisitAt : null, c.PlanAdoptedAt, c.ClosedAt, c.Sustainable, c.EarlyClosureReason, CaseClocks.Compute(c, now), c.RegisteredAt,
        c.ErasedAt, c.ErasureGround, c.Version);
}

/// <summary>
/// What the prison that registered a release or a handover sees of it (000 §4.3.4): the case's references and dates,
/// enough to confirm the release, and nothing of the household (seed 003 Art. 3: only what its task needs).
/// </summary>
public sealed record PrisonCaseView(Guid Id, string Reference, string MunicipalityCode, string? CsrCode, ArrivalKind ArrivalKind, DateTimeOffset ArrivalAt,
    string? PrisonName, DateTimeOffset? HandedOverAt, DateTimeOffset? ReleaseConfirmedAt, CaseState State, DateTimeOffset RegisteredAt, uint Version)
{
    public static PrisonCaseView From(ReintegrationCase c) => new(c.Id, c.Reference, c.MunicipalityCode, c.CsrCode, c.ArrivalKind, c.ArrivalAt, c.PrisonName,
        c.HandedOverAt, c.ReleaseConfirmedAt, c.State, c.RegisteredAt, c.Version);
}

/// <summary>A case in a list: references, state and clocks; no names.</summary>
public sealed record CaseSummary(Guid Id, string Reference, string MunicipalityCode, PersonCategory Category, CaseState State,
    DateTimeOffset ArrivalAt, IReadOnlyList<ClockState> Clocks)
{
    public static CaseSummary From(ReintegrationCase c, DateTimeOffset now) =>
        new(c.Id, c.Reference, c.MunicipalityCode, c.Category, c.State, c.ArrivalAt, CaseClocks.Compute(c, now));
}
