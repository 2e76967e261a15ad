using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguard.ServiceDefaults.Security;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Workspace.Tests;

/// <summary>
/// Issue 23, the protection chain in a browser: a supervisor takes a report of violence (a validation error shown
/// beside its field, her input kept), answers Annex 1 and sees the level and its red flag as she answers; a second
/// tab records the victim's consent meanwhile, so the first tab's assessment meets "someone changed this" and
/// keeps every answer; the team is convened and the plan adopted. The police member takes her seat from the
/// e-mail's link and code, follows the overdue reminder's link to the plan and records a contact: the red badge
/// clears.
/// </summary>
public sealed partial class ProtectionChainTests(PlatformFixture platform)
{
    [GeneratedRegex(@"https?://\S+/workspace/\S+")]
    private static partial Regex WorkspaceLink();

    [GeneratedRegex(@"/workspace/plans/(?<id>[0-9a-f-]{36})")]
    private static partial Regex PlanAddress();

    [Fact]
    public async Task From_the_report_to_a_team_members_contact_in_the_workspace()
    {
        var centre = Names.CentreCode();
        var accounts = new SignInFlow(platform);
        var supervisor = await accounts.RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        var officer = await accounts.RegisterInstitutionAsync(Names.CentreCode(), "police", PlatformRoles.TeamMember);
        await platform.As(Personas.Supervisor(centre)).CreateTeamAsync(centre, "csr", "police");
        var seatEmail = SafetyPlanApi.SeatEmail("police", centre);
        var victim = $"Workspace Victim {centre}";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Browsers.Chromium);
        var centreTab = await (await browser.NewWorkspaceContextAsync(platform)).NewPageAsync();
        await centreTab.GotoAsync("/workspace/cases/new");
        await centreTab.SignInAsync(supervisor);

        // Intake: the victim's name forgotten, the answer names the field and keeps what she typed.
        await centreTab.Locator("[data-group=reportedBy]").GetByLabel("Police", new() { Exact = true }).CheckAsync();
        await centreTab.Locator("[data-group=category]").GetByLabel("Adult", new() { Exact = true }).CheckAsync();
        await centreTab.GetByLabel("Perpetrator's full name").FillAsync("Workspace Perpetrator");
        await centreTab.GetByLabel("Relation to the victim").FillAsync("husband");
        await Accessibility.AssertNoSeriousViolationsAsync(centreTab);
        await centreTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-intake-desktop"), FullPage = true });
        await centreTab.SetViewportSizeAsync(390, 844);
        await centreTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-intake-phone"), FullPage = true });
        await centreTab.SetViewportSizeAsync(1280, 720);
        await centreTab.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        var nameField = centreTab.Locator(".mud-input-control").Filter(new() { Has = centreTab.GetByLabel("Full name", new() { Exact = true }) });
        await Expect(nameField.Locator(".mud-input-error").First).ToBeVisibleAsync();
        await Expect(centreTab.Locator(".mud-input-control .mud-input-error")).ToHaveCountAsync(await nameField.Locator(".mud-input-error").CountAsync());
        await Expect(centreTab.GetByLabel("Perpetrator's full name")).ToHaveValueAsync("Workspace Perpetrator");
        await centreTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-intake-error-desktop"), FullPage = true });
        await centreTab.GetByLabel("Full name", new() { Exact = true }).FillAsync(victim);
        await centreTab.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        await Expect(centreTab.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Case ") })).ToBeVisibleAsync();
        var caseUrl = centreTab.Url;
        Assert.DoesNotContain("Victim", caseUrl);
        Assert.DoesNotContain("Victim", await centreTab.TitleAsync());
        await Expect(centreTab.GetByText(victim)).ToBeVisibleAsync();

        // Annex 1, the level as she answers.
        await centreTab.GetByRole(AriaRole.Link, new() { Name = "Risk assessment (Annex 1)" }).ClickAsync();
        await Expect(centreTab.Locator("fieldset[data-item='1.2']")).ToBeVisibleAsync();
        foreach (var item in await centreTab.Locator("fieldset[data-item]:has(input[type=radio])").AllAsync())
        {
            await item.GetByLabel("No", new() { Exact = true }).CheckAsync();
        }
        await Expect(centreTab.Locator("#risk-panel [data-level]")).ToHaveAttributeAsync("data-level", "standard");
        await centreTab.Locator("fieldset[data-item='1.14']").GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Expect(centreTab.Locator("#risk-panel [data-level]")).ToHaveAttributeAsync("data-level", "high");
        await Expect(centreTab.Locator("#risk-panel [data-red-flag=threat-to-kill]")).ToBeVisibleAsync();
        await centreTab.GetByLabel("The victim was informed of her rights and the protection measures (Art. 4, 6)").CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(centreTab);
        await centreTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-annex1-desktop"), FullPage = true });
        await centreTab.SetViewportSizeAsync(390, 844);
        await centreTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-annex1-phone") });
        await centreTab.SetViewportSizeAsync(1280, 720);

        // Meanwhile, in a second tab, her consent (Annex 2) is recorded: the case changes under the first tab.
        var consentTab = await centreTab.Context.NewPageAsync();
        await consentTab.GotoAsync(caseUrl + "/consent");
        var informedOf = consentTab.Locator("[data-group=rights] input[type=checkbox], [data-group=informed-measures] input[type=checkbox]");
        await Expect(informedOf).ToHaveCountAsync(7 + 8);
        foreach (var box in await informedOf.AllAsync())
        {
            await box.CheckAsync();
        }
        await consentTab.Locator("[data-group=consented-measures]").GetByLabel("Legal aid and representation").CheckAsync();
        await consentTab.Locator("[data-group=team]").GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(consentTab);
        await consentTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-annex2-desktop"), FullPage = true });
        await consentTab.GetByRole(AriaRole.Button, new() { Name = "Record the signed form" }).ClickAsync();
        await Expect(consentTab.Locator("[data-consent=given]")).ToBeVisibleAsync();

        await centreTab.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await Expect(centreTab.Locator("[data-stale=true]")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(centreTab);
        await Expect(centreTab.Locator("fieldset[data-item='1.14']").GetByLabel("Yes", new() { Exact = true })).ToBeCheckedAsync();
        await centreTab.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Expect(centreTab.Locator("[data-stale=true]")).ToHaveCountAsync(0);
        await centreTab.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await Expect(centreTab.Locator("[data-level=high]")).ToBeVisibleAsync();

        // The team is convened (high risk, her consent to the team): the plan appears on the case; the team adopts it.
        var planLink = centreTab.GetByRole(AriaRole.Link, new() { Name = "Safety plan (Annex 5)" });
        for (var attempt = 0; attempt < 60 && await planLink.CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await centreTab.ReloadAsync();
        }
        await Accessibility.AssertNoSeriousViolationsAsync(centreTab);
        await centreTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-case-desktop"), FullPage = true });
        await planLink.ClickAsync();
        await Expect(centreTab.Locator("h1")).ToContainTextAsync("Safety plan (Annex 5) ·");
        var reference = (await centreTab.Locator("h1").TextContentAsync())!.Split('·').Last().Trim();

        // The centre adds the police's emergency measure: a measure of the team's own with nobody to answer for it is
        // refused, named beside "who answers for it"; choosing the catalogue's measure names the police member.
        var addMeasure = centreTab.Locator("[data-form=add-measure]");
        await addMeasure.Locator("#measure-code").SelectOptionAsync("other");
        await addMeasure.GetByRole(AriaRole.Button, new() { Name = "Add the measure" }).ClickAsync();
        await Expect(addMeasure.Locator("#measure-responsible")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(addMeasure.Locator("#measure-responsible + [role=alert], #measure-responsible ~ [role=alert]")).ToBeVisibleAsync();
        await addMeasure.Locator("#measure-code").SelectOptionAsync("enforce-emergency-measure");
        await Expect(addMeasure.Locator("#measure-responsible option:checked")).ToContainTextAsync($"police Member {centre}");
        await addMeasure.GetByLabel("How often").FillAsync("daily patrol");
        await addMeasure.GetByRole(AriaRole.Button, new() { Name = "Add the measure" }).ClickAsync();
        await Expect(centreTab.GetByText("The measure is added.")).ToBeVisibleAsync();
        await Expect(centreTab.Locator("[data-measure=enforce-emergency-measure]")).ToContainTextAsync($"police Member {centre}");
        await Accessibility.AssertNoSeriousViolationsAsync(centreTab);
        await centreTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-plan-centre-desktop"), FullPage = true });

        // The Annex 5 form: a draft prefilled from the assessment until the centre saves it; the rest opens once she
        // is informed and consents; what is saved is there when the page is opened again.
        await centreTab.GetByRole(AriaRole.Link, new() { Name = "Annex 5 form" }).ClickAsync();
        await Expect(centreTab.Locator("[data-prefilled=true]")).ToContainTextAsync("the risk assessment");
        await Expect(centreTab.Locator("[data-content=closed]")).ToBeVisibleAsync();
        await centreTab.GetByLabel("She is informed of the safety plan and its purpose").CheckAsync();
        await centreTab.GetByLabel("She consents to the team and to the use and exchange of her personal data").CheckAsync();
        await Expect(centreTab.GetByLabel("Risk of repetition", new() { Exact = true })).ToHaveValueAsync(new Regex("^Risk level high"));
        await centreTab.GetByLabel("Who is not safe to talk to?").FillAsync("His brother Marko");
        await Accessibility.AssertNoSeriousViolationsAsync(centreTab);
        await centreTab.GetByRole(AriaRole.Button, new() { Name = "Save the form" }).ClickAsync();
        await Expect(centreTab.GetByText("Saved.")).ToBeVisibleAsync();
        await centreTab.ReloadAsync();
        await Expect(centreTab.GetByLabel("Who is not safe to talk to?")).ToHaveValueAsync("His brother Marko");
        await Expect(centreTab.Locator("[data-prefilled=true]")).ToHaveCountAsync(0);
        await centreTab.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();

        await centreTab.GetByRole(AriaRole.Button, new() { Name = "The team adopted the plan" }).ClickAsync();
        await Expect(centreTab.Locator("[data-plan-state=adopted]")).ToBeVisibleAsync();
        await Expect(centreTab.Locator("[data-measure=enforce-emergency-measure]")).ToHaveCountAsync(1);
        var planId = Guid.Parse(PlanAddress().Match(centreTab.Url).Groups["id"].Value);

        // Closing it at once is refused: the missing parts beside their fields, then the Rulebook's reason (no
        // reassessment since the plan was adopted); the plan stays adopted.
        var closing = centreTab.Locator("[data-form=close-plan]");
        await closing.GetByRole(AriaRole.Button, new() { Name = "Close the plan" }).ClickAsync();
        await Expect(closing.Locator(".mud-input-control").Filter(new() { Has = centreTab.GetByLabel("Effects of the measures") }).Locator(".mud-input-error").First)
            .ToBeVisibleAsync();
        await closing.GetByLabel("Effects of the measures").FillAsync("She is safe at her sister's.");
        await closing.GetByLabel("The team's decision").FillAsync("The plan ends.");
        await closing.GetByLabel("The team finds that the risk to her and her family has ceased").CheckAsync();
        await closing.GetByLabel($"csr Member {centre}").CheckAsync();
        await closing.GetByRole(AriaRole.Button, new() { Name = "Close the plan" }).ClickAsync();
        await Expect(closing.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Art. 21" })).ToBeVisibleAsync();
        await Expect(centreTab.Locator("[data-plan-state=adopted]")).ToBeVisibleAsync();

        // The police officer: her seat from the invitation's link and code.
        var code = await platform.Inbox.InvitationCodeAsync(seatEmail);
        var seatsLink = "";
        foreach (var email in await platform.Inbox.MessagesToAsync(seatEmail))
        {
            var link = WorkspaceLink().Match(await platform.Inbox.PlainTextAsync(email.Id)).Value;
            seatsLink = link.EndsWith("/seats") ? link : seatsLink;
        }
        Assert.EndsWith("/workspace/seats", seatsLink);
        var officerTab = await (await browser.NewWorkspaceContextAsync(platform)).NewPageAsync();
        await officerTab.GotoAsync(seatsLink);
        await officerTab.SignInAsync(officer);
        await officerTab.GetByLabel("Code from the e-mail").FillAsync(code);
        await officerTab.GetByRole(AriaRole.Button, new() { Name = "Take the seat" }).ClickAsync();
        await Expect(officerTab.GetByText("Your seat is taken.")).ToBeVisibleAsync();

        // Her daily report falls overdue with no report: her reminder links to the plan, where her badge is red. The
        // report is due at the end of the next working day (Art. 21), so how far to go depends on the day the plan was
        // adopted (a Friday's is due on Monday): the clock moves to just past the deadline the plan itself shows.
        var adopted = await platform.As(Personas.Supervisor(centre)).GetFromJsonAsync<JsonElement>($"{SafetyPlanApi.Plans}/{planId}");
        var herDeadline = SafetyPlanApi.Clock(adopted, "daily-report", $"police Member {centre}").GetProperty("deadlineAt").GetDateTimeOffset();
        await platform.Gateway.AdvanceClockToAsync("/api/safety-plans", herDeadline.AddMinutes(1));
        var reminders = await platform.Inbox.WaitForAsync(seatEmail, m => m.Subject.StartsWith("OVERDUE") && m.Subject.Contains(reference));
        var reminder = reminders.First(m => m.Subject.StartsWith("OVERDUE") && m.Subject.Contains(reference));
        var planAddress = WorkspaceLink().Match(await platform.Inbox.PlainTextAsync(reminder.Id)).Value;
        Assert.Contains("/workspace/plans/", planAddress);
        await officerTab.GotoAsync(planAddress);
        // Her duty on this plan is the daily report (the contacts are the centre's measures): red, past its deadline.
        var herReport = officerTab.Locator("li[data-clock-kind=daily-report]").Filter(new() { HasText = $"police Member {centre}" });
        await Expect(herReport.Locator("[data-clock=overdue]")).ToBeVisibleAsync();
        // Her own duties come first and say so.
        await Expect(officerTab.Locator("li[data-clock-kind]").First).ToHaveAttributeAsync("data-mine", "true");
        await Expect(herReport).ToHaveAttributeAsync("data-mine", "true");
        await Expect(officerTab.Locator("li[data-mine=true]").Filter(new() { HasNotText = $"police Member {centre}" })).ToHaveCountAsync(0);
        await officerTab.SetViewportSizeAsync(390, 844);
        await Accessibility.AssertNoSeriousViolationsAsync(officerTab);
        await officerTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-plan-phone"), FullPage = true });

        // She records the contact she just had and her report to the centre (the service's clock is past her deadline:
        // she types its time, as she would type the time it happened).
        var serviceNow = LocalInput(await platform.Gateway.ServiceTimeAsync("/api/safety-plans"));
        await officerTab.GetByLabel("When").FillAsync(serviceNow);
        await officerTab.GetByLabel("What happened").FillAsync("Spoke with her at the centre; she is safe at her sister's.");
        await officerTab.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Expect(officerTab.GetByText("Recorded.")).ToBeVisibleAsync();
        await Expect(herReport.Locator("[data-clock=overdue]")).ToBeVisibleAsync();
        await officerTab.GetByLabel("Daily report to the centre").CheckAsync();
        await officerTab.GetByLabel("When").FillAsync(serviceNow);
        await officerTab.GetByLabel("What happened").FillAsync("Patrol passed the sister's address twice; nothing to report.");
        await officerTab.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Expect(herReport.Locator("[data-clock=overdue]")).ToHaveCountAsync(0);
        await Expect(herReport.Locator("[data-clock]")).ToBeVisibleAsync();

        // The centre's list shows the plan's deadlines beside the case: the centre's own member has not reported.
        await centreTab.GotoAsync("/workspace/cases");
        var planRow = centreTab.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Expect(planRow.Locator("[data-plan-clock=daily-report] [data-clock=overdue]")).ToBeVisibleAsync();

        // The case's history: the level's chart, her consent, the plan's events and who read the record.
        await centreTab.GotoAsync(caseUrl + "/history");
        await Expect(centreTab.Locator("#level-chart circle[data-level=high]")).ToHaveCountAsync(1);
        await Expect(centreTab.Locator("[data-consent-entry=given]")).ToHaveCountAsync(1);
        await Expect(centreTab.Locator("[data-sheet-kind=contact]")).ToContainTextAsync("safe at her sister's");
        await Expect(centreTab.Locator("#access-history tbody tr").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(centreTab);
        await centreTab.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-history-desktop"), FullPage = true });

        // The forms to print, in the language she chose: Albanian.
        await centreTab.GetByLabel("Language").SelectOptionAsync("sq");
        await Expect(centreTab.GetByRole(AriaRole.Heading, new() { Name = "Historia e rastit" })).ToBeVisibleAsync();
        var planUrl = planAddress[planAddress.IndexOf("/workspace/", StringComparison.Ordinal)..];
        foreach (var (address, annex, sections) in new[]
        {
            (caseUrl + "/print/annex-1", "Shtojca 1", new[] { "1", "2", "3", "5" }),
            (caseUrl + "/print/annex-2", "Shtojca 2", new[] { "1", "2", "3" }),
            (planUrl + "/print/annex-5", "Shtojca 5", new[] { "1", "2", "3", "measures" }),
            (planUrl + "/print/annex-6", "Shtojca 6", new[] { "sheet" }),
        })
        {
            await centreTab.GotoAsync(address);
            await Expect(centreTab.GetByText(annex, new() { Exact = true })).ToBeVisibleAsync();
            foreach (var section in sections)
            {
                await Expect(centreTab.Locator($"[data-section='{section}']")).ToBeVisibleAsync();
            }
            await Expect(centreTab.GetByRole(AriaRole.Button, new() { Name = "Shtyp" })).ToBeVisibleAsync();
            if (address.EndsWith("annex-5"))
            {
                await Expect(centreTab.GetByText("His brother Marko")).ToBeVisibleAsync();
            }
            await centreTab.ScreenshotAsync(new() { Path = Screenshots.PathFor($"workspace-print-{address.Split('/').Last()}-sq"), FullPage = true });
        }
    }

    private static string LocalInput(DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Skopje");
        return TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
