using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Reporting;

/// <summary>The report form keeps everything typed when anything is refused, and says every problem beside its field.</summary>
[Collection(ReportingCollection.Name)]
public class ReportFormPageTests(ReportingApp app)
{
    private static string NameOf(JsonNode task) =>
        ReportForm.TaskName(task.Str("groupCode"), task["number"]?.GetValue<string>(), task.Str("text"));

    [Fact]
    public async Task A_bad_percent_keeps_every_typed_field_names_each_task_and_writes_nothing_then_the_fix_saves()
    {
        var (department, reporterApi, reporterEmail, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – biểu mẫu giữ dữ liệu");
        var tasks = (await reporterApi.GetJsonAsync($"/api/v1/reports/{id}"))["tasks"]!.AsArray();
        Assert.True(tasks.Count >= 3);
        var client = await app.SignInAsync(reporterEmail);
        var url = $"/reporting/reports/{id}";
        var fields = new Dictionary<string, string>
        {
            ["Action"] = "draft", ["Summary"] = "Tóm tắt gõ tay, không được mất.", ["Difficulties"] = "Khó khăn gõ tay.", ["Proposals"] = "Kiến nghị gõ tay.",
        };
        for (var k = 0; k < tasks.Count; k++)
            (fields[$"State[{k}]"], fields[$"Percent[{k}]"], fields[$"Results[{k}]"]) = ("InProgress", "30", $"Kết quả dòng {k} gõ tay");
        fields["Percent[0]"] = "40,5";
        fields["Percent[1]"] = "abc";
        fields["Percent[2]"] = "120";

        var html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, "report", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Chưa lưu được", html);
        for (var k = 0; k < tasks.Count; k++) Assert.Contains($"Kết quả dòng {k} gõ tay", html);
        Assert.Contains("Tóm tắt gõ tay, không được mất.", html);
        Assert.Contains("Kiến nghị gõ tay.", html);
        Assert.Matches(new Regex("name=\"Percent\\[1\\]\"[^>]*value=\"abc\""), html);
        Assert.Matches(new Regex("name=\"Percent\\[0\\]\"[^>]*value=\"40,5\""), html);
        // Both problems at once, each naming its task, each beside its field.
        Assert.Contains($"{NameOf(tasks[1]!)}: tỷ lệ hoàn thành 'abc' không phải là số", html);
        Assert.Contains($"{NameOf(tasks[2]!)}: tỷ lệ hoàn thành 120% phải từ 0 đến 100", html);
        Assert.Equal(2, Regex.Matches(html, "<span class=\"field-error\"").Count);
        await using (var db = app.CreateDbContext())
        {
            var report = await db.Reports.AsNoTracking().Include(r => r.Tasks).SingleAsync(r => r.Id == id);
            Assert.Equal((ReportStatus.NotStarted, (string?)null, 0), (report.Status, report.Summary, report.Revision));
            Assert.All(report.Tasks, t => Assert.Null(t.Results));
        }

        fields["Percent[1]"] = "100";
        fields["State[1]"] = "Done";
        fields["Percent[2]"] = "75,5";
        html = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, "report", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Đã lưu nháp.", html);
        Assert.Contains($"{NameOf(tasks[0]!)}: tỷ lệ hoàn thành 40,5 được ghi tròn thành 41%", html);
        await using (var db = app.CreateDbContext())
        {
            var report = await db.Reports.AsNoTracking().Include(r => r.Tasks).SingleAsync(r => r.Id == id);
            Assert.Equal((ReportStatus.Draft, "Tóm tắt gõ tay, không được mất."), (report.Status, report.Summary));
            var byTask = report.Tasks.ToDictionary(t => t.TaskId);
            Assert.Equal(41, byTask[tasks[0]!["taskId"]!.GetValue<int>()].Percent);
            Assert.Equal((TaskState.Done, 100), (byTask[tasks[1]!["taskId"]!.GetValue<int>()].State, byTask[tasks[1]!["taskId"]!.GetValue<int>()].Percent));
            Assert.Equal(76, byTask[tasks[2]!["taskId"]!.GetValue<int>()].Percent);
        }
    }

    [Fact]
    public async Task The_API_names_each_refused_line_by_its_field_path_and_task()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – lỗi theo dòng");
        var report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        var tasks = report["tasks"]!.AsArray();
        var lines = tasks.Select((t, k) => new { taskId = t!["taskId"]!.GetValue<int>(), state = k == 2 ? "done" : "in_progress", percent = k == 1 ? 140 : 30 }).ToList();
        var response = await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", new { revision = report["revision"]!.GetValue<int>(), summary = "", tasks = lines });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["summary", "tasks[1].percent", "tasks[2].percent"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.StartsWith(NameOf(tasks[1]!), errors["tasks[1].percent"]![0]!.GetValue<string>());
        Assert.Contains("140%", errors["tasks[1].percent"]![0]!.GetValue<string>());
        Assert.StartsWith(NameOf(tasks[2]!), errors["tasks[2].percent"]![0]!.GetValue<string>());
        Assert.Equal("not_started", (await reporter.GetJsonAsync($"/api/v1/reports/{id}")).Str("status"));
    }

    [Fact]
    public async Task The_regime_form_keeps_every_entry_when_a_date_or_number_is_bad_and_writes_nothing()
    {
        const string plan = "national-2026-2030";
        var (_, email) = await app.CreateUserAsync(new EcomPlan.Web.Features.Accounts.RoleAssignment { Role = EcomPlan.Web.Features.Accounts.UserRole.MinistryEditor });
        var client = await app.SignInAsync(email);
        async Task<string> RegimeNowAsync()
        {
            await using var db = app.CreateDbContext();
            var r = await db.ReportingRegimes.AsNoTracking().Include(x => x.Rules).FirstOrDefaultAsync(x => x.PlanId == plan);
            return r is null ? "none" : $"{r.UpdatedAt:O} {r.CommunesReport} {string.Join(",", r.Rules.Select(x => $"{x.Kind}{x.DueDay}/{x.DueMonth}"))}";
        }
        var before = await RegimeNowAsync();
        var fields = new Dictionary<string, string>
        {
            ["Communes"] = "true", ["SixMonthly.On"] = "true", ["SixMonthly.Due"] = "20/06", ["SixMonthly.CutOff"] = "31/05", ["SixMonthly.Opens"] = "abc",
            ["Yearly.On"] = "true", ["Yearly.Due"] = "30/02", ["Yearly.CutOff"] = "15/11", ["Yearly.Opens"] = "25", ["Remind"] = "7",
        };
        var html = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/plans/{plan}/reporting", "regime", fields)).Content.ReadAsStringAsync());
        foreach (var (name, value) in fields.Where(f => f.Value != "true"))
            Assert.Matches(new Regex($"name=\"{Regex.Escape(name)}\"[^>]*value=\"{Regex.Escape(value)}\""), html);
        Assert.Matches(new Regex("name=\"Communes\"[^>]*checked"), html);
        Assert.DoesNotMatch(new Regex("name=\"Agencies\"[^>]*checked"), html);
        Assert.Contains("<details open", html);
        Assert.Contains("Hạn nộp báo cáo năm '30/02' không phải ngày/tháng hợp lệ", html);
        Assert.Contains("'abc' không phải số nguyên", html);
        Assert.Equal(2, Regex.Matches(html, "<span class=\"field-error\"").Count);
        Assert.Equal(before, await RegimeNowAsync());
    }

    [Fact]
    public async Task A_plan_page_offers_the_reporting_link_only_to_those_who_can_open_it()
    {
        var (_, other) = await app.CreateUserAsync(new EcomPlan.Web.Features.Accounts.RoleAssignment { Role = EcomPlan.Web.Features.Accounts.UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var (_, own) = await app.CreateUserAsync(new EcomPlan.Web.Features.Accounts.RoleAssignment { Role = EcomPlan.Web.Features.Accounts.UserRole.Viewer, ProvinceCode = "82" });
        const string link = "href=\"/plans/dong-thap-2026-2030/reporting\"";
        var otherClient = await app.SignInAsync(other);
        Assert.DoesNotContain(link, await otherClient.GetStringAsync("/plans/dong-thap-2026-2030"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync("/plans/dong-thap-2026-2030/reporting")).StatusCode);
        var ownClient = await app.SignInAsync(own);
        Assert.Contains(link, await ownClient.GetStringAsync("/plans/dong-thap-2026-2030"));
        Assert.Equal(HttpStatusCode.OK, (await ownClient.GetAsync("/plans/dong-thap-2026-2030/reporting")).StatusCode);
    }

    [Fact]
    public async Task A_cycle_opened_by_the_job_names_its_opener_in_one_pair_of_brackets()
    {
        DateOnly opens;
        string key;
        await using (var db = app.CreateDbContext())
        {
            var calendar = await OpenCycles.CalendarAsync(db, ReportingApp.Plan, CancellationToken.None);
            var next = calendar.First(c => c.OpenedId is null).Cycle;
            (opens, key) = (next.Opens, OpenCycles.KeyOf(next));
            await OpenCycles.OpenDueAsync(db, new DateTimeOffset(opens.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)).ToUniversalTime(), CancellationToken.None);
        }
        int cycle;
        await using (var db = app.CreateDbContext()) cycle = await db.ReportCycles.Where(c => c.PlanId == ReportingApp.Plan && c.Key == key).Select(c => c.Id).SingleAsync();
        var (_, email) = await app.CreateUserAsync(new EcomPlan.Web.Features.Accounts.RoleAssignment { Role = EcomPlan.Web.Features.Accounts.UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var html = WebUtility.HtmlDecode(await (await app.SignInAsync(email)).GetStringAsync($"/reporting/cycles/{cycle}"));
        Assert.Contains("(hệ thống: mở theo lịch)", html);
        Assert.DoesNotContain("((", html);
    }

    [Fact]
    public async Task A_save_made_elsewhere_meanwhile_keeps_what_was_typed_and_a_second_save_replaces_it_knowingly()
    {
        var (department, _, reporterEmail, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – hai cửa sổ");
        var first = await app.SignInAsync(reporterEmail);
        var second = await app.SignInAsync(reporterEmail);
        var url = $"/reporting/reports/{id}";
        var stale = TestAccounts.HiddenFieldsOf(await second.GetStringAsync(url), "report");
        var rows = stale.Keys.Count(k => k.StartsWith("TaskId[", StringComparison.Ordinal));
        Dictionary<string, string> Fields(string summary)
        {
            var f = new Dictionary<string, string> { ["Action"] = "draft", ["Summary"] = summary };
            for (var k = 0; k < rows; k++) (f[$"State[{k}]"], f[$"Percent[{k}]"]) = ("InProgress", "20");
            return f;
        }
        Assert.Contains("Đã lưu nháp.", WebUtility.HtmlDecode(await (await first.PostFormAsync(url, "report", Fields("Cửa sổ thứ nhất"))).Content.ReadAsStringAsync()));

        foreach (var (k, v) in Fields("Cửa sổ thứ hai, gõ rất lâu")) stale[k] = v;
        var html = WebUtility.HtmlDecode(await (await second.PostAsync(url, new FormUrlEncodedContent(stale))).Content.ReadAsStringAsync());
        Assert.Contains("vừa được lưu ở nơi khác", html);
        Assert.Contains("Cửa sổ thứ hai, gõ rất lâu", html);
        await using (var db = app.CreateDbContext()) Assert.Equal("Cửa sổ thứ nhất", (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Summary);

        var again = TestAccounts.HiddenFieldsOf(html, "report");
        foreach (var (k, v) in Fields("Cửa sổ thứ hai, gõ rất lâu")) again[k] = v;
        Assert.Contains("Đã lưu nháp.", WebUtility.HtmlDecode(await (await second.PostAsync(url, new FormUrlEncodedContent(again))).Content.ReadAsStringAsync()));
        await using (var db = app.CreateDbContext()) Assert.Equal("Cửa sổ thứ hai, gõ rất lâu", (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Summary);
    }
}
