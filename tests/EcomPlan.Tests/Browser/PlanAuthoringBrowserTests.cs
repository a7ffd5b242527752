using EcomPlan.Tests.Infrastructure;
using EcomPlan.Tests.PlanAuthoring;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.PlanAuthoring;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcomPlan.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class PlanAuthoringBrowserTests(BrowserApp app)
{
    /// <summary>Saves a screenshot when ECOMPLAN_SCREENSHOTS names a folder (for looking at the pages; not an assertion).</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ECOMPLAN_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task A_province_without_a_plan_writes_one_from_the_national_plan_issues_and_amends_it_and_another_province_can_change_nothing()
    {
        var (_, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "46" });
        var (_, otherEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.SignInAsync(adminEmail, TestAccounts.Password);

        // Create, derived from the national plan: the national targets are offered; one is dropped, one gets the province's value.
        await page.GotoAsync("/plans/new");
        await page.GetByLabel("Tên kế hoạch").FillAsync("Kế hoạch phát triển thương mại điện tử thành phố Huế giai đoạn 2026 - 2030");
        await page.GetByLabel("Cơ quan ban hành").FillAsync("Ủy ban nhân dân thành phố Huế");
        await page.Locator("select[name='Input.SourceKind']").SelectOptionAsync("FormOnly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem chỉ tiêu quốc gia" }).ClickAsync();
        await Expect(page.Locator("table.data tbody tr")).Not.ToHaveCountAsync(0);
        // What was typed survives the preview.
        await Expect(page.GetByLabel("Cơ quan ban hành")).ToHaveValueAsync("Ủy ban nhân dân thành phố Huế");
        await ShotAsync(page, "01-new-plan");
        await page.GetByLabel("Giữ chỉ tiêu 2.1.2").UncheckAsync();
        await page.Locator("input[name='Value_2.1.1']").FillAsync("55");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kế hoạch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tạo kế hoạch");
        var planUrl = page.Url.Split('?')[0].Replace("/edit", "");
        Assert.EndsWith("/plans/hue-2026-2030", planUrl);
        await Expect(page.Locator("#targets")).ToContainTextAsync("≥ 55%");
        await Expect(page.Locator("#targets")).Not.ToContainTextAsync("2.1.2");

        // An agency of its own, then a task led by it; a bad year is refused next to its field, the text stays.
        await page.GotoAsync("/agencies/manage");
        await page.GetByLabel("Tên cơ quan").FillAsync("Sở Công Thương");
        await page.GetByLabel("Loại").SelectOptionAsync("department");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Đã thêm cơ quan");
        await page.GotoAsync(planUrl + "/edit");
        await page.Locator("#task-groups").GetByLabel("Số hiệu nhóm").FillAsync("A");
        await page.Locator("#task-groups").GetByLabel("Tên nhóm").FillAsync("Phát triển hạ tầng thương mại điện tử");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhóm nhiệm vụ" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await page.GetByLabel("Nhóm").SelectOptionAsync("A");
        await page.GetByLabel("Nội dung").FillAsync("Xây dựng sàn thương mại điện tử của thành phố");
        await page.GetByLabel("Năm bắt đầu").FillAsync("2026");
        await page.GetByLabel("Năm kết thúc").FillAsync("2050");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await Expect(page.Locator(".field-error#endYear-error")).ToContainTextAsync("ngoài kỳ kế hoạch");
        await Expect(page.GetByLabel("Nội dung")).ToHaveValueAsync("Xây dựng sàn thương mại điện tử của thành phố");
        await ShotAsync(page, "02-task-refused");
        await page.GetByLabel("Năm kết thúc").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu nhiệm vụ");

        // Edit a target: its value changes.
        await page.Locator("#targets").GetByRole(AriaRole.Link, new() { Name = "Sửa" }).First.ClickAsync();
        await page.GetByLabel("Giá trị", new() { Exact = true }).FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
        await Expect(page.Locator("#targets")).ToContainTextAsync("≥ 60%");

        // The task has no lead agency yet: assigned from the plan page.
        await page.GotoAsync(planUrl);
        await page.Locator("select[name='AssignTaskId']").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.Locator("select[name='AssignAgencyId']").SelectOptionAsync(new SelectOptionValue { Label = "Sở Công Thương" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao", Exact = true }).ClickAsync();
        await Expect(page.Locator("table.tasks, main table").Last).ToContainTextAsync("Sở Công Thương");
        await Expect(page.Locator("select[name='AssignTaskId']")).ToHaveCountAsync(0);
        await ShotAsync(page, "03-plan-page");

        // More tasks come from Excel: the plan's own workbook, exported, one task row added as a person would, imported back.
        var exported = await page.APIRequest.GetAsync(planUrl.Replace("/plans/", "/api/v1/plans/") + "/workbook");
        Assert.Equal(200, exported.Status);
        var workbook = WorkbookFiles.Of(await exported.BodyAsync())
            .CopyRow(PlanWorkbook.TaskSheet, 2, ("Số TT", "2"), ("Nội dung", "Tập huấn kỹ năng bán hàng trực tuyến cho hợp tác xã")).Bytes();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập từ Excel" }).ClickAsync();
        await page.GetByLabel("Tệp Excel").SetInputFilesAsync(new FilePayload { Name = "nhiem-vu.xlsx", Buffer = workbook,
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhập kế hoạch.");
        await page.GotoAsync(planUrl);
        await Expect(page.Locator("main")).ToContainTextAsync("Tập huấn kỹ năng bán hàng trực tuyến cho hợp tác xã");
        await Expect(page.Locator("main")).ToContainTextAsync("≥ 60%");

        // Published, then issued; the progress, alignment and timeline pages then work for it.
        await page.GotoAsync(planUrl + "/edit");
        await page.GetByLabel("Công khai (ai cũng xem được)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Đã lưu thông tin kế hoạch");
        await page.GetByLabel("Tôi đã rà soát nội dung và muốn ban hành").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành kế hoạch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Đã ban hành kế hoạch");
        foreach (var (path, text) in new[] { ("/progress", "Tiến độ thực hiện chỉ tiêu"), ("/alignment", "Đối chiếu với kế hoạch quốc gia"), ("/timeline", "Tiến độ nhiệm vụ") })
        {
            var response = await page.GotoAsync(planUrl + path);
            Assert.Equal(200, response!.Status);
            await Expect(page.Locator("main")).ToContainTextAsync(text);
        }

        // An amendment changes one value; the diff shows exactly that change.
        await page.GotoAsync(planUrl + "/edit");
        await page.GetByLabel("Số quyết định").FillAsync("12/QĐ-UBND");
        await page.GetByLabel("Ngày quyết định").FillAsync("15/01/2027");
        await page.GetByLabel("Ngày có hiệu lực").FillAsync("01/02/2027");
        await page.GetByLabel("Lý do sửa đổi").FillAsync("Nâng chỉ tiêu mua sắm trực tuyến");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở bản sửa đổi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Đã mở bản sửa đổi");
        await page.Locator("#targets").GetByRole(AriaRole.Link, new() { Name = "Sửa" }).First.ClickAsync();
        await page.GetByLabel("Giá trị", new() { Exact = true }).FillAsync("65");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
        await page.GetByLabel("Tôi đã rà soát các thay đổi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành bản sửa đổi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Đã ban hành bản sửa đổi");
        await page.GotoAsync(planUrl + "/versions?from=1&to=2");
        var rows = page.Locator("table.diff tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Giá trị");
        await Expect(rows.First.Locator("td.old")).ToHaveTextAsync("60");
        await Expect(rows.First.Locator("td.new")).ToHaveTextAsync("65");
        await ShotAsync(page, "04-diff");

        // On a phone (390 px) the editing pages fit the screen: nothing wider than it but tables, which scroll on their own.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/edit", "/targets/new", "/tasks/new", "/versions?from=1&to=2" })
        {
            await page.GotoAsync(planUrl + path);
            await ShotAsync(page, "05-phone" + path.Replace('/', '-').Split('?')[0]);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            var widest = await page.EvaluateAsync<string>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && !e.closest('table')).map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 5).join(' ')");
            Assert.True(width <= 390, $"{path} is {width} px wide at 390 px: {widest}");
        }

        // Another province's administrator sees the public plan but can open none of its editing pages.
        await using var otherContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var other = await otherContext.NewPageAsync();
        await other.SignInAsync(otherEmail, TestAccounts.Password);
        Assert.Equal(200, (await other.GotoAsync(planUrl))!.Status);
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = "Soạn thảo, ban hành, sửa đổi" })).ToHaveCountAsync(0);
        foreach (var path in new[] { "/edit", "/targets/new", "/tasks/new" })
            Assert.Equal(404, (await other.GotoAsync(planUrl + path))!.Status);
        Assert.Empty(errors);
    }
}
