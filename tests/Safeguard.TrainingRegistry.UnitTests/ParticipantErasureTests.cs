using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Participants;

namespace Safeguard.TrainingRegistry.UnitTests;

/// <summary>Issue 24 §10: what erasing a participant removes, what it keeps for the indicators, and when it may happen.</summary>
public sealed class ParticipantErasureTests
{
    private static readonly DateTimeOffset Registered = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Participant Officer() => Participant.Register("Ljubica Stojanovska", new DateOnly(1984, 5, 6), "L.Stojanovska@mvr.gov.mk",
        "SVR Skopje", "Inspector", TargetGroup.Police, "mk", Registered);

    [Fact]
    public void Erasing_removes_who_she_is_and_keeps_what_the_indicators_count()
    {
        var p = Officer();

        p.Erase(ErasureGround.NoLongerNecessary, Registered.AddYears(3));

        Assert.Equal((Participant.Erased, Participant.Erased, Participant.Erased, (DateOnly?)null), (p.FullName, p.NameKey, p.Email, p.DateOfBirth));
        Assert.Equal(("SVR Skopje", "Inspector", TargetGroup.Police, "mk"), (p.Institution, p.Position, p.TargetGroup, p.Language));
        Assert.Equal((Registered.AddYears(3), ErasureGround.NoLongerNecessary), (p.ErasedAt, p.ErasureGround));
    }

    [Fact]
    public void She_is_erased_once_and_not_while_she_takes_part_in_a_session_to_come()
    {
        var p = Officer();
        Assert.Equal(("enrolments", RuleKind.Conflict), (p.CheckErasable(takesPartInSessionToCome: true)?.Field, p.CheckErasable(true)?.Kind));
        Assert.Null(p.CheckErasable(takesPartInSessionToCome: false));

        p.Erase(ErasureGround.RetentionEnded, Registered.AddYears(10));
        Assert.Equal("erasedAt", p.CheckErasable(false)?.Field);
    }
}
