using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>Which groups of a plan: of targets (nhóm chỉ tiêu) or of tasks (nhóm nhiệm vụ).</summary>
public enum GroupKind { Target, Task }

/// <summary>Add a group, rename it (with the revision the form was loaded at), remove it once it is empty.</summary>
public static class EditGroups
{
    private sealed record Words(string Noun, string Members);

    private static Words For(GroupKind kind) => kind == GroupKind.Target ? new("Nhóm chỉ tiêu", "chỉ tiêu") : new("Nhóm nhiệm vụ", "nhiệm vụ");

    public static Task<EditResult> CreateAsync(EcomPlanDbContext db, AccessScope scope, string planId, GroupKind kind, GroupRequest request, CancellationToken ct) =>
        kind == GroupKind.Target
            ? CreateAsync(db, scope, planId, request, For(kind), (code, title, order) => new TargetGroup { PlanId = planId, Code = code, Title = title, Order = order }, ct)
            : CreateAsync(db, scope, planId, request, For(kind), (code, title, order) => new TaskGroup { PlanId = planId, Code = code, Title = title, Order = order }, ct);

    public static Task<EditResult> UpdateAsync(EcomPlanDbContext db, AccessScope scope, string planId, GroupKind kind, string code, GroupRequest request, CancellationToken ct) =>
        kind == GroupKind.Target
            ? UpdateAsync<TargetGroup>(db, scope, planId, code, request, For(kind), ct)
            : UpdateAsync<TaskGroup>(db, scope, planId, code, request, For(kind), ct);

    public static Task<EditResult> DeleteAsync(EcomPlanDbContext db, AccessScope scope, string planId, GroupKind kind, string code, CancellationToken ct) =>
        kind == GroupKind.Target
            ? DeleteAsync<TargetGroup>(db, scope, planId, code, For(kind), id => db.Targets.AnyAsync(t => t.GroupId == id, ct), ct)
            : DeleteAsync<TaskGroup>(db, scope, planId, code, For(kind), id => db.Tasks.AnyAsync(t => t.GroupId == id, ct), ct);

    private static async Task<EditResult> CreateAsync<TGroup>(EcomPlanDbContext db, AccessScope scope, string planId, GroupRequest request, Words words,
        Func<string, string, int, TGroup> make, CancellationToken ct) where TGroup : class, IPlanGroup
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct);
        if (plan is null) return refusal!;
        var groups = db.Set<TGroup>();
        var errors = new Dictionary<string, string[]>();
        var code = PlanEditing.Text(errors, "code", "số hiệu nhóm", request.Code, 32);
        var title = PlanEditing.Text(errors, "title", "tên nhóm", request.Title, 500);
        if (code is not null && await groups.AnyAsync(g => g.PlanId == planId && g.Code == code, ct)) errors["code"] = [$"{words.Noun} '{code}' đã có."];
        if (errors.Count > 0) return EditResult.Invalid(errors);
        var order = await groups.Where(g => g.PlanId == planId).Select(g => (int?)g.Order).MaxAsync(ct) + 1 ?? 0;
        var group = make(code!, title!, order);
        groups.Add(group);
        var result = await PlanEditing.SaveAsync(db, EditResult.Done, ct);
        return result.Ok ? result with { Id = group.Id } : result;
    }

    private static async Task<EditResult> UpdateAsync<TGroup>(EcomPlanDbContext db, AccessScope scope, string planId, string code, GroupRequest request, Words words,
        CancellationToken ct) where TGroup : class, IPlanGroup
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct);
        if (plan is null) return refusal!;
        var groups = db.Set<TGroup>();
        var group = await groups.FirstOrDefaultAsync(g => g.PlanId == planId && g.Code == code, ct);
        if (group is null) return new EditResult(EditOutcome.NotFound, Message: $"Không có {words.Noun.ToLowerInvariant()} '{code}'.");
        var errors = new Dictionary<string, string[]>();
        var newCode = PlanEditing.Text(errors, "code", "số hiệu nhóm", request.Code ?? code, 32);
        var title = PlanEditing.Text(errors, "title", "tên nhóm", request.Title, 500);
        if (newCode != code && await groups.AnyAsync(g => g.PlanId == planId && g.Code == newCode, ct)) errors["code"] = [$"{words.Noun} '{newCode}' đã có."];
        if (request.Revision is null) errors["revision"] = ["Thiếu phiên bản của nhóm (revision)."];
        if (errors.Count > 0) return EditResult.Invalid(errors);
        db.Expect(group, request.Revision!.Value);
        (group.Code, group.Title) = (newCode!, title!);
        return await PlanEditing.SaveAsync(db, EditResult.Done, ct);
    }

    private static async Task<EditResult> DeleteAsync<TGroup>(EcomPlanDbContext db, AccessScope scope, string planId, string code, Words words,
        Func<int, Task<bool>> hasMembers, CancellationToken ct) where TGroup : class, IPlanGroup
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct);
        if (plan is null) return refusal!;
        var group = await db.Set<TGroup>().FirstOrDefaultAsync(g => g.PlanId == planId && g.Code == code, ct);
        if (group is null) return new EditResult(EditOutcome.NotFound, Message: $"Không có {words.Noun.ToLowerInvariant()} '{code}'.");
        if (await hasMembers(group.Id)) return EditResult.Invalid("code", $"Nhóm '{code}' còn {words.Members}: chuyển hoặc xóa các {words.Members} trước.");
        db.Set<TGroup>().Remove(group);
        return await PlanEditing.SaveAsync(db, EditResult.Done, ct);
    }
}
