using Safeguard.BuildingBlocks.Access;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>The one-time codes that bind a seat or a referral to the account that reads the invitation (issue 22 §4).</summary>
public sealed class InvitationCodeTests
{
    [Fact]
    public void A_code_is_three_groups_of_four_unambiguous_characters_and_its_hash_finds_it()
    {
        var (code, hash) = InvitationCode.New();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        Assert.Equal(hash, InvitationCode.Hash(code));
        Assert.DoesNotContain(code, hash, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_retyped_code_still_matches_whatever_its_case_spacing_and_look_alike_letters()
    {
        var hash = InvitationCode.Hash("7KQM-30PD-A21T");

        Assert.Equal(hash, InvitationCode.Hash("7kqm 3opd a2it"));
        Assert.Equal(hash, InvitationCode.Hash("7KQM30PDA2LT"));
        Assert.NotEqual(hash, InvitationCode.Hash("7KQM-30PD-A21V"));
    }

    [Fact]
    public void Codes_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => InvitationCode.New().Code).ToHashSet();

        Assert.Equal(2000, codes.Count);
    }
}
