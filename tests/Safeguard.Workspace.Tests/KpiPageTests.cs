using System.Globalization;
using Microsoft.Playwright;
using Safeguard.ServiceDefaults.Security;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Workspace.Tests;

/// <summary>
/// Issue 26 §4 in the browser: a centre's supervisor reads her centre's protection-chain KPIs for a month she picks
/// and downloads them as CSV; the ministry's analyst starts at the KPIs, must name a centre, and sees its small
/// counts withheld.
/// </summary>
public sealed class KpiPageTests(PlatformFixture platform)
{
    private const string AssessedInTime = "[data-kpi=assessed-within-12-hours]";

    [Fact]
    public async Task A_supervisor_reads_and_downloads_her_centres_KPIs_and_an_analyst_sees_them_with_small_counts_withheld()
    {
        var centre = Names.CentreCode();
        var accounts = new SignInFlow(platform);
        var supervisor = await accounts.RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        var analyst = await accounts.RegisterInstitutionAsync(Names.CentreCode(), "ministry", PlatformRoles.Analyst);

        // One case assessed an hour after the centre learned of it; one still inside its 12 hours, which counts for neither side.
        var api = platform.As(Personas.Supervisor(centre));
        var learned = (await platform.Gateway.ServiceTimeAsync("/api/risk-assessment")).AddHours(-2);
        var assessed = await api.OpenCaseAsync(centre, learned);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.SubmitAssessmentAsync(assessed,
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(api)).Build(), assessedAt: learned.AddHours(1)))).StatusCode);
        await api.OpenCaseAsync(centre, learned);
        var (year, month) = (learned.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture), learned.UtcDateTime.ToString("MM", CultureInfo.InvariantCulture));
        var period = $"{year}-{month}";
        // safety-plan learns the cases from risk-assessment's events: the page is opened once it has.
        var known = await api.WaitForKpisAsync($"period={period}", r => SafetyPlanApi.KpiLine(r, "assessed-within-12-hours").GetProperty("count").GetInt32() == 1);
        Assert.Equal(1, SafetyPlanApi.KpiLine(known, "assessed-within-12-hours").GetProperty("count").GetInt32());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Browsers.Chromium);
        var page = await (await browser.NewWorkspaceContextAsync(platform)).NewPageAsync();
        await page.GotoAsync("/workspace/kpis");
        await page.SignInAsync(supervisor);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Protection chain KPIs" })).ToBeVisibleAsync();
        // Her own centre's figures open at once, for the quarter running now; she picks the month.
        await Expect(page.Locator("#kpi-heading")).ToContainTextAsync($"Centre {centre}");
        await Expect(page.GetByLabel("Centre's code")).ToHaveCountAsync(0);
        await page.GetByLabel("Year").SelectOptionAsync(year);
        await page.GetByLabel("Period").SelectOptionAsync(month);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("#kpi-heading")).ToContainTextAsync($"{year}, {CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetMonthName(int.Parse(month, CultureInfo.InvariantCulture))}");
        await Expect(page.Locator($"{AssessedInTime} [data-part=value]")).ToHaveTextAsync("1");
        await Expect(page.Locator($"{AssessedInTime} [data-part=of]")).ToHaveTextAsync("1");
        await Expect(page.Locator($"{AssessedInTime} [data-part=share]")).ToHaveTextAsync("100 %");
        await Expect(page.Locator("[data-kpi=hours-to-first-assessment] [data-part=value]")).ToHaveTextAsync("1");
        await Expect(page.Locator("#kpi-withheld-note")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-kpis-supervisor-desktop"), FullPage = true });

        // The export is the API's own CSV, under the API's own name.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal($"protection-chain-kpis-{centre}-{period}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"Protection chain KPIs,{centre} / {period} / assessed-within-12-hours,count,1\r\n", csv);

        // The ministry's analyst starts at the KPIs; she names the centre, and its ones are withheld from her.
        var ministry = await (await browser.NewWorkspaceContextAsync(platform)).NewPageAsync();
        await ministry.GotoAsync("/workspace/");
        await ministry.SignInAsync(analyst);
        await Expect(ministry).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workspace/kpis$"));
        await ministry.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(ministry.GetByText("Name the centre whose KPIs to read.")).ToBeVisibleAsync();
        await ministry.GetByLabel("Centre's code").FillAsync(centre);
        await ministry.GetByLabel("Year").SelectOptionAsync(year);
        await ministry.GetByLabel("Period").SelectOptionAsync(month);
        await ministry.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(ministry.Locator("#kpi-withheld-note")).ToBeVisibleAsync();
        foreach (var part in (string[])["value", "of", "share"])
        {
            await Expect(ministry.Locator($"{AssessedInTime} [data-part={part}]")).ToHaveTextAsync("withheld");
        }
        // A zero is of no one, and a count without a basis claims none.
        await Expect(ministry.Locator("[data-kpi=plans-closed-by-team] [data-part=value]")).ToHaveTextAsync("0");
        await Expect(ministry.Locator("[data-kpi=plans-closed-by-team] [data-part=of]")).ToHaveTextAsync("—");
        await Accessibility.AssertNoSeriousViolationsAsync(ministry);
        await ministry.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-kpis-analyst-desktop"), FullPage = true });
    }
}
