using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>Issue 24 §10: a request to erase names a ground of GDPR Art. 17(1); the end of a period is the platform's own ground.</summary>
public sealed class ErasureRequestTests
{
    [Theory]
    [InlineData(ErasureGround.NoLongerNecessary)]
    [InlineData(ErasureGround.ConsentWithdrawn)]
    [InlineData(ErasureGround.Objection)]
    [InlineData(ErasureGround.UnlawfullyProcessed)]
    [InlineData(ErasureGround.LegalObligation)]
    public void A_ground_of_article_17_1_is_accepted(ErasureGround ground) => Assert.Null(new ErasureRequest { Ground = ground }.Check());

    [Fact]
    public void The_end_of_a_retention_period_is_not_a_request_s_ground()
    {
        var broken = new ErasureRequest { Ground = ErasureGround.RetentionEnded }.Check();
        Assert.Equal(("ground", RuleKind.Invalid), (broken?.Field, broken?.Kind));
    }
}
