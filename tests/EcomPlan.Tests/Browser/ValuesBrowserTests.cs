using System.Net.Http.Json;
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

    [Fact]
    public async Task The_review_page_returns_a_value_with_a_reason_the_reporter_sees_it_and_approval_asks_first()
    {
        var (reporterId, reporter) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = await app.AgencyIdAsync("82", "Ngân hàng Nhà nước chi nhánh Khu vực 13") });
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenForAsync(reporterId));
        foreach (var (period, value) in new[] { ("2035", 45m), ("2036", 47m) })
            Assert.True((await api.PostAsJsonAsync("/api/v1/values", new { rows = new[] { new { indicator = "cashless_payment_share", unit = "82", period, value, source = "NHNN chi nhánh Khu vực 13" } } })).IsSuccessStatusCode);
        var (_, admin) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });

        var (reviewContext, page) = await SignedInAsync(admin);
        await page.GotoAsync("/values/review");
        var returned = page.Locator("tr", new() { HasText = "Tỷ lệ thanh toán không dùng tiền mặt" }).Filter(new() { HasText = "2035" });
        await Expect(returned).ToContainTextAsync("Đồng Tháp");
        await Expect(returned).ToContainTextAsync("45%");
        await ShotAsync(page, "review-1280");
        await returned.GetByRole(AriaRole.Link, new() { Name = "Trả lại…" }).ClickAsync();
        await page.GetByLabel("Lý do trả lại (bắt buộc)").FillAsync("Tỷ lệ chưa khớp báo cáo năm của NHNN, đề nghị kiểm tra");
        await page.GetByRole(AriaRole.Button, new() { Name = "Trả lại cho người gửi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã trả lại «Tỷ lệ thanh toán không dùng tiền mặt");
        await Expect(returned).ToHaveCountAsync(0);

        // Approving asks first, saying how many values; only the confirmation approves.
        var other = page.Locator("tr", new() { HasText = "Tỷ lệ thanh toán không dùng tiền mặt" }).Filter(new() { HasText = "2036" });
        await other.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Duyệt các giá trị đã chọn" }).ClickAsync();
        await Expect(page.Locator(".confirm-panel")).ToContainTextAsync("Sẽ duyệt 1 giá trị");
        await ShotAsync(page, "review-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận duyệt 1 giá trị" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã duyệt 1 giá trị.");
        await Expect(other).ToHaveCountAsync(0);
        await reviewContext.CloseAsync();

        // The reporter sees the return and its reason, on a phone too.
        var (reporterContext, own) = await SignedInAsync(reporter, 390);
        await own.GotoAsync("/values/entry?unit=82&period=2035");
        await Expect(own.Locator(".returned")).ToContainTextAsync("Lý do: Tỷ lệ chưa khớp báo cáo năm của NHNN, đề nghị kiểm tra");
        var row = own.Locator("tr[data-code='cashless_payment_share']");
        await Expect(row).ToContainTextAsync("Bị trả lại: Tỷ lệ chưa khớp");
        await Expect(row.Locator("input[name^='Values']")).ToHaveValueAsync("45");
        await ShotAsync(own, "entry-returned-390");
        await AssertNoSidewaysScrollAsync(own);
        await reporterContext.CloseAsync();
    }
}
