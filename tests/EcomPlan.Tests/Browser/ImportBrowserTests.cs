using System.Text;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ImportBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task A_provincial_reporter_fixes_a_rejected_file_and_sees_the_targets_status_change()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Url}"); };

        await page.SignInAsync(email, TestAccounts.Password);

        // Before: no value for the clean-energy logistics target of Khánh Hòa.
        await page.GotoAsync("/plans/khanh-hoa-2026-2030/progress");
        var row = page.Locator("tr[data-target-key='II.2.l']");
        await Expect(row).ToHaveAttributeAsync("data-status", "InsufficientData");

        const string header = "ma_chi_so,ma_don_vi,ky,gia_tri,tu_so,mau_so,nguon,ghi_chu\n";
        var bad = header + "clean_energy_logistics_enterprises,56,2025,12,,,Sở Công Thương Khánh Hòa,\n"
                         + "clean_energy_logistics_enterprises,56,2026,mười lăm,,,Sở Công Thương Khánh Hòa,\n";
        await page.GotoAsync("/values/import");
        await page.GetByLabel("Tệp số liệu").SetInputFilesAsync(new FilePayload { Name = "so-lieu.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập" }).ClickAsync();
        var report = page.Locator(".error-report");
        await Expect(report).ToContainTextAsync("Chưa có gì được ghi");
        await Expect(report.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(report.Locator("tbody tr")).ToContainTextAsync("mười lăm");
        await Expect(report.Locator("tbody tr td").First).ToHaveTextAsync("3");

        await page.GetByLabel("Tệp số liệu").SetInputFilesAsync(new FilePayload { Name = "so-lieu.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad.Replace("mười lăm", "15")) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi 2 giá trị (2 đã duyệt");

        await page.GotoAsync("/plans/khanh-hoa-2026-2030/progress");
        // 12 → 15 in a year towards at least 40% by 2030: (15/12)^1 − 1 = 25% against (40/12)^(1/5) − 1 = 27,3%/year → needs acceleration
        await Expect(row).ToHaveAttributeAsync("data-status", "NeedsAcceleration");
        await Expect(row).ToContainTextAsync("15% (2026)");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
