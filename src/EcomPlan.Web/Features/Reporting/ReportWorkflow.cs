namespace EcomPlan.Web.Features.Reporting;

/// <summary>What a reporter or reviewer does to a report.</summary>
public enum ReportAction { SaveDraft, Submit, Accept, Return, Reopen }

/// <summary>
/// The report's life, as pure decisions: which step is allowed from which state, when a report counts as on time,
/// and the reporting and on-time rates.
/// </summary>
public static class ReportWorkflow
{
    /// <summary>A report is on time until midnight ending its due day in Vietnam.</summary>
    public static readonly TimeSpan VietnamOffset = Infrastructure.VietnameseText.VietnamOffset;

    /// <summary>The state after <paramref name="action"/>, or the Vietnamese reason it is not allowed.</summary>
    public static (ReportStatus? Next, string? Refusal) Apply(ReportStatus from, ReportAction action) => (from, action) switch
    {
        (ReportStatus.NotStarted or ReportStatus.Draft, ReportAction.SaveDraft) => (ReportStatus.Draft, null),
        // A returned report stays returned while it is corrected, so the reviewer's comment stays in view.
        (ReportStatus.Returned, ReportAction.SaveDraft) => (ReportStatus.Returned, null),
        (ReportStatus.NotStarted or ReportStatus.Draft or ReportStatus.Returned, ReportAction.Submit) => (ReportStatus.Submitted, null),
        (ReportStatus.Submitted, ReportAction.Accept) => (ReportStatus.Accepted, null),
        (ReportStatus.Submitted, ReportAction.Return) => (ReportStatus.Returned, null),
        (ReportStatus.Accepted, ReportAction.Reopen) => (ReportStatus.Returned, null),
        (ReportStatus.Submitted, ReportAction.SaveDraft or ReportAction.Submit) => (null, "Báo cáo đã gửi, đang chờ Sở xem xét: không sửa được nữa."),
        (ReportStatus.Accepted, ReportAction.SaveDraft or ReportAction.Submit) => (null, "Báo cáo đã được chấp nhận và khóa; cần Sở mở lại trước khi sửa."),
        (_, ReportAction.Accept or ReportAction.Return) => (null, "Chỉ xem xét được báo cáo đã gửi."),
        (_, ReportAction.Reopen) => (null, "Chỉ mở lại được báo cáo đã chấp nhận."),
        _ => (null, "Thao tác không hợp lệ."),
    };

    /// <summary>Returning or reopening needs a reason the reporter can act on.</summary>
    public static bool NeedsComment(ReportAction action) => action is ReportAction.Return or ReportAction.Reopen;

    /// <summary>Whether a first submission at <paramref name="submittedAt"/> met the due date (inclusive, Vietnam time).</summary>
    public static bool OnTime(DateTimeOffset submittedAt, DateOnly due) =>
        DateOnly.FromDateTime(submittedAt.ToOffset(VietnamOffset).DateTime) <= due;

    /// <summary>The day it is in Vietnam at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(VietnamOffset).DateTime);

    /// <summary>Whether the report has been sent at least once (submitted, accepted, or returned after sending).</summary>
    public static bool HasSubmitted(ReportStatus status, DateTimeOffset? firstSubmittedAt) =>
        status is ReportStatus.Submitted or ReportStatus.Accepted || firstSubmittedAt is not null;

    /// <summary>Late: past due and never submitted.</summary>
    public static bool IsLate(ReportStatus status, DateTimeOffset? firstSubmittedAt, DateOnly due, DateOnly today) =>
        today > due && !HasSubmitted(status, firstSubmittedAt);

    /// <summary>
    /// Reporting rate (share of expected reports submitted) and on-time rate (share submitted by the due date) of a
    /// set of reports, in percent; null when nothing was expected.
    /// </summary>
    public static (decimal? Reporting, decimal? OnTime) Rates(IReadOnlyCollection<(DateOnly Due, DateTimeOffset? FirstSubmittedAt)> reports)
    {
        if (reports.Count == 0) return (null, null);
        var submitted = reports.Count(r => r.FirstSubmittedAt is not null);
        var onTime = reports.Count(r => r.FirstSubmittedAt is { } at && OnTime(at, r.Due));
        return (Math.Round(100m * submitted / reports.Count, 1), Math.Round(100m * onTime / reports.Count, 1));
    }

    public static string Label(ReportStatus status) => status switch
    {
        ReportStatus.NotStarted => "Chưa bắt đầu",
        ReportStatus.Draft => "Đang soạn",
        ReportStatus.Submitted => "Đã gửi, chờ xem xét",
        ReportStatus.Returned => "Bị trả lại",
        ReportStatus.Accepted => "Đã chấp nhận",
        _ => status.ToString(),
    };

    public static string Label(TaskState state) => state switch
    {
        TaskState.NotStarted => "Chưa triển khai",
        TaskState.InProgress => "Đang thực hiện",
        TaskState.Done => "Hoàn thành",
        TaskState.Late => "Chậm tiến độ",
        TaskState.Stopped => "Dừng thực hiện",
        _ => state.ToString(),
    };

    public static string Label(ReportKind kind) => kind switch
    {
        ReportKind.SixMonthly => "6 tháng",
        ReportKind.Yearly => "Năm",
        ReportKind.AdHoc => "Đột xuất",
        _ => kind.ToString(),
    };
}
