using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>A reviewer's decision on a submitted report, or the reopening of an accepted one.</summary>
public sealed record ReviewRequest(ReportAction Action, string? Comment);

/// <summary>
/// The Department accepts a submitted report (it is then locked) or returns it with a comment the reporter sees; an
/// accepted report is reopened only explicitly, with a reason. Each decision is recorded on the version and audited.
/// </summary>
public static class ReviewReport
{
    /// <summary>
    /// The decision, checked (scope, role, state, reason) and saved. With <c>write</c> false it checks everything and
    /// writes nothing: the page's first step, before the reviewer confirms what cannot be undone.
    /// </summary>
    public static async Task<(ReportOutcome Outcome, string? Error)> HandleAsync(
        EcomPlanDbContext db, AccessScope scope, int reportId, ReviewRequest request, string actor, TimeProvider clock, CancellationToken ct, bool write = true)
    {
        var report = await db.Reports.Include(r => r.Cycle).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        var level = report is null ? default : await db.Plans.Where(p => p.Id == report.Cycle!.PlanId).Select(p => p.Level).FirstAsync(ct);
        if (report is null || !scope.CanReadReport(level, report.ProvinceCode, report.AgencyId, report.CommuneCode))
            return (ReportOutcome.NotFound, $"Không có báo cáo {reportId}.");
        if (!scope.CanRunReporting(level, report.ProvinceCode))
            return (ReportOutcome.NotFound, "Chỉ Sở Công Thương (cơ quan chủ trì kế hoạch) được xem xét báo cáo.");
        if (request.Action is not (ReportAction.Accept or ReportAction.Return or ReportAction.Reopen))
            return (ReportOutcome.Invalid, "Thao tác xem xét không hợp lệ.");
        var (next, refusal) = ReportWorkflow.Apply(report.Status, request.Action);
        if (next is null) return (ReportOutcome.Invalid, refusal);
        var comment = request.Comment?.Trim();
        if (ReportWorkflow.NeedsComment(request.Action) && string.IsNullOrEmpty(comment))
            return (ReportOutcome.Invalid, request.Action == ReportAction.Return
                ? "Ghi rõ lý do trả lại để đơn vị biết cần sửa gì."
                : "Ghi rõ lý do mở lại báo cáo đã chấp nhận.");
        if (comment?.Length > 2000) return (ReportOutcome.Invalid, "Nhận xét dài quá 2000 ký tự.");
        if (!write) return (ReportOutcome.Done, null);

        var now = clock.GetUtcNow();
        report.Status = next.Value;
        report.ReviewComment = string.IsNullOrEmpty(comment) ? null : comment;
        report.AcceptedAt = next == ReportStatus.Accepted ? now : null;
        report.UpdatedAt = now;
        report.Revision++;
        if (request.Action != ReportAction.Reopen)
        {
            var version = await db.ReportVersions.Where(v => v.ReportId == report.Id).OrderByDescending(v => v.Number).FirstAsync(ct);
            (version.Outcome, version.ReviewComment, version.ReviewedAt, version.ReviewedBy) = (next, report.ReviewComment, now, actor);
        }
        db.AuditProvinceCode = report.ProvinceCode;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ReportOutcome.Conflict, "Báo cáo vừa được thay đổi ở nơi khác. Hãy tải lại trang.");
        }
        if (next == ReportStatus.Accepted) await NotifyAcceptedAsync(db, report, now, ct);
        return (ReportOutcome.Done, null);
    }

    /// <summary>An accepted report is told to its unit's reporters in the platform (no e-mail is sent for it).</summary>
    private static async Task NotifyAcceptedAsync(EcomPlanDbContext db, Report report, DateTimeOffset now, CancellationToken ct)
    {
        var users = await db.RoleAssignments.AsNoTracking()
            .Where(r => (r.Role == UserRole.AgencyReporter && report.AgencyId != null && r.AgencyId == report.AgencyId)
                || (r.Role == UserRole.CommuneReporter && report.CommuneCode != null && r.CommuneCode == report.CommuneCode))
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
        await Notifications.NotificationQueries.NotifyAsync(db, users,
            new Notifications.Notice($"{report.Cycle!.Label} của {report.UnitName} đã được chấp nhận.", $"/reporting/reports/{report.Id}"), now, ct);
    }

    /// <summary>
    /// Tells the unit's reporters by e-mail that their report came back, with the reason. Best effort: the decision is
    /// saved whatever happens to the mail, and the reason is on the report page anyway.
    /// </summary>
    public static async Task NotifyReturnedAsync(EcomPlanDbContext db, EmailSender email, int reportId, string baseUrl, ILogger logger, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Cycle).FirstAsync(r => r.Id == reportId, ct);
        if (report.Status != ReportStatus.Returned) return;
        var recipients = await SendReminders.ReportersAsync(db, report, ct);
        var link = $"{baseUrl.TrimEnd('/')}/reporting/reports/{report.Id}";
        var text = $"Kính gửi {report.UnitName},\n\nSở Công Thương đã trả lại {report.Cycle!.Label} của đơn vị để bổ sung, chỉnh sửa.\n"
            + $"Lý do: {report.ReviewComment}\n\nSửa và gửi lại: {link}";
        foreach (var (address, name) in recipients)
        {
            try
            {
                var notice = new Notifications.Notice($"{report.Cycle.Label} của {report.UnitName} bị trả lại để sửa. Lý do: {report.ReviewComment}",
                    $"/reporting/reports/{report.Id}");
                await email.SendAsync(address, name, $"[EcomPlan] {report.Cycle.Label}: báo cáo bị trả lại", "<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>") + "</p>", text, notice, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Không gửi được thư báo trả lại báo cáo {Report} tới {Email}", reportId, address);
            }
        }
    }
}
