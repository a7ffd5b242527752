using DocumentFormat.OpenXml.Packaging;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ReportingCycleBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task The_Department_opens_a_cycle_returns_a_report_accepts_the_fix_and_downloads_the_consolidated_report()
    {
        var agency = await app.AgencyIdAsync("82", "Sở Công Thương");
        var (_, departmentEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var (_, reporterEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = agency });
        await using var departmentContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, AcceptDownloads = true });
        await using var reporterContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var department = await departmentContext.NewPageAsync();
        var reporter = await reporterContext.NewPageAsync();
        var errors = new List<string>();
        foreach (var page in new[] { department, reporter })
        {
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Url}"); };
        }
        await department.SignInAsync(departmentEmail, TestAccounts.Password);
        await reporter.SignInAsync(reporterEmail, TestAccounts.Password);

        // The Department opens the next cycle of its calendar early.
        await department.GotoAsync("/plans/dong-thap-2026-2030/reporting");
        await Expect(department.GetByRole(AriaRole.Button, new() { Name = "Mở ngay" })).ToHaveCountAsync(1); // only the next cycle
        await department.GetByRole(AriaRole.Button, new() { Name = "Mở ngay" }).ClickAsync();
        await Expect(department.Locator(".confirm")).ToContainTextAsync("Không hoàn tác được");
        await department.GetByRole(AriaRole.Button, new() { Name = "Xác nhận mở kỳ" }).ClickAsync();
        await Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã mở kỳ báo cáo");
        await department.GetByRole(AriaRole.Link, new() { Name = "Đã mở" }).First.ClickAsync();
        await Expect(department.Locator(".tiles")).ToContainTextAsync("đơn vị phải báo cáo");

        // The agency's reporter finds the report, fills a task and submits.
        await reporter.GotoAsync("/reporting");
        await reporter.Locator("table.my-reports a").First.ClickAsync();
        await reporter.Locator("select[name='State[0]']").SelectOptionAsync("InProgress");
        await reporter.Locator("input[name='Percent[0]']").FillAsync("30");
        await reporter.Locator("textarea[name='Results[0]']").FillAsync("Tổ chức 3 lớp tập huấn kỹ năng bán hàng trực tuyến.");
        await reporter.GetByLabel("Kết quả thực hiện chung").FillAsync("Triển khai đúng kế hoạch.");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu nháp");
        // A renamed file is refused; a real PDF is attached.
        await reporter.Locator("input[name='file']").SetInputFilesAsync(new FilePayload { Name = "bien-ban.pdf", MimeType = "application/pdf", Buffer = "<html></html>"u8.ToArray() });
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Alert)).ToContainTextAsync("không đúng định dạng PDF");
        await reporter.Locator("input[name='file']").SetInputFilesAsync(new FilePayload { Name = "bien-ban.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đính kèm");
        await Expect(reporter.Locator("ul.attachments li")).ToHaveCountAsync(1);
        await Expect(reporter.Locator("textarea[name='Results[0]']")).ToHaveValueAsync("Tổ chức 3 lớp tập huấn kỹ năng bán hàng trực tuyến.");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(reporter.Locator(".confirm")).ToContainTextAsync("không sửa được báo cáo nữa");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Xác nhận gửi báo cáo" }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi báo cáo cho Sở");
        var reportUrl = reporter.Url;

        // The Department returns it with a comment.
        await department.GotoAsync(department.Url);
        await department.GetByRole(AriaRole.Link, new() { Name = "Sở Công Thương", Exact = true }).ClickAsync();
        await department.GetByLabel("Nhận xét").FillAsync("Bổ sung số học viên của các lớp tập huấn.");
        await department.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Expect(department.Locator(".confirm")).ToContainTextAsync("Bổ sung số học viên");
        await department.GetByRole(AriaRole.Button, new() { Name = "Xác nhận trả lại" }).ClickAsync();
        await Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã trả lại");

        // The reporter sees why, fixes and resubmits.
        await reporter.GotoAsync(reportUrl);
        await Expect(reporter.Locator(".notice")).ToContainTextAsync("Bổ sung số học viên");
        await reporter.Locator("textarea[name='Results[0]']").FillAsync("Tổ chức 3 lớp tập huấn cho 120 học viên.");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Xác nhận gửi báo cáo" }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi báo cáo cho Sở");

        // The Department accepts; the report is locked, two versions are listed.
        await department.GotoAsync(reportUrl);
        await department.GetByRole(AriaRole.Button, new() { Name = "Chấp nhận" }).ClickAsync();
        await Expect(department.Locator(".confirm")).ToContainTextAsync("báo cáo bị khóa");
        await Expect(department.GetByRole(AriaRole.Button, new() { Name = "Xác nhận chấp nhận" })).ToBeVisibleAsync();
        Assert.Equal(0, await department.Locator("table.versions td", new() { HasTextString = "Đã chấp nhận" }).CountAsync());
        await department.GetByRole(AriaRole.Button, new() { Name = "Xác nhận chấp nhận" }).ClickAsync();
        await Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã chấp nhận");
        await Expect(department.Locator("table.versions tbody tr")).ToHaveCountAsync(2);
        await reporter.GotoAsync(reportUrl);
        await Expect(reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" })).ToHaveCountAsync(0);

        // The consolidated report carries the accepted result.
        await department.Locator("p.crumbs a").Nth(1).ClickAsync();
        await department.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tổng hợp của kỳ" }).ClickAsync();
        await Expect(department.Locator(".official-preview")).ToContainTextAsync("120 học viên");
        var download = await department.RunAndWaitForDownloadAsync(() => department.GetByRole(AriaRole.Link, new() { Name = "Tải DOCX" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"ecomplan-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        using (var docx = WordprocessingDocument.Open(path, false))
        {
            var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("120 học viên", text);
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("UBND TỈNH ĐỒNG THÁP", text);
        }
        File.Delete(path);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
