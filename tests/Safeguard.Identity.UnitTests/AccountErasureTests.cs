using Safeguard.Identity.Accounts;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.UnitTests;

/// <summary>Issue 24 §10: an erased account keeps only what the audit needs: its id, institution, roles and dates.</summary>
public sealed class AccountErasureTests
{
    [Fact]
    public void An_erased_account_has_no_address_and_no_credentials_and_keeps_its_id_institution_and_roles()
    {
        var id = Guid.NewGuid();
        var account = new Account
        {
            Id = id, UserName = "ana@csr-sk.example", NormalizedUserName = "ANA@CSR-SK.EXAMPLE", Email = "ana@csr-sk.example",
            NormalizedEmail = "ANA@CSR-SK.EXAMPLE", EmailConfirmed = true, PhoneNumber = "+389 70 123 456", PasswordHash = "hash", TwoFactorEnabled = true,
            SecurityStamp = "stamp", InstitutionCode = "SK", Roles = [PlatformRoles.CsrSupervisor], Language = "mk", CreatedBy = "pa-1",
        };
        var disabledAt = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        account.Disable("pa-1", disabledAt);

        account.Erase(disabledAt.AddYears(10));

        Assert.Equal(($"erased-{id:N}", $"ERASED-{id:N}".ToUpperInvariant()), (account.UserName, account.NormalizedUserName));
        Assert.Equal((null, null, null, null, false, false), (account.Email, account.NormalizedEmail, account.PhoneNumber, account.PasswordHash,
            account.EmailConfirmed, account.TwoFactorEnabled));
        Assert.NotEqual("stamp", account.SecurityStamp);
        Assert.Equal((id, "SK", disabledAt, disabledAt.AddYears(10)), (account.Id, account.InstitutionCode, account.DisabledAt, account.ErasedAt));
        Assert.Equal([PlatformRoles.CsrSupervisor], account.Roles);
    }
}
