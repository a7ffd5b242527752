using EcomPlan.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EcomPlan.Tests.Browser;

/// <summary>
/// On a phone (390 px) the main pages of the seeded plans, for a visitor and for an administrator, fit the screen:
/// the page never scrolls sideways (a wide table scrolls inside its own frame).
/// </summary>
[Collection(BrowserCollection.Name)]
public class PhoneWidthBrowserTests(BrowserApp app)
{
    private static readonly string[] PublicPages =
    [
        "/plans", "/plans/dong-thap-2026-2030", "/plans/dong-thap-2026-2030/alignment", "/plans/dong-thap-2026-2030/document",
        "/plans/national-2026-2030", "/plans/national-2026-2030/versions?from=1&to=2", "/plans/khanh-hoa-2026-2030", "/indicators",
    ];

    private static readonly string[] AdminPages = ["/admin/users", "/admin/audit", "/agencies", "/plans/dong-thap-2026-2030/edit"];

    [Fact]
    public async Task The_main_pages_fit_a_390_px_screen_for_a_visitor_and_an_administrator()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var wide = new List<string>();
        async Task CheckAsync(string path)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} → {response.Status}");
            if (Environment.GetEnvironmentVariable("ECOMPLAN_SCREENSHOTS") is { Length: > 0 } folder)
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "phone" + path.Split('?')[0].Replace('/', '-') + ".png") });
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 390)
                wide.Add($"{path}: {width} px — " + await page.EvaluateAsync<string>(
                    "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.table-scroll, table')).map(e => e.tagName + '.' + e.className).slice(0, 4).join(' ')"));
        }
        foreach (var path in PublicPages) await CheckAsync(path);
        await page.SignInAsync("admin@test.ecomplan.local", EcomPlanApp.AdminPassword);
        foreach (var path in AdminPages) await CheckAsync(path);
        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }
}
