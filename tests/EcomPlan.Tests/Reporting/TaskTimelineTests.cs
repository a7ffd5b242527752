using System.Net;
using System.Net.Http.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Reporting;

[Collection(ReportingCollection.Name)]
public class TaskTimelineTests(ReportingApp app)
{
    [Fact]
    public async Task Late_tasks_and_tasks_without_a_lead_agency_stand_out_and_the_agency_filter_narrows()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – tiến độ nhiệm vụ");
        var report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        var task = report["tasks"]![1]!["taskId"]!.GetValue<int>();
        var submit = await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", new
        {
            revision = report["revision"]!.GetValue<int>(), summary = "Một nhiệm vụ chậm.",
            tasks = new[] { new { taskId = task, state = "late", percent = 10, results = "Chưa bố trí được kinh phí." } },
        });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);

        var scope = new AccessScope(1, [new ScopedRole(UserRole.ProvincialAdministrator, "82")]);
        await using var db = app.CreateDbContext();
        var timeline = (await TaskTimeline.ForPlanAsync(db, scope, ReportingApp.Plan, null, 2026, CancellationToken.None))!;
        Assert.Equal(42, timeline.Tasks.Count);
        Assert.Equal(3, timeline.Tasks.Count(t => t.IsUnassigned));
        var late = Assert.Single(timeline.Tasks, t => t.Id == task);
        Assert.True(late.IsLate);
        Assert.Equal((TaskState.Late, 10), (late.State, late.Percent));
        Assert.All(timeline.Tasks, t => Assert.InRange(t.From, 2026, t.To));
        var filtered = (await TaskTimeline.ForPlanAsync(db, scope, ReportingApp.Plan, agency, 2026, CancellationToken.None))!;
        Assert.Equal(report["tasks"]!.AsArray().Count, filtered.Tasks.Count);

        var (_, viewer) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "82" });
        var browser = await app.SignInAsync(viewer);
        var html = await browser.GetStringAsync($"/plans/{ReportingApp.Plan}/timeline?flagged=true");
        Assert.Contains("Chưa có cơ quan chủ trì", html);
        Assert.Contains("badge late", html);
        Assert.Contains("tl-from-1", html);

        // Another province's user (and another agency's reporter) may read the published plan, not its reports:
        // the timeline shows them the tasks without what was reported.
        foreach (var other in new[] { new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" },
                                      new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = await app.AgencyIdAsync("56", "Thuế Khánh Hòa") } })
        {
            var (_, email) = await app.CreateUserAsync(other);
            var outsider = WebUtility.HtmlDecode(await (await app.SignInAsync(email)).GetStringAsync($"/plans/{ReportingApp.Plan}/timeline"));
            Assert.DoesNotContain("Chưa bố trí", outsider);
            Assert.DoesNotContain("badge task-late", outsider);
            Assert.DoesNotContain("10% (", outsider);
            Assert.Contains("chỉ hiển thị với người được xem báo cáo", outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(email)).GetAsync($"/api/v1/reports/{id}")).StatusCode);
        }
        var khScope = new AccessScope(2, [new ScopedRole(UserRole.ProvincialAdministrator, "56")]);
        var hidden = (await TaskTimeline.ForPlanAsync(db, khScope, ReportingApp.Plan, null, 2026, CancellationToken.None))!;
        Assert.False(hidden.ShowsReports);
        Assert.All(hidden.Tasks, t => Assert.Equal((null, null, false), (t.State, t.Percent, t.IsLate)));
    }
}
