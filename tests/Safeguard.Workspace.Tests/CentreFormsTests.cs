using Microsoft.Playwright;
using Safeguard.ServiceDefaults.Security;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Workspace.Tests;

/// <summary>
/// Issue 23: a supervisor forms her centre's multisectoral team (Annex 4) and writes a victim's individual plan
/// (Annex 3) in the workspace, and prints the plan in Macedonian.
/// </summary>
public sealed class CentreFormsTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_supervisor_seats_the_police_on_her_team_and_writes_and_prints_an_individual_plan()
    {
        var centre = Names.CentreCode();
        var supervisor = await new SignInFlow(platform).RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        var opened = await platform.As(Personas.Supervisor(centre)).OpenCaseAsync(centre, victimName: "Elena Stojanova");
        await platform.WaitUntilSafetyPlanKnowsAsync(opened.Id);
        var officerEmail = $"officer.{centre}@police.test".ToLowerInvariant();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Browsers.Chromium);
        var page = await (await browser.NewWorkspaceContextAsync(platform)).NewPageAsync();
        await page.GotoAsync("/workspace/team");
        await page.SignInAsync(supervisor);

        // Annex 4: the team, then the police's seat; a wrong address is named beside its field and nothing is lost.
        await page.GetByLabel("Name of the team").FillAsync($"Team {centre}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the team" }).ClickAsync();
        await page.GetByLabel("Institution", new() { Exact = true }).SelectOptionAsync("police");
        await page.GetByLabel("Name of the institution").FillAsync("Police station Centar");
        await page.GetByLabel("Full name (Member of the team)").FillAsync("Officer Trajkovska");
        await page.GetByLabel("E-mail (Member of the team)").FillAsync("not an address");
        await page.GetByLabel("Mobile (Member of the team)").FillAsync("+389 70 123 456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the seat" }).ClickAsync();
        var emailField = page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel("E-mail (Member of the team)") });
        await Expect(emailField.Locator(".mud-input-error").First).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Full name (Member of the team)")).ToHaveValueAsync("Officer Trajkovska");
        await page.GetByLabel("E-mail (Member of the team)").FillAsync(officerEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the seat" }).ClickAsync();
        await Expect(page.Locator("#roster tr[data-seat=police]")).ToContainTextAsync("Officer Trajkovska");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-team-desktop"), FullPage = true });
        // Her invitation carries the code and the seat page's address.
        var code = await platform.Inbox.InvitationCodeAsync(officerEmail);
        Assert.False(string.IsNullOrEmpty(code));

        // Annex 3: questions 1 and 2 first; the rest of the form opens once she is informed and consents.
        await page.GotoAsync($"/workspace/cases/{opened.Id}/individual-plan");
        await Expect(page.Locator("[data-content=closed]")).ToBeVisibleAsync();
        await page.GetByLabel("She is informed of the individual plan and its purpose").CheckAsync();
        await page.GetByLabel("She consents to the use and exchange of her personal data").CheckAsync();
        await page.GetByLabel("What does she fear?").FillAsync("That he comes back at night");
        await Expect(page.GetByLabel("Full name", new() { Exact = true })).ToHaveValueAsync("Elena Stojanova");
        await page.Locator("[data-row=threats-to-kill]").GetByLabel("Threats to kill", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a measure" }).ClickAsync();
        await page.GetByLabel("Measure 1").FillAsync("Accommodation in the shelter");
        await page.GetByLabel("Responsible 1").FillAsync("Case worker of the centre");
        await page.GetByLabel("Adopted on").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Reviewed every (days)").FillAsync("14");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-annex3-desktop"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the individual plan" }).ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();

        // What was saved is what safety-plan keeps.
        var rows = await platform.QueryAsync("safety-plan-db", "SELECT review_every_days FROM individual_plans WHERE case_id = @id", ("id", opened.Id));
        Assert.Equal(14, Convert.ToInt32(Assert.Single(rows)[0]));

        // Printed in Macedonian, laid out like the form.
        await page.GetByLabel("Language").SelectOptionAsync("mk");
        await page.GotoAsync($"/workspace/cases/{opened.Id}/print/annex-3");
        await Expect(page.GetByText("Прилог 3", new() { Exact = true })).ToBeVisibleAsync();
        foreach (var section in new[] { "1", "2", "3", "4" })
        {
            await Expect(page.Locator($"[data-section='{section}']")).ToBeVisibleAsync();
        }
        await Expect(page.GetByText("Accommodation in the shelter")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Печати" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-print-annex-3-mk"), FullPage = true });
    }
}
