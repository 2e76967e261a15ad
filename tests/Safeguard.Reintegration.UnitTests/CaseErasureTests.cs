using System.Security.Cryptography;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Consent;
using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Plans;
using Safeguard.Reintegration.Referrals;
using Safeguard.Reintegration.Reviews;

namespace Safeguard.Reintegration.UnitTests;

/// <summary>Issue 24 §10: what erasing a reintegration case removes, what it keeps for the indicators, and when it may happen.</summary>
public sealed class CaseErasureTests
{
    private static readonly DateTimeOffset Arrived = new(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Closed = Arrived.AddMonths(18);
    private static readonly DateTimeOffset Now = Closed.AddYears(10);

    private static ReintegrationCase Release() => ReintegrationCase.Register("RI-DR-2026-00003", "DR", "CSR-DR", PersonCategory.FormerPrisoner,
        ArrivalKind.Release, Arrived, "Dubrava prison", null, new Household("Rruga e Dëshmorëve 4, Dragash", "+383 44 123 456"), Arrived);

    [Fact]
    public void Erasing_removes_where_the_household_lives_and_the_prison_and_keeps_what_the_indicators_count()
    {
        var c = Release();
        c.RecordVisit(Arrived.AddHours(30), joint: true, Arrived.AddHours(30));
        c.Close(Closed, sustainable: true, reason: null, Closed);

        c.Erase(ErasureGround.Objection, Now);

        Assert.Equal(new Household(ReintegrationCase.Erased, null), c.Household);
        Assert.Null(c.PrisonName);
        Assert.Equal((Now, ErasureGround.Objection), (c.ErasedAt, c.ErasureGround));
        Assert.Equal(("DR", "CSR-DR", PersonCategory.FormerPrisoner, ArrivalKind.Release, Arrived, CaseState.Closed, true),
            (c.MunicipalityCode, c.CsrCode, c.Category, c.ArrivalKind, c.ArrivalAt, c.State, c.Sustainable));
        Assert.Equal(Arrived.AddHours(30), c.VisitedAt);
    }

    [Fact]
    public void Only_a_closed_case_is_erased_and_only_once()
    {
        var c = Release();
        Assert.Equal(("state", RuleKind.Conflict), (c.CheckErasable()?.Field, c.CheckErasable()?.Kind));

        c.Close(Closed, sustainable: false, reason: null, Closed);
        Assert.Null(c.CheckErasable());
        c.Erase(ErasureGround.RetentionEnded, Now);
        Assert.Equal(("erasedAt", RuleKind.Conflict), (c.CheckErasable()?.Field, c.CheckErasable()?.Kind));
    }

    [Fact]
    public void A_member_loses_her_name_and_its_hashes_and_keeps_only_the_year_of_her_birth()
    {
        var member = HouseholdMember.Add(Guid.NewGuid(), 2, "Drita Berisha", new DateOnly(2014, 9, 23), Sex.Female, Relationship.Child,
            PersonCategory.Repatriated, ["sq", "de"], new NameSearch(RandomNumberGenerator.GetBytes(32)), Arrived);
        Assert.NotEmpty(member.NameTokens);

        member.Erase();

        Assert.Equal((ReintegrationCase.Erased, new DateOnly(2014, 1, 1)), (member.FullName, member.DateOfBirth));
        Assert.Empty(member.NameTokens);
        Assert.Equal((2, Sex.Female, Relationship.Child, PersonCategory.Repatriated), (member.Position, member.Sex, member.Relationship, member.Category));
        Assert.Equal(["sq", "de"], member.Languages);
    }

    [Fact]
    public void The_records_under_the_case_lose_their_words_and_keep_their_kinds_dates_and_findings()
    {
        var caseId = Guid.NewGuid();
        var memberId = Guid.NewGuid();
        var visit = NeedsAssessment.Record(caseId, Arrived.AddHours(30), [new Visitor("Officer A", "Municipality Dragash", VisitorRole.CentreForSocialWork)],
            [new Need(NeedArea.Housing, NeedLevel.Urgent, null, "Lives with his brother since the house burned")], Arrived.AddHours(31));
        var item = PlanItem.Plan(caseId, ServicePackages.All[0], memberId, InstitutionKind.EmploymentOffice, "Employment office Dragash",
            DateOnly.FromDateTime(Arrived.AddMonths(2).UtcDateTime), Arrived);
        item.Set(PlanItemStatus.InProgress, "Has a criminal record for theft", Arrived.AddDays(10));
        var consent = DataSharingConsent.Record(caseId, memberId, ConsentGiver.Guardian, "Fatmire Berisha", Arrived, [InstitutionKind.EmploymentOffice], Arrived);
        var referral = Referral.Send("RI-DR-2026-00003/01", caseId, item.Id, "registration", [memberId],
            new Recipient(InstitutionKind.EmploymentOffice, "Employment office Dragash", "A. Hoxha", "a.hoxha@example.org", "sq"),
            "Register him as a job-seeker; he served four years", "officer@example.org", Arrived, Arrived.AddDays(14));
        var change = referral.MoveTo(ReferralStatus.Accepted, Arrived.AddDays(2), "A. Hoxha", "Called his mother", null, Arrived.AddDays(2));
        var review = Review.Record(caseId, ReviewKind.FinalAssessment, Closed, "Officer A", "Works at the bakery; drinks again", null, [], true, Closed);

        visit.Erase();
        item.Erase();
        consent.Erase();
        referral.Erase();
        change.Erase();
        review.Erase();

        Assert.Equal([new Need(NeedArea.Housing, NeedLevel.Urgent, null, null)], visit.Needs);
        Assert.Equal(VisitorRole.CentreForSocialWork, Assert.Single(visit.Visitors).Represents);
        Assert.Equal((null, PlanItemStatus.InProgress), (item.Note, item.Status));
        Assert.Equal((null, ConsentGiver.Guardian), (consent.GuardianName, consent.GivenBy));
        Assert.Equal((ReintegrationCase.Erased, null, ReferralStatus.Accepted, "registration"), (referral.Request, referral.Outcome, referral.Status, referral.Service));
        Assert.Equal((null, ReferralStatus.Accepted), (change.Note, change.To));
        Assert.Equal((ReintegrationCase.Erased, true, ReviewKind.FinalAssessment), (review.Summary, review.Sustainable, review.Kind));
    }
}
