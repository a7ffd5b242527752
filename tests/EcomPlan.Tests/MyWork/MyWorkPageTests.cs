using System.Net;
using System.Net.Http.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Tests.Reporting;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.MyWork;

namespace EcomPlan.Tests.MyWork;

/// <summary>"Việc của tôi": each role lands on what it has to do, with the count in the menu.</summary>
[Collection(ReportingCollection.Name)]
public class MyWorkPageTests(ReportingApp app)
{
    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task A_reporter_lands_on_the_report_due_and_the_Department_on_the_report_to_review_but_another_province_does_not()
    {
        var (department, reporterApi, _, agency) = await app.ActorsAsync();
        var label = "Báo cáo đột xuất – việc của tôi " + Guid.NewGuid().ToString("N")[..6];
        var (_, report) = await app.OpenAdHocAsync(department, agency, label, daysToDue: 9);
        var (_, reporterEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = agency });
        var reporter = await app.SignInAsync(reporterEmail);

        var home = Decode(await reporter.GetStringAsync("/"));
        Assert.Contains("Việc của tôi", home);
        Assert.Contains($"href=\"/reporting/reports/{report}\"", home);
        Assert.Contains(label, home);
        Assert.Contains("(còn 9 ngày)", home);
        Assert.DoesNotContain("Báo cáo chờ xem xét", home);
        Assert.Contains("Nhập số liệu", home);
        Assert.DoesNotContain("href=\"/values/review\"", home);

        // Submitted, the report leaves the reporter's list and waits on the Department's home.
        var view = await reporterApi.GetJsonAsync($"/api/v1/reports/{report}");
        var submit = await reporterApi.PostAsJsonAsync($"/api/v1/reports/{report}/submit", new
        {
            revision = view["revision"]!.GetValue<int>(), summary = "Đã thực hiện.", difficulties = (string?)null, proposals = (string?)null,
            tasks = view["tasks"]!.AsArray().Select(t => new { taskId = t!["taskId"]!.GetValue<int>(), state = "in_progress", percent = 30, results = "Đang làm", difficulties = (string?)null }),
        });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.DoesNotContain($"href=\"/reporting/reports/{report}\"", Decode(await reporter.GetStringAsync("/")));

        var (_, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var admin = Decode(await (await app.SignInAsync(adminEmail)).GetStringAsync("/"));
        Assert.Contains("Báo cáo chờ xem xét", admin);
        Assert.Contains($"href=\"/reporting/reports/{report}\"", admin);
        Assert.Contains("href=\"/values/review\"", admin);
        Assert.Contains("Kỳ báo cáo đang theo dõi", admin);
        Assert.Contains(label, admin);
        // The menu counts what waits: at least this report.
        Assert.Matches("Việc của tôi <span class=\"badge count-badge\"[^>]*>[1-9][0-9]*</span>", admin);

        var (_, otherEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var other = Decode(await (await app.SignInAsync(otherEmail)).GetStringAsync("/"));
        Assert.Contains("Việc của tôi", other);
        Assert.DoesNotContain($"href=\"/reporting/reports/{report}\"", other);
        Assert.DoesNotContain(label, other);
    }

    [Fact]
    public async Task A_viewer_is_not_offered_entry_import_or_review_and_an_anonymous_visitor_still_sees_the_plans()
    {
        var (_, viewerEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.MinistryViewer });
        var viewer = Decode(await (await app.SignInAsync(viewerEmail)).GetStringAsync("/"));
        Assert.Contains("Việc của tôi", viewer);
        Assert.DoesNotContain("Nhập số liệu", viewer);
        Assert.DoesNotContain("href=\"/values/import\"", viewer);
        Assert.DoesNotContain("href=\"/values/review\"", viewer);

        var anonymous = Decode(await app.CreateClient().GetStringAsync("/"));
        Assert.Contains("Kế hoạch phát triển thương mại điện tử", anonymous);
        Assert.Contains("href=\"/plans/dong-thap-2026-2030\"", anonymous);
        Assert.DoesNotContain("Việc của tôi", anonymous);
    }

    [Theory]
    [InlineData(UserRole.Viewer, false, false)]
    [InlineData(UserRole.MinistryViewer, false, false)]
    [InlineData(UserRole.AgencyReporter, true, false)]
    [InlineData(UserRole.CommuneReporter, true, false)]
    [InlineData(UserRole.ProvincialAdministrator, true, true)]
    [InlineData(UserRole.MinistryEditor, true, true)]
    public void The_menu_offers_entry_and_review_to_the_roles_that_can_use_them(UserRole role, bool enters, bool reviews)
    {
        var scope = new AccessScope(1, [new ScopedRole(role, role is UserRole.MinistryViewer or UserRole.MinistryEditor ? null : "82", role == UserRole.AgencyReporter ? 5 : null,
            role == UserRole.CommuneReporter ? "29893" : null)]);
        Assert.Equal((enters, reviews), (MyWorkMenu.CanEnterValues(scope), MyWorkMenu.CanReview(scope)));
    }
}
