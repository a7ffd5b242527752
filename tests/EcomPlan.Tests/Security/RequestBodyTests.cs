using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Tests.Reporting;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Security;

/// <summary>
/// Every request body is checked before use: nulls, missing collections, enum values that name nothing, unknown
/// fields, numbers no column holds, dates outside any plan. The answer is a 400 ProblemDetails in Vietnamese, never
/// a 500, and nothing is written.
/// </summary>
[Collection(ReportingCollection.Name)]
public class RequestBodyTests(ReportingApp app)
{
    private const string Plan = ReportingApp.Plan;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> AssertRefusedAsync(HttpResponseMessage response, string expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Contains(expected), $"'{expected}' not in {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<string> RegimeAsync(HttpClient department) =>
        (await department.GetJsonAsync($"/api/v1/plans/{Plan}/reporting-regime")).ToJsonString();

    [Theory]
    [InlineData("{\"agenciesReport\":true,\"communesReport\":true,\"remindDaysBefore\":5}", "rules", "Thiếu trường bắt buộc")]
    [InlineData("{\"agenciesReport\":true,\"communesReport\":true,\"remindDaysBefore\":5,\"rules\":null}", "rules", "Thiếu trường bắt buộc")]
    [InlineData("{\"agenciesReport\":true,\"communesReport\":true,\"remindDaysBefore\":5,\"rules\":[null]}", "rules[0]", "không được để trống")]
    [InlineData("{\"agenciesReport\":true,\"communesReport\":true,\"remindDaysBefore\":5,\"rules\":[{\"kind\":7,\"due\":\"14/06\",\"cutOff\":\"31/05\"}]}", "$.rules[0].kind", "six_monthly, yearly, ad_hoc")]
    [InlineData("{\"agenciesReport\":true,\"communesReport\":true,\"remindDaysBefore\":5,\"rules\":[{\"kind\":\"weekly\",\"due\":\"14/06\",\"cutOff\":\"31/05\"}]}", "$.rules[0].kind", "cho phép")]
    [InlineData("{\"agenciesReport\":true,\"communesReport\":true,\"remindDaysBefore\":5,\"rules\":[],\"rulez\":[]}", "rulez", "không thuộc yêu cầu này")]
    [InlineData("{\"agenciesReport\":true,", "$", "JSON không hợp lệ")]
    public async Task A_malformed_reporting_regime_is_400_and_changes_nothing(string body, string where, string expected)
    {
        var (department, _, _, _) = await app.ActorsAsync();
        var before = await RegimeAsync(department);
        var problem = await AssertRefusedAsync(await department.PutAsync($"/api/v1/plans/{Plan}/reporting-regime", Json(body)), expected);
        Assert.Contains(where, problem.ToJsonString());
        Assert.Equal(before, await RegimeAsync(department));
        await using var db = app.CreateDbContext();
        Assert.False(await db.ReportCycles.AnyAsync(c => c.Key.StartsWith("7-")));
    }

    [Theory]
    [InlineData("{\"revision\":0,\"summary\":\"x\"}", "tasks")]
    [InlineData("{\"revision\":0,\"summary\":\"x\",\"tasks\":null}", "tasks")]
    [InlineData("{\"revision\":0,\"summary\":\"x\",\"tasks\":[null]}", "tasks[0]")]
    [InlineData("{\"revision\":0,\"summary\":\"x\",\"tasks\":[{\"taskId\":1,\"state\":\"late\",\"percent\":10,\"bonus\":1}]}", "bonus")]
    public async Task A_malformed_report_is_400_and_the_report_is_unchanged(string body, string where)
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – nội dung hỏng " + Guid.NewGuid().ToString("N")[..6]);
        foreach (var url in new[] { $"/api/v1/reports/{id}", $"/api/v1/reports/{id}/submit" })
        {
            var response = url.EndsWith("submit") ? await reporter.PostAsync(url, Json(body)) : await reporter.PutAsync(url, Json(body));
            var problem = await AssertRefusedAsync(response, "");
            Assert.Contains(where, problem.ToJsonString());
        }
        var report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal(("not_started", 0), (report.Str("status"), report["revision"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Values_with_a_null_row_or_a_number_no_column_holds_are_400_and_nothing_is_written()
    {
        var (department, _, _, _) = await app.ActorsAsync();
        await using var db = app.CreateDbContext();
        var before = await db.DataValues.CountAsync();
        await AssertRefusedAsync(await department.PostAsync("/api/v1/values", Json("{\"rows\":[null]}")), "rows[0]");
        // A missing list is the import's own refusal (its report of errors), still a 400 in Vietnamese.
        var noRows = await department.PostAsync("/api/v1/values", Json("{\"rows\":null}"));
        Assert.Equal(HttpStatusCode.BadRequest, noRows.StatusCode);
        Assert.Contains("Không có dòng số liệu nào", await noRows.Content.ReadAsStringAsync());
        var huge = "{\"rows\":[{\"indicator\":\"online_shoppers_population_share\",\"unit\":\"82\",\"period\":\"2025\",\"value\":7.9e28,\"source\":\"x\"}]}";
        await AssertRefusedAsync(await department.PostAsync("/api/v1/values", Json(huge)), "14 chữ số");
        // The same number in a file.
        var csv = "ma_chi_so,ma_don_vi,ky,gia_tri,nguon\nonline_shoppers_population_share,82,2025,79000000000000000000000000000,x\n";
        var file = await department.PostAsync("/api/v1/values/import",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "so-lieu.csv" } });
        Assert.Equal(HttpStatusCode.BadRequest, file.StatusCode);
        Assert.Contains("14 chữ số", await file.Content.ReadAsStringAsync());
        Assert.Equal(before, await db.DataValues.CountAsync());
    }

    [Fact]
    public async Task An_invitation_with_a_null_role_is_400_and_creates_nobody()
    {
        var (department, _, _, _) = await app.ActorsAsync();
        var email = $"null-role-{Guid.NewGuid():N}@test.ecomplan.local";
        await AssertRefusedAsync(await department.PostAsync("/api/v1/users", Json($"{{\"email\":\"{email}\",\"fullName\":\"Ai đó\",\"roles\":[null]}}")), "roles[0]");
        await AssertRefusedAsync(await department.PostAsync("/api/v1/users", Json($"{{\"email\":\"{email}\",\"fullName\":\"Ai đó\",\"roles\":[{{\"role\":99}}]}}")), "cho phép");
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Theory]
    [InlineData("9999-12-31", "01/01/1990")]
    [InlineData("2099-06-30", "năm sau năm cuối của kế hoạch")]
    public async Task An_ad_hoc_cycle_due_beyond_the_plan_is_refused(string due, string expected)
    {
        var (department, _, _, _) = await app.ActorsAsync();
        await using var db = app.CreateDbContext();
        var before = await db.ReportCycles.CountAsync();
        var response = await department.PostAsJsonAsync($"/api/v1/plans/{Plan}/reporting-cycles", new { label = "Đột xuất rất xa", due });
        await AssertRefusedAsync(response, expected);
        Assert.Equal(before, await db.ReportCycles.CountAsync());
    }

    [Fact]
    public async Task A_wrong_content_type_is_415_and_an_unknown_path_or_method_says_so_in_Vietnamese()
    {
        var (department, _, _, _) = await app.ActorsAsync();
        var text = await department.PostAsync("/api/v1/values", new StringContent("rows=1", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Contains("Content-Type", await text.Content.ReadAsStringAsync());
        var method = await department.DeleteAsync("/api/v1/values");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Contains("không nhận phương thức DELETE", await method.Content.ReadAsStringAsync());
        var path = await department.GetAsync("/api/v1/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, path.StatusCode);
        Assert.Equal("application/problem+json", path.Content.Headers.ContentType?.MediaType);
    }
}
