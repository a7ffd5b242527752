using EcomPlan.Tests.Browser;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.Playwright;
using static EcomPlan.Web.Features.PlanAuthoring.PlanWorkbook;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>On a phone (390 px): a Department imports its plan from Excel, is shown a refused file's problems, then imports tasks into the draft.</summary>
[Collection(BrowserCollection.Name)]
public class PlanImportBrowserTests(BrowserApp app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the phone: "
            + await page.EvaluateAsync<string>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 12).join('; ')"));

    [Fact]
    public async Task A_Department_imports_a_plan_then_tasks_into_it_on_a_phone()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "86" });
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.SignInAsync(email, TestAccounts.Password);

        var sample = WorkbookFiles.Sample("86", "tỉnh Vĩnh Long");
        await page.GotoAsync("/plans/import");
        await AssertFitsAsync(page);
        await page.GetByLabel("Tệp Excel").SetInputFilesAsync(new FilePayload { Name = "ke-hoach.xlsx", MimeType = Xlsx, Buffer = WorkbookFiles.Of(sample).Bytes() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhập kế hoạch.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem kế hoạch vinh-long-2026-2030" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("tỉnh Vĩnh Long");

        // From the plan page: two tasks added in Excel, one naming an agency the province does not have yet.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập từ Excel" }).ClickAsync();
        var tasks = WorkbookFiles.Of(sample)
            .CopyRow(TaskSheet, 2, ("Số TT", "2"), ("Nội dung", "Đào tạo kỹ năng bán hàng trực tuyến cho hợp tác xã"), ("Chủ trì", "Sở Công Thương"))
            .CopyRow(TaskSheet, 2, ("Số TT", "3"), ("Nội dung", "Hỗ trợ doanh nghiệp lên sàn thương mại điện tử"), ("Năm bắt đầu", "2028"), ("Năm kết thúc", "2026"))
            .Bytes();
        await page.GetByLabel("Tệp Excel").SetInputFilesAsync(new FilePayload { Name = "nhiem-vu.xlsx", MimeType = Xlsx, Buffer = tasks });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập" }).ClickAsync();
        var report = page.Locator(".error-report");
        await Expect(report).ToContainTextAsync("Chưa có gì được ghi");
        await Expect(report.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(report.Locator("tbody tr").Nth(0)).ToContainTextAsync("Tạo các cơ quan chưa có");
        await Expect(report.Locator("tbody tr").Nth(1)).ToContainTextAsync("Năm kết thúc 2026 trước năm bắt đầu 2028");
        await Expect(page.GetByLabel("Nhập vào")).ToHaveValueAsync("vinh-long-2026-2030");
        await AssertFitsAsync(page);

        var fixedTasks = WorkbookFiles.Of(sample)
            .CopyRow(TaskSheet, 2, ("Số TT", "2"), ("Nội dung", "Đào tạo kỹ năng bán hàng trực tuyến cho hợp tác xã"), ("Chủ trì", "Sở Công Thương"))
            .Bytes();
        await page.GetByLabel("Tệp Excel").SetInputFilesAsync(new FilePayload { Name = "nhiem-vu.xlsx", MimeType = Xlsx, Buffer = fixedTasks });
        await page.GetByLabel("Tạo các cơ quan chưa có").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhập kế hoạch.");
        await page.GotoAsync("/plans/vinh-long-2026-2030");
        await Expect(page.Locator("main")).ToContainTextAsync("Đào tạo kỹ năng bán hàng trực tuyến cho hợp tác xã");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
