using Safeguard.BuildingBlocks.Access;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Issue 22 §4: a seat is held by the account that presents the code sent to its address.</summary>
public sealed class SeatTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static TeamMembership Seat(InstitutionKind institution = InstitutionKind.Police, string email = "d.petrova@police.test", Guid? team = null) =>
        TeamMembership.Start(team ?? Guid.NewGuid(), institution, "Police station Centar", MemberRole.Member,
            new ContactDetails("Daniela Petrova", email, null, null, null, null, "mk"), Now);

    [Fact]
    public void The_code_is_kept_only_as_its_hash_and_binds_the_seat_to_the_account_that_presents_it_once()
    {
        var seat = Seat();
        var code = seat.Invite(Now);

        Assert.Equal(InvitationCode.Hash(code), seat.InvitationHash);
        Assert.Equal(Now + TeamMembership.InvitationLifetime, seat.InvitationExpiresAt);
        Assert.Null(seat.Accept("officer-1", Now.AddDays(1)));
        Assert.Equal("officer-1", seat.AccountSubject);
        Assert.Null(seat.InvitationHash);
        Assert.Equal("code", seat.Accept("someone-else", Now.AddDays(1))?.Field);
        Assert.Equal("officer-1", seat.AccountSubject);
    }

    [Fact]
    public void An_expired_code_or_a_closed_seat_takes_nobody()
    {
        var late = Seat();
        late.Invite(Now);
        var closed = Seat();
        closed.Invite(Now);
        closed.End(Now.AddHours(1));

        Assert.Equal(TeamMembership.UnknownCode, late.Accept("officer-1", Now + TeamMembership.InvitationLifetime + TimeSpan.FromSeconds(1)));
        Assert.Equal(TeamMembership.UnknownCode, closed.Accept("officer-1", Now.AddHours(2)));
        Assert.False(late.IsAccepted);
        Assert.False(closed.IsAccepted);
    }

    [Theory]
    [InlineData(InstitutionKind.Police, "police", true)]
    [InlineData(InstitutionKind.Police, "health", false)]
    [InlineData(InstitutionKind.Csr, "csr", true)]
    [InlineData(InstitutionKind.Prosecution, "prosecution", true)]
    [InlineData(InstitutionKind.Other, "ngo", true)]
    [InlineData(InstitutionKind.Other, "platform", false)]
    [InlineData(InstitutionKind.School, "", false)]
    public void Only_an_account_of_the_seats_kind_of_institution_may_hold_it(InstitutionKind seat, string kind, bool fits) =>
        Assert.Equal(fits, Seat(seat).FitsInstitution(kind));

    [Fact]
    public void The_same_person_seated_again_for_the_same_institution_keeps_her_account_and_nobody_else_inherits_it()
    {
        var team = Guid.NewGuid();
        var before = Seat(team: team);
        before.Invite(Now);
        before.Accept("officer-1", Now);
        before.End(Now.AddDays(3));

        var again = Seat(email: "D.Petrova@police.test", team: team);
        var successor = Seat(email: "a.stojanov@police.test", team: team);
        var elsewhere = Seat(team: Guid.NewGuid());

        Assert.True(again.KeepHolderOf(before));
        Assert.Equal("officer-1", again.AccountSubject);
        Assert.False(successor.KeepHolderOf(before));
        Assert.False(elsewhere.KeepHolderOf(before));
        Assert.False(successor.IsAccepted || elsewhere.IsAccepted);
    }
}
