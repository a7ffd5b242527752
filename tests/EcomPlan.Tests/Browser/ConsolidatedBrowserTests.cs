using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.Browser;

/// <summary>The Department issues the consolidated report of a cycle: early, with reports missing, it is asked first.</summary>
[Collection(BrowserCollection.Name)]
public class ConsolidatedBrowserTests(BrowserApp app)
{
    private const string Plan = "dong-thap-2026-2030";

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ECOMPLAN_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"consolidated-{name}.png") });
    }

    /// <summary>An API client on the real port (the factory's own clients point at localhost:80 once Kestrel runs).</summary>
    private async Task<HttpClient> ApiAsync(int userId)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenForAsync(userId));
        return client;
    }

    [Fact]
    public async Task Issuing_early_asks_first_and_says_how_many_reports_are_missing_then_stamps_the_issuer_by_name()
    {
        // A cycle of the seeded Đồng Tháp plan due in 13 days, one unit's report in.
        var agency = await app.AgencyIdAsync("82", "Sở Công Thương");
        var (departmentId, departmentEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var (reporterId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = agency });
        using var departmentApi = await ApiAsync(departmentId);
        using var reporterApi = await ApiAsync(reporterId);
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(13);
        var opened = await departmentApi.PostAsJsonAsync($"/api/v1/plans/{Plan}/reporting-cycles", new { label = "Báo cáo đột xuất – ban hành sớm", due = due.ToString("yyyy-MM-dd") });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var cycle = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        int reportId;
        await using (var db = app.CreateDbContext()) reportId = await db.Reports.Where(r => r.CycleId == cycle && r.AgencyId == agency).Select(r => r.Id).SingleAsync();
        var report = (await reporterApi.GetFromJsonAsync<JsonObject>($"/api/v1/reports/{reportId}"))!;
        var submitted = await reporterApi.PostAsJsonAsync($"/api/v1/reports/{reportId}/submit", new
        {
            revision = report["revision"]!.GetValue<int>(), summary = "Triển khai đúng kế hoạch.",
            tasks = new[] { new { taskId = report["tasks"]![0]!["taskId"]!.GetValue<int>(), state = "inProgress", percent = 30, results = "3 lớp tập huấn." } },
        });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        int expected, received;
        await using (var db = app.CreateDbContext())
        {
            expected = await db.Reports.CountAsync(r => r.CycleId == cycle);
            received = await db.Reports.CountAsync(r => r.CycleId == cycle && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted));
        }
        Assert.Equal(1, received);

        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Url}"); };
        await page.SignInAsync(departmentEmail, TestAccounts.Password);
        await page.GotoAsync($"/reporting/cycles/{cycle}/consolidated");
        await page.GetByLabel("Số, ký hiệu").FillAsync("131/BC-SCT");
        await page.GetByLabel("Họ tên người ký").FillAsync("Trần Thị Bình");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" , Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu");

        // The first click only asks.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành báo cáo" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alertdialog);
        await Expect(confirm).ToContainTextAsync($"Còn thiếu {expected - received} báo cáo");
        await Expect(confirm).ToContainTextAsync($"mới nhận {received}/{expected}");
        await Expect(confirm).ToContainTextAsync("còn 13 ngày nữa mới đến hạn");
        await Expect(confirm).ToContainTextAsync("Không thể hoàn tác");
        await confirm.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "confirm-390");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await using (var db = app.CreateDbContext())
            Assert.False(await db.ConsolidatedReports.AnyAsync(c => c.Key == $"cycle-{cycle}" && c.IsFinal));

        // Declining leaves the draft; confirming issues it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Không ban hành" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alertdialog)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("consolidated-state")).ToHaveTextAsync("Dự thảo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành báo cáo" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vẫn ban hành" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ban hành báo cáo tổng hợp");
        await Expect(page.GetByTestId("consolidated-state")).ToHaveTextAsync("Đã ban hành");
        var stamp = await page.Locator(".issued-stamp").InnerTextAsync();
        Assert.Contains("Người dùng thử", stamp);
        Assert.DoesNotContain("@", stamp);
        await ShotAsync(page, "issued-390");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải DOCX" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"ecomplan-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        using (var docx = WordprocessingDocument.Open(path, false))
        {
            var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("131/BC-SCT", text);
            Assert.Contains("Trần Thị Bình", text);
            Assert.DoesNotContain("DỰ THẢO", text);
        }
        File.Delete(path);

        // The Ministry's national report fits the phone too, and names provinces, not their codes.
        var (_, ministryEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.MinistryEditor });
        await using var ministryContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var ministry = await ministryContext.NewPageAsync();
        ministry.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Url}"); };
        await ministry.SignInAsync(ministryEmail, TestAccounts.Password);
        await ministry.GotoAsync($"/reporting/national?year={due.Year}");
        await Expect(ministry.Locator(".official-preview")).ToContainTextAsync("Đồng Tháp");
        await ShotAsync(ministry, "national-390");
        Assert.True(await ministry.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
