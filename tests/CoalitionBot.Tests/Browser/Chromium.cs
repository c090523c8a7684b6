using Microsoft.Playwright;

namespace CoalitionBot.Tests.Browser;

/// <summary>Debian's Chromium started headless the way every browser test needs it (no sandbox, no background traffic).</summary>
internal static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string executable) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = executable,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}
