using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
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
    public static async Task<(ReportOutcome Outcome, string? Error)> HandleAsync(
        EcomPlanDbContext db, AccessScope scope, int reportId, ReviewRequest request, string actor, TimeProvider clock, CancellationToken ct)
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
        return (ReportOutcome.Done, null);
    }
}
