using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class PlanBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task A_visitor_finds_the_Khanh_Hoa_plan_and_searches_a_task()
    {
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseUrl, Locale = "vi-VN" });
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };

        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch phát triển thương mại điện tử tỉnh Khánh Hòa giai đoạn 2026 – 2030" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Khánh Hòa");
        await Expect(page.Locator("table.tasks tbody tr")).ToHaveCountAsync(34);
        // The lead-agency chart is drawn (ECharts from npm, under the Content-Security-Policy) and has its table.
        await Expect(page.Locator("figure.chart .chart-canvas[data-rendered='true'] canvas")).ToHaveCountAsync(1);
        await Expect(page.Locator("figure.chart table tbody tr", new() { HasText = "Sở Công Thương" })).ToHaveCountAsync(1);

        // Typed without diacritics, as people do on a phone keyboard.
        await page.GetByLabel("Tìm kiếm").FillAsync("hai quan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=hai(\\+|%20)quan"));
        var row = page.Locator("table.tasks tbody tr", new() { HasText = "Quản lý hải quan đối với hàng hóa xuất khẩu, nhập khẩu" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Chi cục Hải quan khu vực XIII");
        await Expect(row).ToContainTextAsync("2026 - 2030");
        await Expect(page.Locator("table.tasks", new() { HasText = "Quản lý và phân cấp trong quản lý hoạt động" })).ToHaveCountAsync(0);

        // The source link opens the document at the line the task was transcribed from.
        await row.GetByRole(AriaRole.Link, new() { Name = "dòng 336" }).ClickAsync();
        await Expect(page.Locator("li#L336")).ToContainTextAsync("Quản lý hải quan");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task The_Dong_Thap_conflict_and_the_alignment_are_visible()
    {
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseUrl });
        await page.GotoAsync("/plans/dong-thap-2026-2030");
        var invoice = page.Locator("tr[data-target-key='II.2']");
        await Expect(invoice).ToContainTextAsync("Mâu thuẫn trong văn bản");
        await Expect(invoice).ToContainTextAsync("80%");
        await page.GetByRole(AriaRole.Link, new() { Name = "So với kế hoạch quốc gia" }).ClickAsync();
        var enterprises = page.Locator("tr[data-indicator='enterprises_applying_ecommerce']");
        await Expect(enterprises).ToContainTextAsync("> 95%");
        await Expect(enterprises).ToContainTextAsync("> 70%");
        await Expect(enterprises).ToContainTextAsync("Tỉnh đặt cao hơn");
    }
}
