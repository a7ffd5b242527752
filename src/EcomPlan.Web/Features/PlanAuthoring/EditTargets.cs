using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>A target as the form and the API send it; <see cref="Revision"/> is the one the form was loaded at.</summary>
public sealed record TargetRequest(
    string? Group, string? Key, string? Text, string? Indicator, TargetKind? Kind, decimal? Value, decimal? Min, decimal? Max,
    bool Exclusive, decimal? Tolerance, string? Unit, string? Of, int? DeadlineYear, IReadOnlyList<int>? MonitoringAgencyIds, int? Revision = null);

public sealed record GroupRequest(string? Code, string? Title, int? Revision = null);

/// <summary>
/// Adds, changes and removes a plan's targets (chỉ tiêu) and their groups. Every problem is named by its field;
/// nothing is written unless all is right. On an issued plan only the indicator and the monitoring agencies may change
/// without an amendment: they say how the target is followed, not what the plan requires.
/// </summary>
public static class EditTargets
{
    public static async Task<EditResult> CreateAsync(EcomPlanDbContext db, AccessScope scope, string planId, TargetRequest request, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? formErrors = null)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct);
        if (plan is null) return refusal!;
        var (target, errors) = await ValidateAsync(db, plan, request, existing: null, ct);
        PlanEditing.AddFormErrors(errors, formErrors);
        if (errors.Count > 0) return EditResult.Invalid(errors);
        var group = await db.TargetGroups.FirstAsync(g => g.PlanId == planId && g.Code == request.Group!.Trim(), ct);
        target!.Group = group;
        target.Order = await db.Targets.Where(t => t.GroupId == group.Id).Select(t => (int?)t.Order).MaxAsync(ct) + 1 ?? 0;
        db.Targets.Add(target);
        var result = await PlanEditing.SaveAsync(db, EditResult.Done, ct);
        return result.Ok ? result with { Id = target.Id } : result;
    }

    public static async Task<EditResult> UpdateAsync(EcomPlanDbContext db, AccessScope scope, string planId, int targetId, TargetRequest request, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? formErrors = null)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct, contentChange: false);
        if (plan is null) return refusal!;
        var existing = await db.Targets.Include(t => t.Monitors).Include(t => t.Group).FirstOrDefaultAsync(t => t.Id == targetId && t.PlanId == planId, ct);
        if (existing is null) return new EditResult(EditOutcome.NotFound, Message: $"Không có chỉ tiêu {targetId} trong kế hoạch '{planId}'.");
        if (request.Revision is not { } loaded) return EditResult.Invalid("revision", "Thiếu phiên bản của chỉ tiêu (revision) mà biểu mẫu đã tải.");
        var (updated, errors) = await ValidateAsync(db, plan, request, existing, ct);
        PlanEditing.AddFormErrors(errors, formErrors);
        if (errors.Count > 0) return EditResult.Invalid(errors);
        if (!plan.IsEditable && ChangesRequirement(existing, updated!, request.Group))
            return new EditResult(EditOutcome.Locked, Message:
                "Kế hoạch đã ban hành: chỉ đổi được chỉ số và đơn vị theo dõi. Nội dung, loại, giá trị, thời hạn thay đổi qua quyết định sửa đổi, bổ sung.");

        db.Expect(existing, loaded);
        if (existing.Group!.Code != request.Group!.Trim())
        {
            var group = await db.TargetGroups.FirstAsync(g => g.PlanId == planId && g.Code == request.Group.Trim(), ct);
            existing.Group = group;
            existing.Order = await db.Targets.Where(t => t.GroupId == group.Id).Select(t => (int?)t.Order).MaxAsync(ct) + 1 ?? 0;
        }
        (existing.Key, existing.Text, existing.SearchText, existing.Indicator) = (updated!.Key, updated.Text, updated.SearchText, updated.Indicator);
        (existing.Kind, existing.Value, existing.Min, existing.Max, existing.Exclusive, existing.Tolerance) =
            (updated.Kind, updated.Value, updated.Min, updated.Max, updated.Exclusive, updated.Tolerance);
        (existing.Unit, existing.Of, existing.DeadlineYear) = (updated.Unit, updated.Of, updated.DeadlineYear);
        var wanted = updated.Monitors.Select(m => m.AgencyId).ToList();
        existing.Monitors.RemoveAll(m => !wanted.Contains(m.AgencyId));
        for (var i = 0; i < wanted.Count; i++)
        {
            var row = existing.Monitors.FirstOrDefault(m => m.AgencyId == wanted[i]);
            if (row is null) existing.Monitors.Add(new TargetMonitor { AgencyId = wanted[i], Order = i });
            else row.Order = i;
        }
        return await PlanEditing.SaveAsync(db, EditResult.Done with { Id = existing.Id }, ct);
    }

    private static bool ChangesRequirement(Target a, Target b, string? group) =>
        a.Key != b.Key || a.Text != b.Text || a.Kind != b.Kind || a.Value != b.Value || a.Min != b.Min || a.Max != b.Max || a.Exclusive != b.Exclusive
        || a.Tolerance != b.Tolerance || a.Unit != b.Unit || a.Of != b.Of || a.DeadlineYear != b.DeadlineYear || a.Group!.Code != group?.Trim();

    public static async Task<EditResult> DeleteAsync(EcomPlanDbContext db, AccessScope scope, string planId, int targetId, int? revision, CancellationToken ct)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct);
        if (plan is null) return refusal!;
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == targetId && t.PlanId == planId, ct);
        if (target is null) return new EditResult(EditOutcome.NotFound, Message: $"Không có chỉ tiêu {targetId} trong kế hoạch '{planId}'.");
        if (revision is not { } loaded) return EditResult.Invalid("revision", "Thiếu phiên bản của chỉ tiêu (revision).");
        if (await db.QualitativeAssessments.AnyAsync(a => a.TargetId == targetId, ct))
            return EditResult.Invalid("target", $"Chỉ tiêu {target.Key} đã có đánh giá tình trạng: không xóa được.");
        db.Expect(target, loaded);
        db.Targets.Remove(target);
        return await PlanEditing.SaveAsync(db, EditResult.Done, ct);
    }

    /// <summary>The target the request describes, or every problem of it.</summary>
    private static async Task<(Target? Target, Dictionary<string, string[]> Errors)> ValidateAsync(EcomPlanDbContext db, Plan plan, TargetRequest r,
        Target? existing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var group = PlanEditing.Text(errors, "group", "nhóm chỉ tiêu", r.Group, 32);
        if (group is not null && !await db.TargetGroups.AnyAsync(g => g.PlanId == plan.Id && g.Code == group, ct))
            errors["group"] = [$"Kế hoạch không có nhóm chỉ tiêu '{group}'."];
        var key = PlanEditing.Text(errors, "key", "mã chỉ tiêu", r.Key, 32);
        if (key is not null && await db.Targets.AnyAsync(t => t.PlanId == plan.Id && t.Key == key && t.Id != (existing == null ? 0 : existing.Id), ct))
            errors["key"] = [$"Mã chỉ tiêu '{key}' đã có trong kế hoạch."];
        var text = PlanEditing.Text(errors, "text", "nội dung chỉ tiêu", r.Text, 2000);
        var unit = PlanEditing.Text(errors, "unit", "đơn vị", r.Unit, 64, required: false);
        var of = PlanEditing.Text(errors, "of", "cơ sở tính", r.Of, 300, required: false);
        var indicator = string.IsNullOrWhiteSpace(r.Indicator) ? null : r.Indicator.Trim();
        string? direction = null;
        if (indicator is not null)
        {
            direction = await db.Indicators.Where(i => i.Code == indicator).Select(i => i.Direction).FirstOrDefaultAsync(ct);
            if (direction is null) errors["indicator"] = [$"Không có chỉ số mã '{indicator}' trong danh mục (Bộ Công Thương bổ sung chỉ số mới, tỉnh có thể đề xuất)."];
        }
        if (r.Kind is not { } kind) errors["kind"] = ["Chọn loại chỉ tiêu."];
        else
            foreach (var p in TargetRules.Check(kind, r.Value, r.Min, r.Max, r.Tolerance, unit, indicator, direction, r.DeadlineYear, plan.PeriodStart, plan.PeriodEnd, of))
                errors.TryAdd(p.Field, [p.Message]);
        var monitors = (r.MonitoringAgencyIds ?? []).Distinct().ToList();
        if (monitors.Count > 10) errors["monitoringAgencyIds"] = ["Tối đa 10 đơn vị theo dõi."];
        var found = await db.Agencies.AsNoTracking().Where(a => monitors.Contains(a.Id)).Select(a => new { a.Id, a.ProvinceCode, a.Name }).ToListAsync(ct);
        if (monitors.Except(found.Select(a => a.Id)).FirstOrDefault() is var unknown and not 0)
            errors["monitoringAgencyIds"] = [$"Không có cơ quan mã {unknown}."];
        else if (found.FirstOrDefault(a => a.ProvinceCode is not null && a.ProvinceCode != plan.ProvinceCode) is { } foreign)
            errors["monitoringAgencyIds"] = [$"Cơ quan '{foreign.Name}' không thuộc tỉnh của kế hoạch."];
        if (errors.Count > 0) return (null, errors);
        return (new Target
        {
            PlanId = plan.Id, Key = key!, Text = text!, SearchText = VietnameseText.Fold(text), Indicator = indicator, Kind = r.Kind!.Value,
            Value = r.Value, Min = r.Min, Max = r.Max, Exclusive = r.Exclusive, Tolerance = r.Tolerance, Unit = unit, Of = of, DeadlineYear = r.DeadlineYear,
            Source = existing?.Source ?? "", Line = existing?.Line ?? 0,
            Monitors = monitors.Select((id, i) => new TargetMonitor { AgencyId = id, Order = i }).ToList(),
        }, errors);
    }
}
