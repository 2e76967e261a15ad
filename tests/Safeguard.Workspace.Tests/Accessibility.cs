using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Safeguard.Workspace.Tests;

/// <summary>WCAG 2.1 AA, checked by axe-core on a screen as the person sees it (issue 23): no serious or critical violation.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join('\n', serious)}");
    }
}
