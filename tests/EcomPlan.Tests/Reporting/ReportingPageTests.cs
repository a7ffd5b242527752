using System.Net;
using System.Net.Http.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Reporting;

[Collection(ReportingCollection.Name)]
public class ReportingPageTests(ReportingApp app)
{
    [Fact]
    public async Task The_Ministry_sets_the_national_regime_on_the_page_and_a_bad_date_changes_nothing()
    {
        const string plan = "national-2026-2030";
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.MinistryEditor });
        var client = await app.SignInAsync(email);
        var fields = new Dictionary<string, string>
        {
            ["Agencies"] = "true", ["Yearly.On"] = "true", ["Yearly.Due"] = "30/02", ["Yearly.CutOff"] = "30/11", ["Yearly.Opens"] = "30", ["Remind"] = "5",
        };
        var html = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/plans/{plan}/reporting", "regime", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Hạn nộp báo cáo năm '30/02' không phải ngày/tháng hợp lệ", html);
        await using (var db = app.CreateDbContext()) Assert.False(await db.ReportingRegimes.AnyAsync(r => r.PlanId == plan));

        fields["Yearly.Due"] = "31/12";
        html = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/plans/{plan}/reporting", "regime", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Đã lưu chế độ báo cáo.", html);
        Assert.Contains("Báo cáo năm 2030", html); // the calendar runs to the plan's end
        await using (var db = app.CreateDbContext())
        {
            var regime = await db.ReportingRegimes.Include(r => r.Rules).SingleAsync(r => r.PlanId == plan);
            Assert.Equal((true, false, 31, 12), (regime.AgenciesReport, regime.CommunesReport, regime.Rules.Single().DueDay, regime.Rules.Single().DueMonth));
        }
        // A viewer of another province does not even see the page.
        var (_, viewer) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(viewer)).GetAsync("/plans/dong-thap-2026-2030/reporting")).StatusCode);
    }

    [Fact]
    public async Task A_commune_reports_without_tasks_and_sees_only_its_own_report()
    {
        var (department, _, _, agency) = await app.ActorsAsync();
        var (cycle, _) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – cấp xã");
        string commune;
        int report;
        await using (var db = app.CreateDbContext())
        {
            commune = await db.Communes.Where(c => c.ProvinceCode == "82").OrderBy(c => c.Code).Select(c => c.Code).FirstAsync();
            report = await db.Reports.Where(r => r.CycleId == cycle && r.CommuneCode == commune).Select(r => r.Id).SingleAsync();
        }
        var (userId, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.CommuneReporter, CommuneCode = commune });
        var api = app.ClientWithToken(await app.TokenForAsync(userId));
        var mine = await api.GetJsonAsync("/api/v1/reports/mine");
        Assert.Contains(mine.Items(), r => r["id"]!.GetValue<int>() == report);
        Assert.All(mine.Items(), r => Assert.DoesNotContain("Sở", r.Str("unitName")));
        var json = await api.GetJsonAsync($"/api/v1/reports/{report}");
        Assert.Empty(json["tasks"]!.AsArray());
        var submit = await api.PostAsJsonAsync($"/api/v1/reports/{report}/submit", new { revision = json["revision"]!.GetValue<int>(), summary = "Xã đã tuyên truyền trên loa phát thanh.", tasks = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var page = WebUtility.HtmlDecode(await (await app.SignInAsync(email)).GetStringAsync($"/reporting/reports/{report}"));
        Assert.Contains("Xã đã tuyên truyền trên loa phát thanh.", page);
        Assert.Contains("Đã gửi, chờ xem xét", page);
    }
}
