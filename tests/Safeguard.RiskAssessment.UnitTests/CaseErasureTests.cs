using System.Security.Cryptography;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.UnitTests;

/// <summary>Issue 24 §10: what erasing a case removes, what it keeps for the indicators, and when it may happen.</summary>
public sealed class CaseErasureTests
{
    private static readonly DateTimeOffset Now = CaseFactory.LearnedAt.AddYears(11);

    [Fact]
    public void Erasing_removes_who_the_case_is_about_and_keeps_what_the_indicators_count()
    {
        var c = Case.Open(new CaseReference("SK", 2026, 7), ReportSource.Police, CaseFactory.LearnedAt, CaseFactory.LearnedAt.AddMinutes(5),
            new Victim("Arta Krasniqi", VictimCategory.Child, new DateOnly(2012, 3, 4)),
            [new HouseholdMember("Besa Krasniqi", "sister", IsChild: true)],
            new Perpetrator("Driton K.", "father"), new NameSearch(RandomNumberGenerator.GetBytes(32)));
        c.RecordAssessment(RiskLevel.High, CaseFactory.LearnedAt.AddHours(2));
        c.Close("Moved to her aunt in Tetovo", CaseFactory.LearnedAt.AddMonths(3));
        Assert.NotEmpty(c.NameTokens);

        c.Erase(ErasureGround.ConsentWithdrawn, Now);

        Assert.Equal(new Victim(Case.Erased, VictimCategory.Child, null), c.Victim);
        Assert.Equal([new HouseholdMember(Case.Erased, "sister", true)], c.Household);
        Assert.Equal(new Perpetrator(Case.Erased, "father"), c.Perpetrator);
        Assert.Null(c.ClosureReason);
        Assert.Empty(c.NameTokens);
        Assert.Equal(Now, c.ErasedAt);
        Assert.Equal(ErasureGround.ConsentWithdrawn, c.ErasureGround);
        // The indicators' inputs stay.
        Assert.Equal(("SK", "SK-2026-00007", CaseState.Closed, RiskLevel.High, 1), (c.CentreCode, c.Reference, c.State, c.RiskLevel, c.AssessmentCount));
        Assert.Equal(CaseFactory.LearnedAt.AddMonths(3), c.ClosedAt);
        Assert.True(c.ProtectionWithoutConsent);
    }

    [Fact]
    public void Only_a_closed_case_is_erased_and_only_once()
    {
        var c = CaseFactory.Open();
        var open = c.CheckErasable();
        Assert.Equal(("state", RuleKind.Conflict), (open?.Field, open?.Kind));

        c.Close("No further risk", CaseFactory.LearnedAt.AddDays(30));
        Assert.Null(c.CheckErasable());
        c.Erase(ErasureGround.RetentionEnded, Now);
        var again = c.CheckErasable();
        Assert.Equal(("erasedAt", RuleKind.Conflict), (again?.Field, again?.Kind));
    }
}
