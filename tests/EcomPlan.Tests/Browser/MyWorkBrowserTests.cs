using System.Net.Http.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.Browser;

/// <summary>"Việc của tôi" in a browser, on a phone: the reporter signs in and lands on the report that is due.</summary>
[Collection(BrowserCollection.Name)]
public class MyWorkBrowserTests(BrowserApp app)
{
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ECOMPLAN_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, $"{page.Url} scrolls sideways at 390 px");

    [Fact]
    public async Task A_reporter_signs_in_on_a_phone_and_lands_on_the_report_due_while_a_viewer_is_offered_no_entry()
    {
        var agency = await app.AgencyIdAsync("82", "Sở Công Thương");
        var (departmentId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        using var department = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        department.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenForAsync(departmentId));
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(12);
        var label = "Báo cáo đột xuất về thanh toán không dùng tiền mặt";
        var opened = await department.PostAsJsonAsync("/api/v1/plans/dong-thap-2026-2030/reporting-cycles", new { label, due = due.ToString("yyyy-MM-dd") });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var (_, reporterEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = agency });

        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync(reporterEmail, TestAccounts.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Việc của tôi", Level = 1 })).ToBeVisibleAsync();
        var item = page.Locator(".due-reports li", new() { HasText = label });
        await Expect(item).ToContainTextAsync($"Hạn nộp {due:dd/MM/yyyy}");
        await Expect(page.Locator("header nav")).ToContainTextAsync("Nhập số liệu");
        await ShotAsync(page, "my-work-reporter");
        await AssertFitsAsync(page);
        await item.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reporting/reports/[0-9]+$"));
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(label));

        var (_, viewerEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.MinistryViewer });
        await using var viewerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var viewer = await viewerContext.NewPageAsync();
        await viewer.SignInAsync(viewerEmail, TestAccounts.Password);
        await Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = "Việc của tôi", Level = 1 })).ToBeVisibleAsync();
        await Expect(viewer.Locator("header nav")).Not.ToContainTextAsync("Nhập số liệu");
        await Expect(viewer.Locator("header nav")).Not.ToContainTextAsync("Duyệt số liệu");
        await Expect(viewer.Locator(".cycles li", new() { HasText = label })).ToHaveCountAsync(0); // a provincial cycle is the province's
        await ShotAsync(viewer, "my-work-ministry-viewer");
        await AssertFitsAsync(viewer);
    }

    [Fact]
    public async Task The_Department_invites_a_missing_reporter_in_one_click_and_a_commune_reporter_by_name_on_a_phone()
    {
        var (_, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.SignInAsync(adminEmail, TestAccounts.Password);
        await ShotAsync(page, "my-work-department");
        await AssertFitsAsync(page);

        await page.GotoAsync("/plans/dong-thap-2026-2030/reporting");
        var panel = page.Locator("section.expected-reporters");
        await Expect(panel).ToContainTextAsync("Các sở, ngành Tỉnh");
        await Expect(panel).ToContainTextAsync("chưa có tài khoản báo cáo viên");
        if (Environment.GetEnvironmentVariable("ECOMPLAN_SCREENSHOTS") is { Length: > 0 } folder)
            await panel.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "plan-reporting-expected.png") });
        await AssertFitsAsync(page);
        var first = panel.Locator("ul.agencies li").First;
        var agencyName = (await first.Locator("span").TextContentAsync())!.Trim();
        await first.GetByRole(AriaRole.Link, new() { Name = "Mời báo cáo viên" }).ClickAsync();

        await Expect(page.GetByText($"Mời báo cáo viên cho {agencyName}")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Vai trò")).ToHaveValueAsync("AgencyReporter");
        var email = $"moi-{Guid.NewGuid():N}@test.ecomplan.local";
        await page.GetByLabel("Địa chỉ thư").FillAsync(email);
        await page.GetByLabel("Họ tên").FillAsync("Phạm Văn Sở");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi lời mời" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync($"Đã gửi lời mời tới {email}");

        // A commune reporter: the commune of another province is refused beside the field, everything typed stays.
        var communeEmail = $"xa-{Guid.NewGuid():N}@test.ecomplan.local";
        await page.GetByLabel("Địa chỉ thư").FillAsync(communeEmail);
        await page.GetByLabel("Họ tên").FillAsync("Võ Thị Xã");
        await page.GetByLabel("Vai trò").SelectOptionAsync(new SelectOptionValue { Label = "Báo cáo viên cấp xã" });
        await page.GetByLabel("Xã, phường (báo cáo viên cấp xã)").FillAsync("Phường Nha Trang – Khánh Hòa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi lời mời" }).ClickAsync();
        await Expect(page.Locator("#Commune-error")).ToContainTextAsync("ngoài phạm vi");
        await Expect(page.GetByLabel("Địa chỉ thư")).ToHaveValueAsync(communeEmail);
        await Expect(page.GetByLabel("Xã, phường (báo cáo viên cấp xã)")).ToHaveValueAsync("Phường Nha Trang – Khánh Hòa");
        await ShotAsync(page, "invite-refused");
        await AssertFitsAsync(page);
        await page.GetByLabel("Xã, phường (báo cáo viên cấp xã)").FillAsync("phuong my tho");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi lời mời" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync($"Đã gửi lời mời tới {communeEmail}");
        await Expect(page.Locator("table.users tr", new() { HasText = communeEmail })).ToContainTextAsync("Phường Mỹ Tho");

        await page.GotoAsync("/notifications");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thông báo", Level = 1 })).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        Assert.Empty(errors);
    }
}
