using Microsoft.Playwright;

namespace Safeguard.Testing;

/// <summary>
/// The browser the tests drive: Debian's chromium, installed by eng/install-prereqs.sh. Playwright's own
/// browser builds are downloaded at run time, which this kind of machine cannot do.
/// </summary>
public static class Browsers
{
    public static BrowserTypeLaunchOptions Chromium { get; } = new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("SAFEGUARD_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
    };
}
