using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.Browser;

/// <summary>The daily work on values: entry with drafts, review with return and reason, at 390 px too.</summary>
[Collection(BrowserCollection.Name)]
public class ValuesBrowserTests(BrowserApp app)
{
    private async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ECOMPLAN_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignedInAsync(string email, int width = 1280)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, TestAccounts.Password);
        return (context, page);
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} is wider than the screen: {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")} px");

    [Fact]
    public async Task Drafts_in_entry_survive_reloading_and_signing_in_again_then_are_sent()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = await app.AgencyIdAsync("82", "Ngân hàng Nhà nước chi nhánh Khu vực 13") });
        const string entry = "/values/entry?unit=82&period=2034";
        var (first, page) = await SignedInAsync(email);
        await page.GotoAsync(entry);
        var row = page.Locator("tr[data-code='cashless_payment_share']");
        await row.Locator("input[name^='Values']").FillAsync("40,5");
        await row.Locator("input[name^='Sources']").FillAsync("NHNN chi nhánh Khu vực 13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu nháp 1 giá trị");
        await Expect(row.Locator("input[name^='Values']")).ToHaveValueAsync("40,5");
        await page.ReloadAsync();
        await Expect(row.Locator("input[name^='Values']")).ToHaveValueAsync("40,5");
        await first.CloseAsync();

        // Another session, signed in again: the draft is still in its fields, and "Gửi" sends it.
        var (second, again) = await SignedInAsync(email, 390);
        await again.GotoAsync(entry);
        var same = again.Locator("tr[data-code='cashless_payment_share']");
        await Expect(same.Locator("input[name^='Values']")).ToHaveValueAsync("40,5");
        await Expect(same.Locator("input[name^='Sources']")).ToHaveValueAsync("NHNN chi nhánh Khu vực 13");
        await ShotAsync(again, "entry-draft-390");
        await AssertNoSidewaysScrollAsync(again);
        await again.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(again.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi 1 giá trị (0 đã duyệt, 1 chờ duyệt)");
        await Expect(same).ToContainTextAsync("40,5 (chờ duyệt)");
        await second.CloseAsync();
    }
}
