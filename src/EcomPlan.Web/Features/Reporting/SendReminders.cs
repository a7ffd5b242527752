using System.Net;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// E-mail reminders of a cycle: before the due date and after it to units that have not submitted, and a summary to
/// the Department once the due date has passed. Each reminder is claimed in the database before it is sent, under a
/// unique key, so it goes out once even when the job runs twice or on two instances at the same time.
/// </summary>
public static class SendReminders
{
    public sealed record Pending(int ReportId, ReportStatus Status);

    /// <summary>Which reminders a cycle calls for today. Pure; the summary has no report.</summary>
    public static IReadOnlyList<(ReminderKind Kind, int? ReportId)> Due(DateOnly due, int remindDaysBefore, DateOnly today, IEnumerable<Pending> reports)
    {
        var owing = reports.Where(r => r.Status is ReportStatus.NotStarted or ReportStatus.Draft or ReportStatus.Returned).Select(r => r.ReportId).ToList();
        var result = new List<(ReminderKind, int?)>();
        if (today >= due.AddDays(-remindDaysBefore) && today <= due) result.AddRange(owing.Select(id => (ReminderKind.BeforeDue, (int?)id)));
        if (today > due)
        {
            result.AddRange(owing.Select(id => (ReminderKind.Overdue, (int?)id)));
            result.Add((ReminderKind.Summary, null));
        }
        return result;
    }

    public static string KeyOf(int cycleId, ReminderKind kind, int? reportId, string recipient) =>
        $"{cycleId}:{kind}:{reportId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "summary"}:{recipient.ToLowerInvariant()}";

    /// <summary>Sends what is due at <paramref name="now"/>; returns how many messages this call sent.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, string baseUrl, CancellationToken ct)
    {
        var today = ReportWorkflow.Today(now);
        List<(ReportCycle Cycle, PlanLevel Level, int RemindDaysBefore)> cycles;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
            // Cycles long past are not chased any more.
            var from = today.AddDays(-60);
            var open = await db.ReportCycles.AsNoTracking().Where(c => c.Opens <= today && c.Due >= from).ToListAsync(ct);
            var plans = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Level }).ToDictionaryAsync(p => p.Id, p => p.Level, ct);
            var regimes = await db.ReportingRegimes.AsNoTracking().ToDictionaryAsync(r => r.PlanId, r => r.RemindDaysBefore, ct);
            cycles = open.Select(c => (c, plans[c.PlanId], regimes.GetValueOrDefault(c.PlanId, 5))).ToList();
        }
        var sent = 0;
        foreach (var (cycle, level, days) in cycles)
            sent += await RunCycleAsync(services, cycle, level, days, today, now, baseUrl, ct);
        return sent;
    }

    private static async Task<int> RunCycleAsync(IServiceProvider services, ReportCycle cycle, PlanLevel level, int days, DateOnly today,
        DateTimeOffset now, string baseUrl, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        var email = scope.ServiceProvider.GetRequiredService<EmailSender>();
        var reports = await db.Reports.AsNoTracking().Where(r => r.CycleId == cycle.Id).ToListAsync(ct);
        var due = Due(cycle.Due, days, today, reports.Select(r => new Pending(r.Id, r.Status)));
        if (due.Count == 0) return 0;
        var link = $"{baseUrl.TrimEnd('/')}/reporting/cycles/{cycle.Id}";
        var sent = 0;
        foreach (var (kind, reportId) in due)
        {
            var report = reportId is null ? null : reports.Single(r => r.Id == reportId);
            var recipients = report is null ? await ReviewersAsync(db, level, cycle.ProvinceCode, ct) : await ReportersAsync(db, report, ct);
            foreach (var (address, name) in recipients)
            {
                var key = KeyOf(cycle.Id, kind, reportId, address);
                if (!await ClaimAsync(db, new ReminderDelivery { Key = key, CycleId = cycle.Id, ReportId = reportId, Kind = kind, Recipient = address, ClaimedAt = now }, ct))
                    continue;
                var (subject, text) = report is null
                    ? Summary(cycle, reports, today, link)
                    : Reminder(cycle, report, kind, $"{baseUrl.TrimEnd('/')}/reporting/reports/{report.Id}");
                try
                {
                    var notice = new Notifications.Notice(subject.Replace("[EcomPlan] ", ""),
                        report is null ? $"/reporting/cycles/{cycle.Id}" : $"/reporting/reports/{report.Id}", "reminder:" + key);
                    await email.SendAsync(address, name, subject, "<p>" + WebUtility.HtmlEncode(text).Replace("\n", "<br>") + "</p>", text, notice, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Not sent: give the claim back so the next run tries again.
                    await db.ReminderDeliveries.Where(d => d.Key == key).ExecuteDeleteAsync(ct);
                    scope.ServiceProvider.GetRequiredService<ILogger<ReminderDelivery>>().LogWarning(e, "Không gửi được thư nhắc {Key}", key);
                    continue;
                }
                await db.ReminderDeliveries.Where(d => d.Key == key).ExecuteUpdateAsync(s => s.SetProperty(d => d.SentAt, now), ct);
                sent++;
            }
        }
        return sent;
    }

    /// <summary>Inserts the claim; false when another run holds it already (the unique key refused the insert).</summary>
    private static async Task<bool> ClaimAsync(EcomPlanDbContext db, ReminderDelivery claim, CancellationToken ct)
    {
        if (await db.ReminderDeliveries.AnyAsync(d => d.Key == claim.Key, ct)) return false;
        db.SuppressAudit = true; // a delivery log, not business data
        db.ReminderDeliveries.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The e-mail addresses of a report's unit: its agency's or commune's reporters.</summary>
    internal static async Task<List<(string Address, string Name)>> ReportersAsync(EcomPlanDbContext db, Report report, CancellationToken ct) =>
        (await db.RoleAssignments.AsNoTracking()
            .Where(r => (r.Role == UserRole.AgencyReporter && report.AgencyId != null && r.AgencyId == report.AgencyId)
                || (r.Role == UserRole.CommuneReporter && report.CommuneCode != null && r.CommuneCode == report.CommuneCode))
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.Email, u.FullName })
            .ToListAsync(ct))
        .Where(u => u.Email is not null).Select(u => (u.Email!, u.FullName)).Distinct().ToList();

    private static async Task<List<(string Address, string Name)>> ReviewersAsync(EcomPlanDbContext db, PlanLevel level, string? province, CancellationToken ct) =>
        (await db.RoleAssignments.AsNoTracking()
            .Where(r => level == PlanLevel.National ? r.Role == UserRole.MinistryEditor : r.Role == UserRole.ProvincialAdministrator && r.ProvinceCode == province)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.Email, u.FullName })
            .ToListAsync(ct))
        .Where(u => u.Email is not null).Select(u => (u.Email!, u.FullName)).Distinct().ToList();

    private static (string Subject, string Text) Reminder(ReportCycle cycle, Report report, ReminderKind kind, string link)
    {
        var due = VietnameseText.FormatDate(cycle.Due);
        return kind == ReminderKind.BeforeDue
            ? ($"[EcomPlan] Nhắc nộp {cycle.Label} – hạn {due}",
                $"Kính gửi {report.UnitName},\n\n{cycle.Label} của đơn vị cần gửi trước hết ngày {due}. Tình trạng hiện tại: {ReportWorkflow.Label(report.Status)}.\n\nMở báo cáo: {link}\n\nThư này được gửi tự động một lần.")
            : ($"[EcomPlan] Quá hạn nộp {cycle.Label}",
                $"Kính gửi {report.UnitName},\n\n{cycle.Label} của đơn vị đã quá hạn ngày {due} mà chưa được gửi. Tình trạng hiện tại: {ReportWorkflow.Label(report.Status)}.\n\nĐề nghị đơn vị hoàn thành và gửi báo cáo: {link}");
    }

    private static (string Subject, string Text) Summary(ReportCycle cycle, List<Report> reports, DateOnly today, string link)
    {
        var submitted = reports.Count(r => r.FirstSubmittedAt is not null);
        var missing = reports.Where(r => ReportWorkflow.IsLate(r.Status, r.FirstSubmittedAt, cycle.Due, today))
            .Select(r => r.UnitName).Order(VietnameseText.Comparer).ToList();
        var text = $"{cycle.Label}: hạn nộp {VietnameseText.FormatDate(cycle.Due)} đã qua.\n"
            + $"Đã gửi {submitted}/{reports.Count} báo cáo; đã chấp nhận {reports.Count(r => r.Status == ReportStatus.Accepted)}.\n"
            + (missing.Count == 0 ? "Mọi đơn vị đã gửi.\n" : $"Chưa gửi ({missing.Count}):\n" + string.Join("\n", missing.Take(200).Select(m => "- " + m)) + "\n")
            + $"\nTheo dõi kỳ báo cáo: {link}";
        return ($"[EcomPlan] Tổng hợp {cycle.Label}: {submitted}/{reports.Count} đơn vị đã gửi", text);
    }
}
