using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Agencies;

/// <summary>
/// A province's agencies (the Ministry's for central bodies): create, rename, change kind, and merge two records of
/// the same body, moving every task, target, user and report of the duplicate to the one kept.
/// </summary>
public static class EditAgencies
{
    public sealed record Request(string? Name, string? Kind, string? ProvinceCode = null, int? Revision = null);

    public sealed record MergeRequest(int? IntoId);

    private static bool MayManage(AccessScope scope, string? provinceCode) =>
        scope.CanEditPlan(provinceCode is null ? PlanLevel.National : PlanLevel.Provincial, provinceCode);

    private static EditResult Forbidden(string? provinceCode) => new(EditOutcome.Forbidden, Message: provinceCode is null
        ? "Chỉ Bộ Công Thương quản lý các cơ quan trung ương."
        : "Bạn không quản lý các cơ quan của tỉnh này.");

    private static async Task<(string? Name, string? Kind, Dictionary<string, string[]> Errors)> ValidateAsync(EcomPlanDbContext db, Request r,
        string? provinceCode, int exceptId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = PlanEditing.Text(errors, "name", "tên cơ quan", r.Name, 300);
        var kind = r.Kind?.Trim();
        if (kind is null || !AgencyKinds.Names.ContainsKey(kind))
            errors["kind"] = [$"Chọn loại cơ quan ({string.Join(", ", AgencyKinds.Names.Keys)})."];
        if (name is not null)
        {
            var folded = VietnameseText.Fold(name);
            var twin = await db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == provinceCode && a.SearchText == folded && a.Id != exceptId)
                .Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (twin is not null) errors["name"] = [$"Đã có cơ quan '{twin}' (trùng tên, không kể dấu và chữ hoa): dùng cơ quan đó hoặc gộp hai bản ghi."];
        }
        return (name, kind, errors);
    }

    public static async Task<EditResult> CreateAsync(EcomPlanDbContext db, AccessScope scope, Request r, CancellationToken ct)
    {
        var province = string.IsNullOrWhiteSpace(r.ProvinceCode) ? null : r.ProvinceCode.Trim();
        if (province is not null && !await db.Provinces.AnyAsync(p => p.Code == province, ct))
            return EditResult.Invalid("provinceCode", $"Không có tỉnh, thành phố mã '{province}'.");
        if (!MayManage(scope, province)) return Forbidden(province);
        var (name, kind, errors) = await ValidateAsync(db, r, province, 0, ct);
        if (errors.Count > 0) return EditResult.Invalid(errors);
        var agency = new Agency { Name = name!, Kind = kind!, ProvinceCode = province, SearchText = VietnameseText.Fold(name) };
        db.Agencies.Add(agency);
        db.AuditProvinceCode = province;
        var result = await PlanEditing.SaveAsync(db, EditResult.Done, ct);
        return result.Ok ? result with { Id = agency.Id } : result;
    }

    public static async Task<EditResult> UpdateAsync(EcomPlanDbContext db, AccessScope scope, int id, Request r, CancellationToken ct)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null) return new EditResult(EditOutcome.NotFound, Message: $"Không có cơ quan mã {id}.");
        if (!MayManage(scope, agency.ProvinceCode)) return Forbidden(agency.ProvinceCode);
        var (name, kind, errors) = await ValidateAsync(db, r, agency.ProvinceCode, id, ct);
        if (r.Revision is null) errors["revision"] = ["Thiếu phiên bản của cơ quan (revision) mà biểu mẫu đã tải."];
        if (errors.Count > 0) return EditResult.Invalid(errors);
        db.Expect(agency, r.Revision!.Value);
        (agency.Name, agency.Kind, agency.SearchText) = (name!, kind!, VietnameseText.Fold(name));
        db.AuditProvinceCode = agency.ProvinceCode;
        return await PlanEditing.SaveAsync(db, EditResult.Done with { Id = id }, ct);
    }

    /// <summary>Moves everything that names <paramref name="id"/> to the agency kept, then removes the duplicate. One transaction.</summary>
    public static async Task<EditResult> MergeAsync(EcomPlanDbContext db, AccessScope scope, int id, MergeRequest r, CancellationToken ct)
    {
        var duplicate = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (duplicate is null) return new EditResult(EditOutcome.NotFound, Message: $"Không có cơ quan mã {id}.");
        if (!MayManage(scope, duplicate.ProvinceCode)) return Forbidden(duplicate.ProvinceCode);
        if (r.IntoId is not { } intoId || intoId == id) return EditResult.Invalid("intoId", "Chọn cơ quan giữ lại (khác cơ quan bị gộp).");
        var kept = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == intoId, ct);
        if (kept is null) return EditResult.Invalid("intoId", $"Không có cơ quan mã {intoId}.");
        if (kept.ProvinceCode != duplicate.ProvinceCode) return EditResult.Invalid("intoId", "Chỉ gộp được hai cơ quan cùng một tỉnh (hoặc cùng là cơ quan trung ương).");
        var clash = await db.Reports.AsNoTracking().Where(x => x.AgencyId == id && db.Reports.Any(y => y.AgencyId == intoId && y.CycleId == x.CycleId))
            .Select(x => x.Cycle!.Label).FirstOrDefaultAsync(ct);
        if (clash is not null) return EditResult.Invalid("intoId", $"Cả hai cơ quan đều có báo cáo trong kỳ '{clash}': không gộp được hai báo cáo của một kỳ.");

        db.AuditProvinceCode = duplicate.ProvinceCode;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tasks = await db.TaskAgencies.Where(a => a.AgencyId == id).ToListAsync(ct);
        var keptTasks = await db.TaskAgencies.AsNoTracking().Where(a => a.AgencyId == intoId).Select(a => new { a.TaskId, a.Role }).ToListAsync(ct);
        db.TaskAgencies.RemoveRange(tasks);
        db.TaskAgencies.AddRange(tasks.Where(t => !keptTasks.Contains(new { t.TaskId, t.Role }))
            .Select(t => new TaskAgency { TaskId = t.TaskId, AgencyId = intoId, Role = t.Role, Order = t.Order }));
        var monitors = await db.TargetMonitors.Where(m => m.AgencyId == id).ToListAsync(ct);
        var keptTargets = await db.TargetMonitors.AsNoTracking().Where(m => m.AgencyId == intoId).Select(m => m.TargetId).ToListAsync(ct);
        db.TargetMonitors.RemoveRange(monitors);
        db.TargetMonitors.AddRange(monitors.Where(m => !keptTargets.Contains(m.TargetId))
            .Select(m => new TargetMonitor { TargetId = m.TargetId, AgencyId = intoId, Order = m.Order }));
        await db.SaveChangesAsync(ct);
        foreach (var role in await db.RoleAssignments.Where(x => x.AgencyId == id).ToListAsync(ct)) role.AgencyId = intoId;
        foreach (var report in await db.Reports.Where(x => x.AgencyId == id).ToListAsync(ct)) report.AgencyId = intoId;
        db.Agencies.Remove(duplicate);
        var result = await PlanEditing.SaveAsync(db, EditResult.Done with { Id = intoId }, ct);
        if (result.Ok) await tx.CommitAsync(ct);
        return result;
    }
}
