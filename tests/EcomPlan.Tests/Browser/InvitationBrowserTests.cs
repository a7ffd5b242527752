using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class InvitationBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task A_provincial_administrator_invites_a_reporter_who_sets_a_password_from_the_email_and_signs_in()
    {
        var (_, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var reporterEmail = $"bao-cao-vien-{Guid.NewGuid():N}@test.ecomplan.local";
        var errors = new List<string>();

        await using (var adminContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl }))
        {
            var page = await adminContext.NewPageAsync();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            await page.SignInAsync(adminEmail, TestAccounts.Password);

            await page.GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).ClickAsync();
            await page.GetByLabel("Địa chỉ thư").FillAsync(reporterEmail);
            await page.GetByLabel("Họ tên").FillAsync("Trần Thị Báo Cáo");
            await page.GetByLabel("Vai trò").SelectOptionAsync(new SelectOptionValue { Label = "Báo cáo viên cơ quan" });
            await page.GetByLabel("Cơ quan (báo cáo viên cơ quan)").SelectOptionAsync(new SelectOptionValue { Label = "Thuế Khánh Hòa (Khánh Hòa)" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi lời mời" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Đã gửi lời mời tới {reporterEmail}");
            await Expect(page.Locator("table.users tr", new() { HasText = reporterEmail })).ToContainTextAsync("Chờ nhận lời mời");
        }

        // The link comes from the e-mail the SMTP server received, as the reporter would open it.
        var message = await SmtpTestServer.Instance.WaitForMessageAsync(reporterEmail);
        var link = Regex.Match(message.HtmlBody ?? "", "href=\"([^\"]+accept-invitation[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);

        await using var reporterContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var reporter = await reporterContext.NewPageAsync();
        reporter.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await reporter.GotoAsync(link);
        await Expect(reporter.GetByText(reporterEmail)).ToBeVisibleAsync();
        await reporter.GetByLabel("Mật khẩu (ít nhất").FillAsync("BaoCao-Passw0rd-2026");
        await reporter.GetByLabel("Nhập lại mật khẩu").FillAsync("BaoCao-Passw0rd-2026");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Đặt mật khẩu" }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đặt mật khẩu");

        await reporter.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" }).First.ClickAsync();
        await reporter.GetByLabel("Địa chỉ thư").FillAsync(reporterEmail);
        await reporter.GetByLabel("Mật khẩu").FillAsync("BaoCao-Passw0rd-2026");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(reporter.Locator(".user-name")).ToHaveTextAsync(reporterEmail);
        // A reporter administers nobody.
        await Expect(reporter.GetByRole(AriaRole.Link, new() { Name = "Người dùng" })).ToHaveCountAsync(0);
        Assert.Empty(errors);

        // Over a real connection the audit trail has the client's address.
        await using var db = app.CreateDbContext();
        var invited = db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.Action == "Added").OrderByDescending(a => a.Id).First();
        Assert.Equal("127.0.0.1", invited.IpAddress);
    }
}
