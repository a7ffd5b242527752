using System.Text.Json;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>One task's line of the report as the reporter fills it.</summary>
public sealed record TaskProgressEdit(int TaskId, TaskState State, int Percent, string? Results, string? Difficulties);

/// <summary>The report form: the revision it was loaded at, the texts, one line per task the unit leads.</summary>
public sealed record ReportEdit(int Revision, string? Summary, string? Difficulties, string? Proposals, IReadOnlyList<TaskProgressEdit> Tasks);

/// <summary>A report as submitted, kept as the version's content.</summary>
public sealed record ReportSnapshot(string? Summary, string? Difficulties, string? Proposals, IReadOnlyList<TaskSnapshot> Tasks, IReadOnlyList<string> Attachments);

public sealed record TaskSnapshot(int TaskId, string? Number, string Text, TaskState State, int Percent, string? Results, string? Difficulties);

public enum ReportOutcome { Done, NotFound, Invalid, Conflict }

/// <summary>
/// A reporter saves a draft of their unit's report, or submits it (which keeps a version). Only the unit's own
/// reporters may, and only while the report is not submitted or accepted.
/// </summary>
public static class EditReport
{
    public const int MaxText = 8000;

    /// <summary>
    /// Every problem of the form at once, in Vietnamese, keyed by field ("summary", "tasks[3].percent"); each message about
    /// a task names it (<see cref="ReportForm.TaskName"/>). <paramref name="submitting"/> asks for the summary too.
    /// </summary>
    public static Dictionary<string, string> Validate(ReportEdit edit, IReadOnlyDictionary<int, string> taskNames, bool submitting)
    {
        var errors = new Dictionary<string, string>();
        if (submitting && string.IsNullOrWhiteSpace(edit.Summary)) errors["summary"] = "Nhập kết quả thực hiện chung trước khi gửi báo cáo.";
        if ((edit.Summary?.Length ?? 0) > MaxText) errors["summary"] = $"Kết quả chung dài quá {MaxText} ký tự.";
        if ((edit.Difficulties?.Length ?? 0) > MaxText) errors["difficulties"] = $"Phần khó khăn, vướng mắc dài quá {MaxText} ký tự.";
        if ((edit.Proposals?.Length ?? 0) > MaxText) errors["proposals"] = $"Phần kiến nghị dài quá {MaxText} ký tự.";
        var seen = new HashSet<int>();
        for (var k = 0; k < edit.Tasks.Count; k++)
        {
            var t = edit.Tasks[k];
            if (!taskNames.TryGetValue(t.TaskId, out var name)) { errors[ReportForm.Key(k, "taskId")] = $"Dòng {k + 1}: nhiệm vụ {t.TaskId} không thuộc báo cáo này."; continue; }
            if (!seen.Add(t.TaskId)) { errors[ReportForm.Key(k, "taskId")] = $"{name}: có hai dòng trong báo cáo."; continue; }
            if (!Enum.IsDefined(t.State)) errors[ReportForm.Key(k, "state")] = $"{name}: tình trạng nhiệm vụ không hợp lệ.";
            else if (t.Percent is < 0 or > 100) errors[ReportForm.Key(k, "percent")] = $"{name}: tỷ lệ hoàn thành {t.Percent}% phải từ 0 đến 100.";
            else if (t.State == TaskState.Done && t.Percent != 100) errors[ReportForm.Key(k, "percent")] = $"{name}: đã hoàn thành thì tỷ lệ hoàn thành là 100% (đang ghi {t.Percent}%).";
            else if (t.State == TaskState.NotStarted && t.Percent != 0) errors[ReportForm.Key(k, "percent")] = $"{name}: chưa triển khai thì tỷ lệ hoàn thành là 0% (đang ghi {t.Percent}%).";
            if ((t.Results?.Length ?? 0) > 4000) errors[ReportForm.Key(k, "results")] = $"{name}: phần kết quả dài quá 4000 ký tự.";
            if ((t.Difficulties?.Length ?? 0) > 4000) errors[ReportForm.Key(k, "difficulties")] = $"{name}: phần khó khăn dài quá 4000 ký tự.";
        }
        return errors;
    }

    /// <summary>The names of a report's tasks as messages give them, by task id.</summary>
    public static async Task<Dictionary<int, string>> TaskNamesAsync(EcomPlanDbContext db, IReadOnlyCollection<int> taskIds, CancellationToken ct) =>
        (await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).Select(t => new { t.Id, Group = t.Group!.Code, t.Number, t.Text }).ToListAsync(ct))
            .ToDictionary(t => t.Id, t => ReportForm.TaskName(t.Group, t.Number, t.Text));

    public static async Task<(ReportOutcome Outcome, Dictionary<string, string> Errors)> HandleAsync(
        EcomPlanDbContext db, AccessScope scope, int reportId, ReportEdit edit, bool submit, string actor, TimeProvider clock, CancellationToken ct)
    {
        var report = await db.Reports.Include(r => r.Tasks).Include(r => r.Cycle).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !scope.CanWriteReport(report.AgencyId, report.CommuneCode))
            return (ReportOutcome.NotFound, new() { ["report"] = $"Không có báo cáo {reportId} của đơn vị bạn." });
        if (report.Revision != edit.Revision)
            return (ReportOutcome.Conflict, new() { ["report"] = "Báo cáo đã được thay đổi ở nơi khác sau khi bạn mở. Hãy tải lại trang, kiểm tra rồi lưu lại." });
        var (next, refusal) = ReportWorkflow.Apply(report.Status, submit ? ReportAction.Submit : ReportAction.SaveDraft);
        if (next is null) return (ReportOutcome.Invalid, new() { ["status"] = refusal! });
        var errors = Validate(edit, await TaskNamesAsync(db, report.Tasks.Select(t => t.TaskId).ToList(), ct), submit);
        if (errors.Count > 0) return (ReportOutcome.Invalid, errors);

        var now = clock.GetUtcNow();
        report.Summary = Clean(edit.Summary);
        report.Difficulties = Clean(edit.Difficulties);
        report.Proposals = Clean(edit.Proposals);
        foreach (var t in edit.Tasks)
        {
            var line = report.Tasks.Single(x => x.TaskId == t.TaskId);
            (line.State, line.Percent, line.Results, line.Difficulties) = (t.State, t.Percent, Clean(t.Results), Clean(t.Difficulties));
        }
        report.Status = next.Value;
        report.UpdatedAt = now;
        report.Revision++;
        if (submit)
        {
            report.FirstSubmittedAt ??= now;
            report.SubmittedAt = now;
            report.ReviewComment = null;
            var number = await db.ReportVersions.CountAsync(v => v.ReportId == report.Id, ct) + 1;
            db.ReportVersions.Add(new ReportVersion
            {
                ReportId = report.Id, Number = number, SubmittedAt = now, SubmittedBy = actor,
                Content = JsonSerializer.Serialize(await SnapshotAsync(db, report, ct)),
            });
        }
        db.AuditProvinceCode = report.ProvinceCode;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ReportOutcome.Conflict, new() { ["report"] = "Báo cáo vừa được thay đổi ở nơi khác. Hãy tải lại trang rồi lưu lại." });
        }
        return (ReportOutcome.Done, []);
    }

    private static async Task<ReportSnapshot> SnapshotAsync(EcomPlanDbContext db, Report report, CancellationToken ct)
    {
        var ids = report.Tasks.Select(t => t.TaskId).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => new { t.Number, t.Text }, ct);
        var files = await db.ReportAttachments.AsNoTracking().Where(a => a.ReportId == report.Id).OrderBy(a => a.Id)
            .Select(a => a.FileName + " (" + a.Sha256 + ")").ToListAsync(ct);
        return new ReportSnapshot(report.Summary, report.Difficulties, report.Proposals,
            report.Tasks.OrderBy(t => t.TaskId).Select(t => new TaskSnapshot(t.TaskId, tasks[t.TaskId].Number, tasks[t.TaskId].Text, t.State, t.Percent, t.Results, t.Difficulties)).ToList(),
            files);
    }

    /// <summary>Blank text is no text; line ends as typed in any browser become "\n".</summary>
    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n");
}
