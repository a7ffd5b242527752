using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>A task as the form and the API send it; years or the document's own words for the timeframe.</summary>
public sealed record TaskRequest(
    string? Group, string? Number, string? Text, IReadOnlyList<int>? LeadAgencyIds, IReadOnlyList<int>? CoordinatingAgencyIds,
    int? StartYear, int? EndYear, string? Timeframe, int? Revision = null);

/// <summary>
/// Adds, changes and removes a plan's tasks (nhiệm vụ, giải pháp) and their groups. On an issued plan only who leads
/// and who coordinates may change without an amendment (assigning the work, not changing it).
/// </summary>
public static class EditTasks
{
    public static async Task<EditResult> CreateAsync(EcomPlanDbContext db, AccessScope scope, string planId, TaskRequest request, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? formErrors = null)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct);
        if (plan is null) return refusal!;
        var (task, errors) = await ValidateAsync(db, plan, request, ct);
        PlanEditing.AddFormErrors(errors, formErrors);
        if (errors.Count > 0) return EditResult.Invalid(errors);
        var group = await db.TaskGroups.FirstAsync(g => g.PlanId == planId && g.Code == request.Group!.Trim(), ct);
        task!.Group = group;
        task.Order = await db.Tasks.Where(t => t.GroupId == group.Id).Select(t => (int?)t.Order).MaxAsync(ct) + 1 ?? 0;
        db.Tasks.Add(task);
        var result = await PlanEditing.SaveAsync(db, EditResult.Done, ct);
        return result.Ok ? result with { Id = task.Id } : result;
    }

    public static async Task<EditResult> UpdateAsync(EcomPlanDbContext db, AccessScope scope, string planId, int taskId, TaskRequest request, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? formErrors = null)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct, contentChange: false);
        if (plan is null) return refusal!;
        var task = await db.Tasks.Include(t => t.Agencies).Include(t => t.Group).FirstOrDefaultAsync(t => t.Id == taskId && t.PlanId == planId, ct);
        if (task is null) return new EditResult(EditOutcome.NotFound, Message: $"Không có nhiệm vụ {taskId} trong kế hoạch '{planId}'.");
        if (request.Revision is not { } loaded) return EditResult.Invalid("revision", "Thiếu phiên bản của nhiệm vụ (revision) mà biểu mẫu đã tải.");
        var (updated, errors) = await ValidateAsync(db, plan, request, ct);
        PlanEditing.AddFormErrors(errors, formErrors);
        if (errors.Count > 0) return EditResult.Invalid(errors);
        var contentChanged = task.Number != updated!.Number || task.Text != updated.Text || task.StartYear != updated.StartYear
            || task.EndYear != updated.EndYear || task.Timeframe != updated.Timeframe || task.Group!.Code != request.Group!.Trim();
        if (!plan.IsEditable && contentChanged)
            return new EditResult(EditOutcome.Locked, Message:
                "Kế hoạch đã ban hành: chỉ giao lại được cơ quan chủ trì và phối hợp. Nội dung, số thứ tự, thời gian thay đổi qua quyết định sửa đổi, bổ sung.");

        db.Expect(task, loaded);
        if (task.Group!.Code != request.Group!.Trim())
        {
            var group = await db.TaskGroups.FirstAsync(g => g.PlanId == planId && g.Code == request.Group.Trim(), ct);
            task.Group = group;
            task.Order = await db.Tasks.Where(t => t.GroupId == group.Id).Select(t => (int?)t.Order).MaxAsync(ct) + 1 ?? 0;
        }
        (task.Number, task.Text, task.SearchText) = (updated.Number, updated.Text, updated.SearchText);
        (task.StartYear, task.EndYear, task.Timeframe) = (updated.StartYear, updated.EndYear, updated.Timeframe);
        foreach (var role in new[] { AgencyRole.Lead, AgencyRole.Coordinating })
        {
            var wanted = updated.Agencies.Where(a => a.Role == role).Select(a => a.AgencyId).ToList();
            task.Agencies.RemoveAll(a => a.Role == role && !wanted.Contains(a.AgencyId));
            for (var i = 0; i < wanted.Count; i++)
            {
                var row = task.Agencies.FirstOrDefault(a => a.Role == role && a.AgencyId == wanted[i]);
                if (row is null) task.Agencies.Add(new TaskAgency { TaskId = task.Id, AgencyId = wanted[i], Role = role, Order = i });
                else row.Order = i;
            }
        }
        return await PlanEditing.SaveAsync(db, EditResult.Done with { Id = task.Id }, ct);
    }

    public static async Task<EditResult> DeleteAsync(EcomPlanDbContext db, AccessScope scope, string planId, int taskId, int? revision, CancellationToken ct)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct);
        if (plan is null) return refusal!;
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.PlanId == planId, ct);
        if (task is null) return new EditResult(EditOutcome.NotFound, Message: $"Không có nhiệm vụ {taskId} trong kế hoạch '{planId}'.");
        if (revision is not { } loaded) return EditResult.Invalid("revision", "Thiếu phiên bản của nhiệm vụ (revision).");
        if (await db.TaskProgress.AnyAsync(p => p.TaskId == taskId, ct))
            return EditResult.Invalid("task", "Nhiệm vụ đã có báo cáo tiến độ: không xóa được (có thể báo cáo là dừng thực hiện).");
        db.Expect(task, loaded);
        db.Tasks.Remove(task);
        return await PlanEditing.SaveAsync(db, EditResult.Done, ct);
    }

    private static async Task<(PlanTask? Task, Dictionary<string, string[]> Errors)> ValidateAsync(EcomPlanDbContext db, Plan plan, TaskRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var group = PlanEditing.Text(errors, "group", "nhóm nhiệm vụ", r.Group, 32);
        if (group is not null && !await db.TaskGroups.AnyAsync(g => g.PlanId == plan.Id && g.Code == group, ct))
            errors["group"] = [$"Kế hoạch không có nhóm nhiệm vụ '{group}'."];
        var number = PlanEditing.Text(errors, "number", "số thứ tự", r.Number, 16, required: false);
        var text = PlanEditing.Text(errors, "text", "nội dung nhiệm vụ", r.Text, 4000);
        if (text is not null && text.Trim('.', '…', ' ').Length == 0) errors["text"] = ["Nội dung chỉ là dấu chấm lửng (dòng giữ chỗ), không phải một nhiệm vụ."];
        var timeframe = PlanEditing.Text(errors, "timeframe", "thời gian thực hiện", r.Timeframe, 100, required: false);
        foreach (var (field, year) in new[] { ("startYear", r.StartYear), ("endYear", r.EndYear) })
            if (year is { } y && (y < plan.PeriodStart - 1 || y > plan.PeriodEnd + 5))
                errors[field] = [$"Năm {y} nằm ngoài kỳ kế hoạch {plan.PeriodStart}–{plan.PeriodEnd}."];
        if (r.StartYear > r.EndYear) errors["endYear"] = [$"Năm kết thúc {r.EndYear} trước năm bắt đầu {r.StartYear}."];
        var lead = (r.LeadAgencyIds ?? []).Distinct().ToList();
        var coordinating = (r.CoordinatingAgencyIds ?? []).Distinct().Except(lead).ToList();
        if (lead.Count > 10 || coordinating.Count > 40) errors["leadAgencyIds"] = ["Quá nhiều cơ quan cho một nhiệm vụ (tối đa 10 chủ trì, 40 phối hợp)."];
        var ids = lead.Concat(coordinating).ToList();
        var found = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.ProvinceCode, a.Name }).ToListAsync(ct);
        if (ids.Except(found.Select(a => a.Id)).FirstOrDefault() is var unknown and not 0)
            errors[lead.Contains(unknown) ? "leadAgencyIds" : "coordinatingAgencyIds"] = [$"Không có cơ quan mã {unknown}."];
        else if (found.FirstOrDefault(a => a.ProvinceCode is not null && a.ProvinceCode != plan.ProvinceCode) is { } foreign)
            errors[lead.Contains(foreign.Id) ? "leadAgencyIds" : "coordinatingAgencyIds"] = [$"Cơ quan '{foreign.Name}' không thuộc tỉnh của kế hoạch."];
        if (errors.Count > 0) return (null, errors);
        var task = new PlanTask
        {
            PlanId = plan.Id, Number = number, Text = text!, SearchText = VietnameseText.Fold(text), StartYear = r.StartYear, EndYear = r.EndYear,
            Timeframe = timeframe, Source = "", Line = 0,
        };
        task.Agencies.AddRange(lead.Select((id, i) => new TaskAgency { AgencyId = id, Role = AgencyRole.Lead, Order = i }));
        task.Agencies.AddRange(coordinating.Select((id, i) => new TaskAgency { AgencyId = id, Role = AgencyRole.Coordinating, Order = i }));
        return (task, errors);
    }
}
