using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>Fail closed (issue 22 §7): a token acts for an institution its roles belong to, or for nothing.</summary>
public sealed class RoleInstitutionsTests
{
    private static Caller Token(string role, string institution, string kind) => new("sub", new HashSet<string> { role }, institution, kind, null);

    [Theory]
    [InlineData(PlatformRoles.CsrCaseWorker, "csr")]
    [InlineData(PlatformRoles.CsrSupervisor, "csr")]
    [InlineData(PlatformRoles.ReintegrationOfficer, "municipality")]
    [InlineData(PlatformRoles.PrisonProbationOfficer, "probation")]
    [InlineData(PlatformRoles.TeamMember, "health")]
    [InlineData(PlatformRoles.Analyst, "ministry")]
    [InlineData(PlatformRoles.PlatformAdmin, "platform")]
    public void A_role_from_an_institution_of_its_kind_fits(string role, string kind) => Assert.Null(RoleInstitutions.Misfit(Token(role, "X1", kind)));

    [Theory]
    [InlineData(PlatformRoles.CsrCaseWorker, "police")]
    [InlineData(PlatformRoles.ReintegrationOfficer, "csr")]
    [InlineData(PlatformRoles.TeamMember, "platform")]
    [InlineData(PlatformRoles.PlatformAdmin, "ministry")]
    public void A_role_from_another_kind_of_institution_does_not(string role, string kind) =>
        Assert.Contains(role, RoleInstitutions.Misfit(Token(role, "X1", kind)));

    [Fact]
    public void A_token_without_an_institution_fits_no_role()
    {
        Assert.NotNull(RoleInstitutions.Misfit(Token(PlatformRoles.CsrSupervisor, "", "csr")));
        Assert.NotNull(RoleInstitutions.Misfit(Token(PlatformRoles.CsrSupervisor, "SK", "")));
    }

    [Fact]
    public void Every_role_of_a_token_must_fit()
    {
        var both = new Caller("sub", new HashSet<string> { PlatformRoles.CsrSupervisor, PlatformRoles.Analyst }, "SK", "csr", null);

        Assert.Contains(PlatformRoles.Analyst, RoleInstitutions.Misfit(both));
    }
}
