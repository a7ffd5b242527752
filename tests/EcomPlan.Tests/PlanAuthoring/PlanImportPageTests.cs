using System.Net;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.PlanAuthoring;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static EcomPlan.Web.Features.PlanAuthoring.PlanWorkbook;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>People import on the page: a form with the file, the plan to import into and the option to create agencies.</summary>
[Collection(AuthoringCollection.Name)]
public class PlanImportPageTests(AuthoringApp app)
{
    private const string LamDong = "68";

    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient browser, byte[] file, Dictionary<string, string> fields)
    {
        var hidden = TestAccounts.HiddenFieldsOf(await browser.GetStringAsync("/plans/import"), "import-plan");
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in hidden.Concat(fields)) form.Add(new StringContent(v), k);
        form.Add(new ByteArrayContent(file), "file", "ke-hoach.xlsx");
        var response = await browser.PostAsync("/plans/import", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_Department_imports_a_plan_on_the_page_a_refused_file_keeps_the_options_and_lists_every_problem()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = LamDong });
        var browser = await app.SignInAsync(email);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/plans/import"));
        Assert.Contains("Tạo các cơ quan chưa có", page);
        Assert.Contains("href=\"/api/v1/plans/workbook-template\"", page);

        var sample = WorkbookFiles.Sample(LamDong, "tỉnh Lâm Đồng");
        var (status, html) = await PostAsync(browser, WorkbookFiles.Of(sample).Bytes(), []);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã nhập kế hoạch. <a href=\"/plans/lam-dong-2026-2030\">", html);

        // Into that draft now, with a file naming a new agency and a bad value: refused, the choices still made.
        var bad = WorkbookFiles.Of(sample).Set(TargetSheet, 2, "Giá trị", "170").Set(TaskSheet, 2, "Chủ trì", "Sở Công Thương").Bytes();
        var before = await PlanWorkbookImportTests.CountsAsync(app);
        (status, html) = await PostAsync(browser, bad, new() { ["PlanId"] = "lam-dong-2026-2030" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tệp có 2 lỗi. Chưa có gì được ghi; hãy sửa rồi nhập lại.", html);
        Assert.Contains("<td>Chỉ tiêu</td><td class=\"num\">2</td><td>Giá trị</td><td>Tỷ lệ phần trăm phải từ 0 đến 100.</td>", html);
        Assert.Contains("<td>Nhiệm vụ</td><td class=\"num\">2</td><td>Chủ trì</td>", html);
        Assert.Contains("<option value=\"lam-dong-2026-2030\" selected", html);
        Assert.Equal(before, await PlanWorkbookImportTests.CountsAsync(app));

        (status, html) = await PostAsync(browser, bad, new() { ["PlanId"] = "lam-dong-2026-2030", ["CreateAgencies"] = "true" });
        Assert.Contains("<input type=\"checkbox\" name=\"CreateAgencies\" value=\"true\" checked", html);
        Assert.Contains("Tệp có 1 lỗi.", html);
        Assert.Equal(before, await PlanWorkbookImportTests.CountsAsync(app));
    }

    [Fact]
    public async Task A_crafted_post_into_another_provinces_plan_is_refused_on_the_page_and_writes_nothing()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var browser = await app.SignInAsync(email);
        var page = await browser.GetStringAsync("/plans/import");
        Assert.DoesNotContain("dong-thap", page);
        var before = await PlanWorkbookImportTests.CountsAsync(app);
        var (status, html) = await PostAsync(browser, WorkbookFiles.Of(WorkbookFiles.Sample("82", "tỉnh Đồng Tháp")).Bytes(), new() { ["PlanId"] = "dong-thap-2026-2030" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Chỉ cơ quan quản lý kế hoạch này", html);
        (_, html) = await PostAsync(browser, WorkbookFiles.Of(WorkbookFiles.Sample("82", "tỉnh Đồng Tháp")).Bytes(), []);
        Assert.Contains("bạn chỉ nhập được kế hoạch của tỉnh mình", html);
        Assert.Equal(before, await PlanWorkbookImportTests.CountsAsync(app));

        // People without a plan to write do not get the page.
        var (_, viewer) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var refused = await (await app.SignInAsync(viewer)).GetAsync("/plans/import");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, refused.StatusCode.ToString());
    }

    [Fact]
    public async Task The_plan_page_links_to_its_workbook()
    {
        var html = await app.CreateClient().GetStringAsync("/plans/dong-thap-2026-2030");
        Assert.Contains("href=\"/api/v1/plans/dong-thap-2026-2030/workbook\"", html);
        Assert.DoesNotContain("/plans/import?plan=", html);
    }

    [Fact]
    public void The_import_endpoint_and_page_refuse_bodies_over_20_MB_before_reading_them()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        long? LimitOf(string pattern, string method) => endpoints
            .Single(e => e.RoutePattern.RawText == pattern && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method) ?? false))
            .Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        var limit = MaxBytes + EcomPlan.Web.Infrastructure.RequestLimits.FormOverheadBytes;
        Assert.Equal(limit, LimitOf("/api/v1/plans/import", "POST"));
        Assert.Equal(limit, LimitOf("/plans/import", "POST"));
    }
}
