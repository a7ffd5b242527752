using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Tests.Reporting;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Notifications;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.MyWork;

/// <summary>In-app notifications beside the e-mails: written for the recipient only, read and marked read by them alone.</summary>
[Collection(ReportingCollection.Name)]
public class NotificationTests(ReportingApp app)
{
    private static object Submission(JsonNode report) => new
    {
        revision = report["revision"]!.GetValue<int>(), summary = "Kết quả chung.", difficulties = (string?)null, proposals = (string?)null,
        tasks = report["tasks"]!.AsArray().Select(t => new { taskId = t!["taskId"]!.GetValue<int>(), state = "in_progress", percent = 20, results = "Đang làm", difficulties = (string?)null }),
    };

    private static async Task<List<JsonNode>> NotificationsAsync(HttpClient client, int report) =>
        (await client.GetJsonAsync("/api/v1/notifications")).AsArray().Where(n => n!.Str("link") == $"/reporting/reports/{report}").Select(n => n!).ToList();

    [Fact]
    public async Task A_returned_then_accepted_report_notifies_its_reporter_who_alone_reads_and_marks_it()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (_, report) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – thông báo");
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync($"/api/v1/reports/{report}/submit", Submission(await reporter.GetJsonAsync($"/api/v1/reports/{report}")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.PostAsJsonAsync($"/api/v1/reports/{report}/review", new { action = "return", comment = "Thiếu số liệu quý III." })).StatusCode);

        var returned = Assert.Single(await NotificationsAsync(reporter, report));
        Assert.Contains("bị trả lại", returned.Str("text"));
        Assert.Contains("Thiếu số liệu quý III.", returned.Str("text"));
        Assert.Null(returned["readAt"]);
        var id = returned["id"]!.GetValue<long>();

        // The Department (another user) neither sees it nor can mark it; a reporter of a Khánh Hòa agency neither.
        Assert.Empty(await NotificationsAsync(department, report));
        Assert.Equal(HttpStatusCode.NotFound, (await department.PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        var khAgency = await app.AgencyIdAsync("56", "Sở Công Thương");
        var (khId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = khAgency });
        var kh = app.ClientWithToken(await app.TokenForAsync(khId));
        Assert.Equal(HttpStatusCode.NotFound, (await kh.PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kh.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);
        Assert.Null(Assert.Single(await NotificationsAsync(reporter, report))["readAt"]);

        // The reporter marks it read.
        Assert.Equal(HttpStatusCode.NoContent, (await reporter.PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        Assert.NotNull(Assert.Single(await NotificationsAsync(reporter, report))["readAt"]);

        // Fixed and accepted: told in the platform too; not written into the audit trail (a delivery record).
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync($"/api/v1/reports/{report}/submit", Submission(await reporter.GetJsonAsync($"/api/v1/reports/{report}")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.PostAsJsonAsync($"/api/v1/reports/{report}/review", new { action = "accept" })).StatusCode);
        var all = await NotificationsAsync(reporter, report);
        Assert.Equal(2, all.Count);
        Assert.Contains("đã được chấp nhận", all[0].Str("text"));
        Assert.Single((await reporter.GetJsonAsync("/api/v1/notifications?unread=true")).AsArray(), n => n!.Str("link") == $"/reporting/reports/{report}");
        await using var db = app.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Notification)));
    }

    [Fact]
    public async Task A_reminder_sent_twice_leaves_one_notification_and_the_page_marks_it_read()
    {
        var (department, _, reporterEmail, agency) = await app.ActorsAsync();
        var (cycle, report) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – nhắc trong ứng dụng", daysToDue: 2);
        DateOnly due;
        await using (var db = app.CreateDbContext()) due = await db.ReportCycles.Where(c => c.Id == cycle).Select(c => c.Due).SingleAsync();
        var before = new DateTimeOffset(due.AddDays(-1).ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
        await ReportingWorker.RunOnceAsync(app.Services, before, "http://ecomplan.test", CancellationToken.None);
        await ReportingWorker.RunOnceAsync(app.Services, before, "http://ecomplan.test", CancellationToken.None);

        var browser = await app.SignInAsync(reporterEmail);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/notifications"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, $"href=\"/reporting/reports/{report}\""));
        Assert.Contains("Nhắc nộp Báo cáo đột xuất – nhắc trong ứng dụng", page);
        Assert.Matches("Thông báo\\s*<span class=\"badge count-badge\"[^>]*>[1-9][0-9]*</span>", page);

        long id;
        await using (var db = app.CreateDbContext())
            id = await db.Set<Notification>().Where(n => n.Link == $"/reporting/reports/{report}").Select(n => n.Id).SingleAsync();
        var marked = await browser.PostFormAsync("/notifications", $"read-{id}", []);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Contains("Đã đánh dấu đã đọc.", WebUtility.HtmlDecode(await marked.Content.ReadAsStringAsync()));
        await using (var db = app.CreateDbContext())
            Assert.NotNull(await db.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync());
    }
}
