using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Reporting;

/// <summary>Submitting, accepting, returning and opening a cycle ask first; without the confirmation nothing is written.</summary>
[Collection(ReportingCollection.Name)]
public class ReportConfirmationTests(ReportingApp app)
{
    private async Task<(ReportStatus Status, int Versions, int Revision)> StateAsync(int id)
    {
        await using var db = app.CreateDbContext();
        var r = await db.Reports.AsNoTracking().SingleAsync(x => x.Id == id);
        return (r.Status, await db.ReportVersions.CountAsync(v => v.ReportId == id), r.Revision);
    }

    /// <summary>Posts a form the page does not offer this user, with the antiforgery token of the page's sign-out form.</summary>
    private static async Task<HttpResponseMessage> ForgeAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(url);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token);
        fields["_handler"] = formName;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Submitting_asks_first_and_only_the_confirmation_sends()
    {
        var (department, _, reporterEmail, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – xác nhận gửi");
        var client = await app.SignInAsync(reporterEmail);
        var url = $"/reporting/reports/{id}";
        var fields = new Dictionary<string, string> { ["Action"] = "submit", ["Summary"] = "Đã triển khai đủ nhiệm vụ." };
        var rows = Regex.Matches(await client.GetStringAsync(url), "name=\"TaskId\\[").Count;
        Assert.True(rows > 0);
        for (var k = 0; k < rows; k++) (fields[$"State[{k}]"], fields[$"Percent[{k}]"]) = ("InProgress", "10");
        var html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, "report", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Xác nhận gửi báo cáo", html);
        Assert.Contains("Không hoàn tác được", html);
        Assert.Contains("Đã triển khai đủ nhiệm vụ.", html); // still in the form
        Assert.Equal((ReportStatus.NotStarted, 0, 0), await StateAsync(id));

        // Asking with a missing summary does not ask: it says what is missing.
        fields["Summary"] = " ";
        html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, "report", fields)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Xác nhận gửi báo cáo</button>", html);
        Assert.Contains("Nhập kết quả thực hiện chung trước khi gửi", html);

        fields["Summary"] = "Đã triển khai đủ nhiệm vụ.";
        fields["Action"] = "submit-confirmed";
        html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, "report", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Đã gửi báo cáo cho Sở Công Thương.", html);
        Assert.Equal((ReportStatus.Submitted, 1), ((await StateAsync(id)).Status, (await StateAsync(id)).Versions));
    }

    [Fact]
    public async Task Accepting_and_returning_ask_first_a_return_needs_a_reason_and_others_cannot_decide()
    {
        var (department, reporterApi, _, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – xác nhận xem xét");
        var report = await reporterApi.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal(HttpStatusCode.OK, (await reporterApi.PostAsJsonAsync($"/api/v1/reports/{id}/submit",
            new { revision = report["revision"]!.GetValue<int>(), summary = "Đủ nội dung.", tasks = Array.Empty<object>() })).StatusCode);
        var submitted = await StateAsync(id);
        var (_, departmentEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var reviewer = await app.SignInAsync(departmentEmail);
        var url = $"/reporting/reports/{id}";

        // A return without a reason is refused before asking; with one it asks, naming the reason, and writes nothing.
        var html = WebUtility.HtmlDecode(await (await reviewer.PostFormAsync(url, "review", new() { ["Decision"] = "return", ["Comment"] = "" })).Content.ReadAsStringAsync());
        Assert.Contains("Ghi rõ lý do trả lại", html);
        html = WebUtility.HtmlDecode(await (await reviewer.PostFormAsync(url, "review", new() { ["Decision"] = "return", ["Comment"] = "Thiếu số liệu quý III." })).Content.ReadAsStringAsync());
        Assert.Contains("Xác nhận trả lại báo cáo", html);
        Assert.Contains("«Thiếu số liệu quý III.»", html);
        html = WebUtility.HtmlDecode(await (await reviewer.PostFormAsync(url, "review", new() { ["Decision"] = "accept" })).Content.ReadAsStringAsync());
        Assert.Contains("Xác nhận chấp nhận báo cáo", html);
        Assert.Contains("báo cáo bị khóa", html);
        Assert.Equal(submitted, await StateAsync(id));

        // A viewer of the province, the unit's reporter, another province: nothing written even with the confirmation.
        var (_, viewerEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "82" });
        var viewer = await app.SignInAsync(viewerEmail);
        Assert.DoesNotContain("name=\"Decision\"", await viewer.GetStringAsync(url));
        Assert.False((await ForgeAsync(viewer, url, "review", new() { ["Confirm"] = "Accept" })).IsSuccessStatusCode);
        var (_, otherEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(otherEmail)).GetAsync(url)).StatusCode);
        Assert.Equal(submitted, await StateAsync(id));

        html = WebUtility.HtmlDecode(await (await reviewer.PostFormAsync(url, "review", new() { ["Confirm"] = "Accept" })).Content.ReadAsStringAsync());
        Assert.Contains("Đã chấp nhận báo cáo", html);
        Assert.Equal(ReportStatus.Accepted, (await StateAsync(id)).Status);
    }

    [Fact]
    public async Task Only_the_next_calendar_cycle_can_be_opened_by_hand_and_only_after_confirming()
    {
        var (department, reporter, _, _) = await app.ActorsAsync();
        var (_, departmentEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var client = await app.SignInAsync(departmentEmail);
        var url = $"/plans/{ReportingApp.Plan}/reporting";
        var calendar = (await department.GetJsonAsync($"/api/v1/plans/{ReportingApp.Plan}/reporting-regime"))["calendar"]!.AsArray().Items().ToList();
        var unopened = calendar.Where(c => c["cycleId"] is null).ToList();
        Assert.True(unopened.Count >= 2);
        var (next, later) = (unopened[0].Str("key"), unopened[^1].Str("key"));
        int CyclesNow() { using var db = app.CreateDbContext(); return db.ReportCycles.Count(c => c.PlanId == ReportingApp.Plan); }
        var before = CyclesNow();

        // Only the next cycle is offered; a later one is refused by the API too.
        var page = await client.GetStringAsync(url);
        Assert.Single(Regex.Matches(page, ">Mở ngay</button>"));
        Assert.Contains($"_handler\" value=\"open-{next}\"", page);
        var far = await department.PostAsJsonAsync($"/api/v1/plans/{ReportingApp.Plan}/reporting-cycles", new { key = later });
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Contains("Chỉ mở sớm được kỳ kế tiếp", await far.Content.ReadAsStringAsync());
        Assert.False((await ForgeAsync(client, url, $"open-{later}", new() { ["Confirm"] = "yes" })).IsSuccessStatusCode);
        // A reporter cannot open one at all.
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsJsonAsync($"/api/v1/plans/{ReportingApp.Plan}/reporting-cycles", new { key = next })).StatusCode);
        Assert.Equal(before, CyclesNow());

        // The first click asks, saying how many units will report and that it cannot be undone; nothing is opened yet.
        var html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, $"open-{next}", [])).Content.ReadAsStringAsync());
        Assert.Contains("Xác nhận mở kỳ", html);
        Assert.Matches(new Regex("<strong>[0-9]+ đơn vị</strong> phải báo cáo"), html);
        Assert.Contains("Không hoàn tác được", html);
        Assert.Equal(before, CyclesNow());

        html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, $"open-{next}", new() { ["Confirm"] = "yes" })).Content.ReadAsStringAsync());
        Assert.Contains("Đã mở kỳ báo cáo", html);
        Assert.Equal(before + 1, CyclesNow());
    }

    [Fact]
    public async Task An_ad_hoc_cycle_keeps_its_name_on_a_bad_date_asks_before_opening_and_opens_once_confirmed()
    {
        var (_, departmentEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var client = await app.SignInAsync(departmentEmail);
        var url = $"/plans/{ReportingApp.Plan}/reporting";
        const string label = "Báo cáo đột xuất theo Công văn 123/BCT";
        int CyclesNow() { using var db = app.CreateDbContext(); return db.ReportCycles.Count(c => c.PlanId == ReportingApp.Plan); }
        var before = CyclesNow();

        var html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, "adhoc", new() { ["Label"] = label, ["Due"] = "31/02/2027" })).Content.ReadAsStringAsync());
        Assert.Contains("Hạn nộp '31/02/2027' không phải ngày/tháng/năm hợp lệ", html);
        Assert.Contains($"value=\"{label}\"", html);
        Assert.Contains("value=\"31/02/2027\"", html);

        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(20).ToString("d/M/yyyy");
        html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, "adhoc", new() { ["Label"] = label, ["Due"] = due })).Content.ReadAsStringAsync());
        Assert.Contains($"Xác nhận mở {label}", html);
        Assert.Contains("Không hoàn tác được", html);
        Assert.Equal(before, CyclesNow());

        html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, "adhoc", new() { ["Label"] = label, ["Due"] = due, ["Confirm"] = "yes" })).Content.ReadAsStringAsync());
        Assert.Contains("Đã mở kỳ báo cáo đột xuất.", html);
        Assert.Equal(before + 1, CyclesNow());
    }
}
