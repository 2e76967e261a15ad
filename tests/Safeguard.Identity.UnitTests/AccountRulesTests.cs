using Safeguard.Identity.Accounts;
using Safeguard.Identity.Institutions;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.UnitTests;

public sealed class AccountRulesTests
{
    private static Institution Of(string kind) => new() { Code = "SK", Kind = kind, Name = "Centre", Language = "mk", RegisteredBy = "pa-1" };

    [Theory]
    [InlineData(PlatformRoles.CsrCaseWorker, true)]
    [InlineData(PlatformRoles.CsrSupervisor, true)]
    [InlineData(PlatformRoles.TeamMember, true)]
    [InlineData(PlatformRoles.ReintegrationOfficer, false)]
    [InlineData(PlatformRoles.Analyst, false)]
    [InlineData(PlatformRoles.PlatformAdmin, false)]
    public void Every_role_that_reads_a_victims_record_needs_a_second_factor(string role, bool needed) =>
        Assert.Equal(needed, Account.RolesNeedSecondFactor([role]));

    [Fact]
    public void An_institution_holds_only_the_roles_of_its_kind_and_known_roles()
    {
        Assert.Null(Of("csr").Misfit([PlatformRoles.CsrSupervisor, PlatformRoles.CsrCaseWorker]));
        Assert.Contains("does not belong", Of("police").Misfit([PlatformRoles.CsrCaseWorker]));
        Assert.Contains("does not belong", Of("platform").Misfit([PlatformRoles.TeamMember]));
        Assert.Contains("Unknown role", Of("csr").Misfit(["superuser"]));
    }

    [Fact]
    public void A_supervisor_manages_the_case_workers_of_her_own_centre_only_and_the_platform_administrator_any_account()
    {
        var supervisor = new Caller("sv-1", new HashSet<string> { PlatformRoles.CsrSupervisor }, "SK", "csr", null);
        Assert.True(AccountAccessRules.MayManage(supervisor, "SK", [PlatformRoles.CsrCaseWorker]));
        Assert.False(AccountAccessRules.MayManage(supervisor, "SK", [PlatformRoles.CsrSupervisor]));
        Assert.False(AccountAccessRules.MayManage(supervisor, "KU", [PlatformRoles.CsrCaseWorker]));
        var worker = new Caller("cw-1", new HashSet<string> { PlatformRoles.CsrCaseWorker }, "SK", "csr", null);
        Assert.False(AccountAccessRules.MayManage(worker, "SK", [PlatformRoles.CsrCaseWorker]));
        var admin = new Caller("pa-1", new HashSet<string> { PlatformRoles.PlatformAdmin }, "PLATFORM", "platform", null);
        Assert.True(AccountAccessRules.MayManage(admin, "MVR", [PlatformRoles.TeamMember]));
    }
}
