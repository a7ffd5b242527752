using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// Changes a plan's own fields (PATCH: only the fields sent) and its viewpoints and general objectives. Publishing
/// (public or not) and the note may change at any time; the rest is the plan's content, changed on a draft or through
/// an amendment. Setting the status to approved issues the plan (a version is frozen).
/// </summary>
public static class UpdatePlan
{
    public sealed record Request(
        int? Revision = null, string? Title = null, int? PeriodStart = null, int? PeriodEnd = null, string? DocumentNumber = null,
        DateOnly? DocumentDate = null, string? IssuingBody = null, PlanSourceKind? SourceKind = null, string? SourceNote = null, string? Note = null,
        string? NationalPlanId = null, PlanStatus? Status = null, bool? IsPublic = null);

    public static async Task<EditResult> HandleAsync(EcomPlanDbContext db, AccessScope scope, string planId, Request r, string actor, TimeProvider clock, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? formErrors = null)
    {
        var content = r.Title is not null || r.PeriodStart is not null || r.PeriodEnd is not null || r.DocumentNumber is not null || r.DocumentDate is not null
            || r.IssuingBody is not null || r.SourceKind is not null || r.SourceNote is not null || r.NationalPlanId is not null;
        if (!content && r.Status is null && r.IsPublic is null && r.Note is null)
            return EditResult.Invalid("$", "Không có thay đổi nào.");
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct, contentChange: content);
        if (plan is null) return refusal!;
        if (r.Status == PlanStatus.Draft && plan.Status == PlanStatus.Approved)
            return new EditResult(EditOutcome.Locked, Message: "Kế hoạch đã ban hành không trở lại dự thảo: thay đổi qua quyết định sửa đổi, bổ sung.");

        var errors = new Dictionary<string, string[]>();
        if (content)
        {
            if (r.Revision is null) errors["revision"] = ["Thiếu phiên bản của kế hoạch (revision) mà biểu mẫu đã tải."];
            if (r.Title is not null) plan.Title = PlanEditing.Text(errors, "title", "tên kế hoạch", r.Title, 500) ?? plan.Title;
            if (r.IssuingBody is not null) plan.IssuingBody = PlanEditing.Text(errors, "issuingBody", "cơ quan ban hành", r.IssuingBody, 200) ?? plan.IssuingBody;
            if (r.DocumentNumber is not null) plan.DocumentNumber = PlanEditing.Text(errors, "documentNumber", "số văn bản", r.DocumentNumber, 64, required: false);
            if (r.DocumentDate is not null) plan.DocumentDate = r.DocumentDate;
            if (r.SourceKind is { } kind) plan.SourceKind = kind;
            if (r.SourceNote is not null) plan.SourceNote = PlanEditing.Text(errors, "sourceNote", "ghi chú nguồn", r.SourceNote, 500, required: false);
            if (plan.SourceKind == PlanSourceKind.Provisional && plan.SourceNote is null) errors["sourceNote"] = ["Nguồn tạm: ghi rõ là nguồn gì."];
            var start = r.PeriodStart ?? plan.PeriodStart;
            var end = r.PeriodEnd ?? plan.PeriodEnd;
            if (start is < 2000 or > 2100 || end < start || end - start > 10) errors["periodEnd"] = ["Giai đoạn không hợp lệ: năm từ 2000 đến 2100, tối đa 10 năm."];
            else if (await OutsidePeriodAsync(db, planId, start, end, ct) is { } outside) errors["periodEnd"] = [outside];
            (plan.PeriodStart, plan.PeriodEnd) = (start, end);
            if (r.NationalPlanId is { Length: > 0 } national && plan.Level == PlanLevel.Provincial)
            {
                if (!await db.Plans.AnyAsync(p => p.Id == national && p.Level == PlanLevel.National, ct)) errors["nationalPlanId"] = [$"Không có kế hoạch quốc gia '{national}'."];
                else plan.NationalPlanId = national;
            }
        }
        if (r.Note is not null) plan.Note = PlanEditing.Text(errors, "note", "ghi chú", r.Note, 2000, required: false);
        if (r.IsPublic is { } isPublic) plan.IsPublic = isPublic;
        PlanEditing.AddFormErrors(errors, formErrors);
        if (errors.Count > 0) return EditResult.Invalid(errors);
        if (r.Revision is { } loaded) db.Expect(plan, loaded);
        else plan.Revision++;
        var saved = await PlanEditing.SaveAsync(db, EditResult.Done, ct);
        if (!saved.Ok || r.Status != PlanStatus.Approved || plan.Status == PlanStatus.Approved) return saved;
        return await PlanVersions.IssueAsync(db, scope, planId, new PlanVersions.IssueRequest(), actor, clock, ct);
    }

    /// <summary>A shorter period must still hold every target's deadline and task's years.</summary>
    private static async Task<string?> OutsidePeriodAsync(EcomPlanDbContext db, string planId, int start, int end, CancellationToken ct)
    {
        var target = await db.Targets.Where(t => t.PlanId == planId && (t.DeadlineYear < start || t.DeadlineYear > end + 5)).Select(t => t.Key).FirstOrDefaultAsync(ct);
        if (target is not null) return $"Thời hạn của chỉ tiêu {target} nằm ngoài giai đoạn mới.";
        var task = await db.Tasks.Where(t => t.PlanId == planId && (t.StartYear < start - 1 || t.EndYear > end + 5)).Select(t => t.Text).FirstOrDefaultAsync(ct);
        return task is null ? null : $"Thời gian của nhiệm vụ “{(task.Length > 50 ? task[..50] + "…" : task)}” nằm ngoài giai đoạn mới.";
    }

    public sealed record StatementsRequest(int? Revision, IReadOnlyList<string>? Viewpoints, IReadOnlyList<string>? Objectives);

    /// <summary>Replaces the viewpoints and general objectives; a statement kept word for word keeps its line in the document.</summary>
    public static async Task<EditResult> SetStatementsAsync(EcomPlanDbContext db, AccessScope scope, string planId, StatementsRequest r, CancellationToken ct)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct);
        if (plan is null) return refusal!;
        var errors = new Dictionary<string, string[]>();
        if (r.Revision is null) errors["revision"] = ["Thiếu phiên bản của kế hoạch (revision)."];
        foreach (var (field, items) in new[] { ("viewpoints", r.Viewpoints), ("objectives", r.Objectives) })
        {
            if ((items ?? []).Count > 50) errors[field] = ["Tối đa 50 mục."];
            if ((items ?? []).Select((t, i) => (t, i)).FirstOrDefault(x => x.t.Length > 4000) is { t: not null } tooLong)
                errors[$"{field}[{tooLong.i}]"] = ["Mỗi mục tối đa 4.000 ký tự."];
        }
        if (errors.Count > 0) return EditResult.Invalid(errors);
        var old = await db.PlanStatements.Where(s => s.PlanId == planId).ToListAsync(ct);
        db.PlanStatements.RemoveRange(old);
        var order = 0;
        foreach (var (kind, items) in new[] { (StatementKind.Viewpoint, r.Viewpoints), (StatementKind.GeneralObjective, r.Objectives) })
            foreach (var text in (items ?? []).Select(t => t.Trim()).Where(t => t.Length > 0))
                db.PlanStatements.Add(new PlanStatement
                {
                    PlanId = planId, Kind = kind, Order = order++, Text = text, Line = old.FirstOrDefault(s => s.Kind == kind && s.Text == text)?.Line ?? 0,
                });
        db.Expect(plan, r.Revision!.Value);
        return await PlanEditing.SaveAsync(db, EditResult.Done, ct);
    }
}
