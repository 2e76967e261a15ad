using System.Net;
using Microsoft.Playwright;
using Safeguard.ServiceDefaults.Security;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Workspace.Tests;

/// <summary>Issue 24 §10: the centre's supervisor erases a closed case on a person's request from its page.</summary>
public sealed class ErasureTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_supervisor_erases_a_closed_case_on_request_and_its_page_then_names_nobody()
    {
        var centre = Names.CentreCode();
        var surname = Names.Marker();
        var supervisor = await new SignInFlow(platform).RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        var api = platform.As(Personas.Supervisor(centre));
        var opened = await api.OpenCaseAsync(centre, victimName: $"Vesna {surname}");
        var closed = await api.PostIfMatchAsync($"{RiskAssessmentApi.Cases}/{opened.Id}/closure", new { reason = "She moved abroad." }, opened.ETag);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Browsers.Chromium);
        var page = await (await browser.NewWorkspaceContextAsync(platform)).NewPageAsync();
        await page.GotoAsync($"/workspace/cases/{opened.Id}");
        await page.SignInAsync(supervisor);
        await Expect(page.GetByText($"Vesna {surname}")).ToBeVisibleAsync();

        // Nothing leaves before she confirms; a request without its ground is refused beside the field.
        var erase = page.GetByRole(AriaRole.Button, new() { Name = "Erase the case" });
        await Expect(erase).ToBeDisabledAsync();
        await page.GetByLabel("I checked the ground and that the law allows the erasure").CheckAsync();
        await erase.ClickAsync();
        await Expect(page.Locator("[data-form=erase-case] [role=alert]").First).ToBeVisibleAsync();
        await Expect(page.GetByText($"Vesna {surname}")).ToBeVisibleAsync();

        await page.GetByLabel("Ground of the request").SelectOptionAsync("consent-withdrawn");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await erase.ClickAsync();
        await Expect(page.GetByText("The case is erased.")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-erased=consent-withdrawn]")).ToContainTextAsync("Consent withdrawn");
        await Expect(page.GetByText(surname)).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-form=erase-case]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-erased-case-desktop"), FullPage = true });

        Assert.Equal("ConsentWithdrawn", Assert.Single(await platform.QueryAsync("risk-assessment-db",
            "SELECT erasure_ground FROM cases WHERE id = @id AND erased_at IS NOT NULL", ("id", opened.Id)))[0]);
    }
}
