using System.Net;
using System.Net.Http.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace EcomPlan.Tests.Reporting;

[Collection(ReportingCollection.Name)]
public class ReportingJobTests(ReportingApp app, ITestOutputHelper output)
{
    private static DateTimeOffset VietnamMorning(DateOnly day) => new(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));

    [Fact]
    public async Task Reminders_go_out_once_although_the_job_runs_twice_and_on_two_instances_at_once()
    {
        var (department, _, reporterEmail, agency) = await app.ActorsAsync();
        var (_, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var label = $"Báo cáo đột xuất – nhắc hạn {Guid.NewGuid():N}"[..48];
        var (cycle, report) = await app.OpenAdHocAsync(department, agency, label, daysToDue: 3);
        DateOnly due;
        await using (var db = app.CreateDbContext()) due = await db.ReportCycles.Where(c => c.Id == cycle).Select(c => c.Due).SingleAsync();

        var second = new SecondInstance(app.Database);
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            // Three days before the due date: within the five days of the regime.
            var before = VietnamMorning(due.AddDays(-3));
            await ReportingWorker.RunOnceAsync(app.Services, before, "http://ecomplan.test", CancellationToken.None);
            await Task.WhenAll(
                ReportingWorker.RunOnceAsync(app.Services, before, "http://ecomplan.test", CancellationToken.None),
                ReportingWorker.RunOnceAsync(second.Services, before, "http://ecomplan.test", CancellationToken.None));
            var reminders = SmtpTestServer.Instance.MessagesTo(reporterEmail).Where(m => (m.Subject ?? "").Contains(label)).ToList();
            var reminder = Assert.Single(reminders);
            Assert.Contains("Nhắc nộp", reminder.Subject);
            Assert.Contains($"http://ecomplan.test/reporting/reports/{report}", (reminder.TextBody ?? ""));
            Assert.Contains("Sở Công Thương", (reminder.TextBody ?? ""));

            // The day after the due date: one overdue reminder, and one summary to the Department.
            var after = VietnamMorning(due.AddDays(1));
            await Task.WhenAll(
                ReportingWorker.RunOnceAsync(app.Services, after, "http://ecomplan.test", CancellationToken.None),
                ReportingWorker.RunOnceAsync(second.Services, after, "http://ecomplan.test", CancellationToken.None));
            await ReportingWorker.RunOnceAsync(app.Services, after, "http://ecomplan.test", CancellationToken.None);
            reminders = SmtpTestServer.Instance.MessagesTo(reporterEmail).Where(m => (m.Subject ?? "").Contains(label)).ToList();
            Assert.Equal(2, reminders.Count);
            Assert.Single(reminders, m => (m.Subject ?? "").Contains("Quá hạn"));
            var summary = Assert.Single(SmtpTestServer.Instance.MessagesTo(adminEmail), m => (m.Subject ?? "").Contains(label));
            Assert.Contains("Chưa gửi", (summary.TextBody ?? ""));
            Assert.Contains("Sở Công Thương", (summary.TextBody ?? ""));
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
        await using (var db = app.CreateDbContext())
        {
            var deliveries = await db.ReminderDeliveries.Where(d => d.CycleId == cycle && d.Recipient == reporterEmail).ToListAsync();
            Assert.Equal(2, deliveries.Count);
            Assert.All(deliveries, d => Assert.NotNull(d.SentAt));
        }
    }

    [Fact]
    public async Task A_submitted_report_gets_no_reminder()
    {
        var (department, reporter, reporterEmail, agency) = await app.ActorsAsync();
        var label = $"Báo cáo đột xuất – đã gửi {Guid.NewGuid():N}"[..46];
        var (_, report) = await app.OpenAdHocAsync(department, agency, label, daysToDue: 2);
        var json = await reporter.GetJsonAsync($"/api/v1/reports/{report}");
        var submit = await reporter.PostAsJsonAsync($"/api/v1/reports/{report}/submit", new { revision = json["revision"]!.GetValue<int>(), summary = "Đã xong.", tasks = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        await ReportingWorker.RunOnceAsync(app.Services, DateTimeOffset.UtcNow, "http://ecomplan.test", CancellationToken.None);
        Assert.DoesNotContain(SmtpTestServer.Instance.MessagesTo(reporterEmail), m => (m.Subject ?? "").Contains(label));
    }

    [Fact]
    public async Task Calendar_cycles_open_on_their_day_once_with_every_expected_unit()
    {
        // Đồng Tháp's regime comes with the plan (section 6), effective from the day the database was made.
        await using var db = app.CreateDbContext();
        var regime = await db.ReportingRegimes.Include(r => r.Rules).SingleAsync(r => r.PlanId == ReportingApp.Plan);
        Assert.True(regime.AgenciesReport && regime.CommunesReport);
        var calendar = await OpenCycles.CalendarAsync(db, ReportingApp.Plan, CancellationToken.None);
        var next = calendar.First(c => c.OpenedId is null).Cycle;
        output.WriteLine($"next cycle {next.Label}: opens {next.Opens}, due {next.Due}");

        await ReportingWorker.RunOnceAsync(app.Services, VietnamMorning(next.Opens.AddDays(-1)), "http://ecomplan.test", CancellationToken.None);
        Assert.False(await db.ReportCycles.AnyAsync(c => c.PlanId == ReportingApp.Plan && c.Key == OpenCycles.KeyOf(next)));

        var second = new SecondInstance(app.Database);
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            await Task.WhenAll(
                ReportingWorker.RunOnceAsync(app.Services, VietnamMorning(next.Opens), "http://ecomplan.test", CancellationToken.None),
                ReportingWorker.RunOnceAsync(second.Services, VietnamMorning(next.Opens), "http://ecomplan.test", CancellationToken.None));
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
        var cycle = await db.ReportCycles.AsNoTracking().Include(c => c.Reports).SingleAsync(c => c.PlanId == ReportingApp.Plan && c.Key == OpenCycles.KeyOf(next));
        Assert.Equal((next.Due, next.CutOff), (cycle.Due, cycle.CutOff));
        Assert.Equal(102, cycle.Reports.Count(r => r.CommuneCode is not null));
        var leads = await db.TaskAgencies.Where(a => a.Role == EcomPlan.Web.Features.Plans.AgencyRole.Lead && db.Tasks.Any(t => t.Id == a.TaskId && t.PlanId == ReportingApp.Plan))
            .Select(a => a.AgencyId).Distinct().ToListAsync();
        var monitors = await db.TargetMonitors.Where(m => db.Targets.Any(t => t.Id == m.TargetId && t.PlanId == ReportingApp.Plan)).Select(m => m.AgencyId).Distinct().ToListAsync();
        // The documents' group phrases ("Các sở, ngành Tỉnh", kind collective) are no unit: never an expected report.
        var groups = await db.Agencies.Where(a => a.Kind == "collective").Select(a => a.Id).ToListAsync();
        Assert.NotEmpty(leads.Union(monitors).Intersect(groups));
        Assert.Equal(leads.Union(monitors).Except(groups).Order(), cycle.Reports.Where(r => r.AgencyId is not null).Select(r => r.AgencyId!.Value).Order());
        Assert.All(cycle.Reports, r => Assert.Equal(EcomPlan.Web.Features.Reporting.ReportStatus.NotStarted, r.Status));
    }

    [Fact]
    public async Task A_regime_with_bad_dates_is_refused_whole_and_a_good_one_replaces_it()
    {
        var (department, reporter, _, _) = await app.ActorsAsync();
        const string plan = "khanh-hoa-2026-2030";
        var (khAdmin, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var kh = app.ClientWithToken(await app.TokenForAsync(khAdmin));
        var bad = await kh.PutAsJsonAsync($"/api/v1/plans/{plan}/reporting-regime", new
        {
            agenciesReport = true, communesReport = false, remindDaysBefore = 5,
            rules = new object[] { new { kind = "yearly", due = "31/11", cutOff = "30/11", opensDaysBefore = 30 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("31/11", await bad.Content.ReadAsStringAsync());
        await using (var db = app.CreateDbContext()) Assert.False(await db.ReportingRegimes.AnyAsync(r => r.PlanId == plan));

        // Another province's Department, or a reporter, cannot set it.
        var good = new { agenciesReport = true, communesReport = false, remindDaysBefore = 7, rules = new object[] { new { kind = "yearly", due = "15/12", cutOff = "30/11", opensDaysBefore = 20 } } };
        Assert.Equal(HttpStatusCode.NotFound, (await department.PutAsJsonAsync($"/api/v1/plans/{plan}/reporting-regime", good)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PutAsJsonAsync($"/api/v1/plans/{plan}/reporting-regime", good)).StatusCode);

        var saved = await kh.PutAsJsonAsync($"/api/v1/plans/{plan}/reporting-regime", good);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var regime = await kh.GetJsonAsync($"/api/v1/plans/{plan}/reporting-regime");
        Assert.Equal("15/12", regime["rules"]![0]!.Str("due"));
        Assert.All(regime["calendar"]!.AsArray(), c => Assert.EndsWith("-12-15", c!.Str("due")));
        await using (var db = app.CreateDbContext())
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ReportingRegime) && a.EntityId == plan && a.ProvinceCode == "56"));
    }

    [Fact]
    public async Task Opening_a_cycle_refuses_a_past_due_date_an_empty_name_an_unknown_or_duplicate_cycle_and_writes_nothing()
    {
        var (department, reporter, _, _) = await app.ActorsAsync();
        int before;
        await using (var db = app.CreateDbContext()) before = await db.ReportCycles.CountAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var url = $"/api/v1/plans/{ReportingApp.Plan}/reporting-cycles";
        async Task<string> Refused(object body, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var response = await department.PostAsJsonAsync(url, body);
            Assert.Equal(status, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("không được trước hôm nay", await Refused(new { label = "Kỳ quá hạn", due = today.AddDays(-1).ToString("yyyy-MM-dd") }));
        Assert.Contains("Nhập tên kỳ báo cáo", await Refused(new { label = " ", due = today.AddDays(5).ToString("yyyy-MM-dd") }));
        Assert.Contains("Ngày chốt số liệu phải trước hạn nộp", await Refused(new { label = "Kỳ chốt sau hạn", due = today.AddDays(5).ToString("yyyy-MM-dd"), cutOff = today.AddDays(9).ToString("yyyy-MM-dd") }));
        Assert.Contains("Không có kỳ báo cáo 'Yearly-1999'", await Refused(new { key = "Yearly-1999" }));
        Assert.Contains("Gửi 'key'", await Refused(new { label = "Thiếu hạn" }));
        var malformed = await department.PostAsync(url, new StringContent("{\"due\": \"14/12/2026\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsJsonAsync(url, new { label = "Báo cáo viên mở kỳ", due = today.AddDays(5).ToString("yyyy-MM-dd") })).StatusCode);
        await using (var db = app.CreateDbContext()) Assert.Equal(before, await db.ReportCycles.CountAsync());

        // The next calendar cycle opened early once; a second attempt says it is open already.
        var calendar = (await department.GetJsonAsync($"/api/v1/plans/{ReportingApp.Plan}/reporting-regime"))["calendar"]!.AsArray();
        var key = calendar.First(c => c!["cycleId"] is null)!.Str("key");
        Assert.Equal(HttpStatusCode.Created, (await department.PostAsJsonAsync(url, new { key })).StatusCode);
        Assert.Contains("đã được mở", await Refused(new { key }));
        await using (var db = app.CreateDbContext()) Assert.Equal(before + 1, await db.ReportCycles.CountAsync());
    }
}
