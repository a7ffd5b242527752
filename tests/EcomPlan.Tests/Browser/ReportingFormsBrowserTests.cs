using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.Browser;

/// <summary>The reporting forms as an official uses them: nothing typed is lost, every error sits beside its field.</summary>
[Collection(BrowserCollection.Name)]
public class ReportingFormsBrowserTests(BrowserApp app)
{
    private const string Plan = "dong-thap-2026-2030";

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ECOMPLAN_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"reporting-{name}.png"), FullPage = true });
    }

    /// <summary>Opens an ad-hoc cycle of Đồng Tháp's plan through the API; returns the report of <paramref name="agency"/>.</summary>
    private async Task<int> OpenReportAsync(int agency, string label) => (await OpenCycleAsync(agency, label)).Report;

    private async Task<(int Cycle, int Report)> OpenCycleAsync(int agency, string label)
    {
        var (adminId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenForAsync(adminId));
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(10);
        var response = await api.PostAsJsonAsync($"/api/v1/plans/{Plan}/reporting-cycles", new { label, due = due.ToString("yyyy-MM-dd") });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var cycle = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        await using var db = app.CreateDbContext();
        return (cycle, await db.Reports.Where(r => r.CycleId == cycle && r.AgencyId == agency).Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task A_report_with_one_bad_field_keeps_every_other_field_names_the_task_and_saves_once_fixed()
    {
        var agency = await app.AgencyIdAsync("82", "Sở Công Thương");
        var (_, reporterEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = agency });
        var id = await OpenReportAsync(agency, "Báo cáo đột xuất – giữ dữ liệu đã nhập");
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync(reporterEmail, TestAccounts.Password);
        await page.GotoAsync($"/reporting/reports/{id}");

        var rows = await page.Locator("table.report-tasks tbody tr").CountAsync();
        Assert.True(rows >= 3);
        for (var k = 0; k < 3; k++)
        {
            await page.Locator($"select[name='State[{k}]']").SelectOptionAsync("InProgress");
            await page.Locator($"textarea[name='Results[{k}]']").FillAsync($"Kết quả nhiệm vụ thứ {k + 1} đã gõ.");
        }
        await page.Locator("input[name='Percent[0]']").FillAsync("40,5");
        await page.Locator("input[name='Percent[1]']").FillAsync("abc");
        await page.Locator("input[name='Percent[2]']").FillAsync("25");
        await page.GetByLabel("Kết quả thực hiện chung").FillAsync("Tóm tắt sáu tháng: triển khai đúng tiến độ.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();

        // Refused: every field kept as typed, the error beside the percent of the second task, naming it.
        var taskName = await page.Locator("input[name='Percent[1]']").GetAttributeAsync("aria-label");
        var secondTask = taskName!.Split(" – ", 2)[1];
        await Expect(page.Locator(".error-report")).ToContainTextAsync($"{secondTask}: tỷ lệ hoàn thành 'abc' không phải là số");
        await Expect(page.Locator("tr.invalid .field-error")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr.invalid input[name='Percent[1]']")).ToHaveValueAsync("abc");
        await Expect(page.Locator("input[name='Percent[0]']")).ToHaveValueAsync("40,5");
        await Expect(page.Locator("input[name='Percent[2]']")).ToHaveValueAsync("25");
        for (var k = 0; k < 3; k++) await Expect(page.Locator($"textarea[name='Results[{k}]']")).ToHaveValueAsync($"Kết quả nhiệm vụ thứ {k + 1} đã gõ.");
        await Expect(page.GetByLabel("Kết quả thực hiện chung")).ToHaveValueAsync("Tóm tắt sáu tháng: triển khai đúng tiến độ.");
        await ShotAsync(page, "report-refused");

        // Fixed ("40,5" is a Vietnamese decimal) and saved.
        await page.Locator("input[name='Percent[1]']").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu nháp");
        await Expect(page.Locator("input[name='Percent[0]']")).ToHaveValueAsync("41");
        await Expect(page.Locator("input[name='Percent[1]']")).ToHaveValueAsync("60");
        await Expect(page.Locator("textarea[name='Results[1]']")).ToHaveValueAsync("Kết quả nhiệm vụ thứ 2 đã gõ.");
    }

    [Fact]
    public async Task The_regime_form_keeps_its_entries_when_a_date_is_impossible_and_saves_once_fixed()
    {
        const string plan = "khanh-hoa-2026-2030";
        var (_, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync(adminEmail, TestAccounts.Password);
        await page.GotoAsync($"/plans/{plan}/reporting");
        var form = page.Locator("form.regime-form");
        await form.GetByLabel("UBND các xã, phường của tỉnh").CheckAsync();
        await form.Locator("input[name='SixMonthly.Due']").FillAsync("20/06");
        await form.Locator("input[name='Yearly.Due']").FillAsync("30/02");
        await form.Locator("input[name='Yearly.CutOff']").FillAsync("15/11");
        await form.Locator("input[name='Yearly.Opens']").FillAsync("45");
        await form.Locator("input[name='Remind']").FillAsync("7");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu chế độ báo cáo" }).ClickAsync();

        form = page.Locator("form.regime-form");
        await Expect(form.Locator("input[name='Yearly.Due'] + .field-error")).ToContainTextAsync("'30/02' không phải ngày/tháng hợp lệ");
        await Expect(form.Locator("input[name='Yearly.Due']")).ToHaveValueAsync("30/02");
        await Expect(form.Locator("input[name='SixMonthly.Due']")).ToHaveValueAsync("20/06");
        await Expect(form.Locator("input[name='Yearly.CutOff']")).ToHaveValueAsync("15/11");
        await Expect(form.Locator("input[name='Yearly.Opens']")).ToHaveValueAsync("45");
        await Expect(form.Locator("input[name='Remind']")).ToHaveValueAsync("7");
        await Expect(form.GetByLabel("UBND các xã, phường của tỉnh")).ToBeCheckedAsync();
        await ShotAsync(page, "regime-refused-390");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the reporting page scrolls sideways at 390 px");

        await form.Locator("input[name='Yearly.Due']").FillAsync("28/02");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu chế độ báo cáo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu chế độ báo cáo");
        await Expect(page.Locator("table.regime")).ToContainTextAsync("28/02");
        await Expect(page.Locator("table.regime")).ToContainTextAsync("20/06");
    }

    [Fact]
    public async Task Every_reporting_page_fits_a_390_px_screen_for_the_Department_and_a_reporter()
    {
        var agency = await app.AgencyIdAsync("82", "Sở Công Thương");
        var (_, reporterEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = agency });
        var (_, departmentEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var (cycle, report) = await OpenCycleAsync(agency, "Báo cáo đột xuất – màn hình điện thoại");
        var wide = new List<string>();
        async Task CheckAsync(IPage page, string what)
        {
            await ShotAsync(page, "phone-" + what);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 390)
                wide.Add($"{what} ({page.Url}): {width} px — " + await page.EvaluateAsync<string>(
                    "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.table-scroll')).map(e => e.tagName + '.' + e.className).slice(0, 4).join(' ')"));
        }
        var phone = new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } };

        await using var reporterContext = await app.Browser.NewContextAsync(phone);
        var reporter = await reporterContext.NewPageAsync();
        await reporter.SignInAsync(reporterEmail, TestAccounts.Password);
        await reporter.GotoAsync("/reporting");
        await CheckAsync(reporter, "my-reports");
        await reporter.GotoAsync($"/reporting/reports/{report}");
        await reporter.Locator("input[name='Percent[0]']").FillAsync("abc");
        await reporter.GetByLabel("Kết quả thực hiện chung").FillAsync("Tóm tắt.");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(reporter.Locator(".error-report")).ToBeVisibleAsync();
        await CheckAsync(reporter, "report-refused");
        await reporter.Locator("select[name='State[0]']").SelectOptionAsync("InProgress");
        await reporter.Locator("input[name='Percent[0]']").FillAsync("10");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(reporter.Locator(".confirm")).ToBeVisibleAsync();
        await CheckAsync(reporter, "report-confirm");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Xác nhận gửi báo cáo" }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi báo cáo");

        await using var departmentContext = await app.Browser.NewContextAsync(phone);
        var department = await departmentContext.NewPageAsync();
        await department.SignInAsync(departmentEmail, TestAccounts.Password);
        await department.GotoAsync($"/plans/{Plan}/reporting");
        await CheckAsync(department, "plan-reporting");
        await department.GotoAsync($"/reporting/cycles/{cycle}");
        await CheckAsync(department, "cycle");
        await Expect(department.Locator("dl.facts")).Not.ToContainTextAsync("((");
        await department.GotoAsync($"/reporting/reports/{report}");
        await department.GetByRole(AriaRole.Button, new() { Name = "Chấp nhận" }).ClickAsync();
        await Expect(department.Locator(".confirm")).ToBeVisibleAsync();
        await CheckAsync(department, "review-confirm");
        await department.GotoAsync($"/plans/{Plan}/timeline");
        await CheckAsync(department, "timeline");
        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }
}
