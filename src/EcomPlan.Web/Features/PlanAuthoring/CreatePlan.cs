using System.Text.RegularExpressions;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// A province (or the Ministry, for a national plan) starts a plan: blank, or derived from the national plan of the
/// period, whose targets come as starting rows with the national value to keep, change or drop, and whose task groups
/// come as empty groups. The plan starts as a draft, not public, until its owner issues and publishes it.
/// </summary>
public static partial class CreatePlan
{
    /// <summary>A national target taken into the new plan, with the value the province sets (null: keep the national one).</summary>
    public sealed record DerivedTarget(string Key, decimal? Value = null, decimal? Min = null, decimal? Max = null);

    public sealed record Request(
        string? ProvinceCode, string? Title, int? PeriodStart, int? PeriodEnd, string? DocumentNumber, DateOnly? DocumentDate, string? IssuingBody,
        PlanSourceKind? SourceKind, string? SourceNote, bool IsPublic = false, string? DerivedFrom = null, IReadOnlyList<DerivedTarget>? Targets = null,
        bool TaskGroupsFromNational = true);

    public static async Task<EditResult> HandleAsync(EcomPlanDbContext db, AccessScope scope, Request r, CancellationToken ct, IReadOnlyDictionary<string, string[]>? formErrors = null)
    {
        var level = r.ProvinceCode is null ? PlanLevel.National : PlanLevel.Provincial;
        var province = r.ProvinceCode is null ? null : await db.Provinces.AsNoTracking().FirstOrDefaultAsync(p => p.Code == r.ProvinceCode, ct);
        if (r.ProvinceCode is not null && province is null) return EditResult.Invalid("provinceCode", $"Không có tỉnh, thành phố mã '{r.ProvinceCode}'.");
        if (!scope.CanEditPlan(level, r.ProvinceCode))
            return new EditResult(EditOutcome.Forbidden, Message: level == PlanLevel.National
                ? "Chỉ Bộ Công Thương tạo kế hoạch quốc gia."
                : $"Bạn không quản lý kế hoạch của {province!.FullName}.");

        var errors = new Dictionary<string, string[]>();
        var title = PlanEditing.Text(errors, "title", "tên kế hoạch", r.Title, 500);
        var issuingBody = PlanEditing.Text(errors, "issuingBody", "cơ quan ban hành", r.IssuingBody, 200);
        var number = PlanEditing.Text(errors, "documentNumber", "số văn bản", r.DocumentNumber, 64, required: false);
        var note = PlanEditing.Text(errors, "sourceNote", "ghi chú nguồn", r.SourceNote, 500, required: false);
        if (r.PeriodStart is not { } start || start is < 2000 or > 2100) errors["periodStart"] = ["Năm bắt đầu phải từ 2000 đến 2100."];
        if (r.PeriodEnd is not { } end || end is < 2000 or > 2100) errors["periodEnd"] = ["Năm kết thúc phải từ 2000 đến 2100."];
        else if (r.PeriodStart is { } s && (end < s || end - s > 10)) errors["periodEnd"] = ["Năm kết thúc phải sau năm bắt đầu, kỳ kế hoạch tối đa 10 năm."];
        if (r.SourceKind is not { } source) errors["sourceKind"] = ["Chọn nguồn của kế hoạch: văn bản gốc, nguồn tạm hoặc chỉ nhập trên biểu mẫu."];
        else if (source == PlanSourceKind.Provisional && note is null) errors["sourceNote"] = ["Nguồn tạm: ghi rõ là nguồn gì (ví dụ bài báo, dự thảo, ngày)."];

        Plan? national = null;
        if (r.DerivedFrom is { } derived)
        {
            national = await db.Plans.AsNoTracking().Visible(scope).FirstOrDefaultAsync(p => p.Id == derived && p.Level == PlanLevel.National, ct);
            if (national is null) errors["derivedFrom"] = [$"Không có kế hoạch quốc gia '{derived}'."];
            else if (r.PeriodStart is { } ps && r.PeriodEnd is { } pe && (national.PeriodStart != ps || national.PeriodEnd != pe))
                errors["derivedFrom"] = [$"Kế hoạch quốc gia '{derived}' thuộc giai đoạn {national.PeriodStart}–{national.PeriodEnd}, khác giai đoạn đã chọn."];
        }
        PlanEditing.AddFormErrors(errors, formErrors);
        if (errors.Count > 0) return EditResult.Invalid(errors);

        var id = await NewIdAsync(db, province?.Name ?? "quoc-gia", r.PeriodStart!.Value, r.PeriodEnd!.Value, ct);
        var plan = new Plan
        {
            Id = id, Title = title!, Level = level, ProvinceCode = r.ProvinceCode, PeriodStart = r.PeriodStart.Value, PeriodEnd = r.PeriodEnd.Value,
            DocumentNumber = number, DocumentDate = r.DocumentDate, IssuingBody = issuingBody!, Status = PlanStatus.Draft, IsPublic = r.IsPublic,
            SourceKind = r.SourceKind!.Value, SourceNote = note, NationalPlanId = level == PlanLevel.Provincial ? national?.Id ?? await NationalOfPeriodAsync(db, r, ct) : null,
        };
        db.Plans.Add(plan);
        db.AuditProvinceCode = r.ProvinceCode;
        if (national is not null)
        {
            var problems = await DeriveAsync(db, plan, national.Id, r.Targets, r.TaskGroupsFromNational, ct);
            if (problems.Count > 0) return EditResult.Invalid(problems);
        }
        var result = await PlanEditing.SaveAsync(db, EditResult.Done, ct);
        return result.Ok ? result with { Key = id } : result;
    }

    /// <summary>The national plan of the same period, for alignment, when the province did not derive from it.</summary>
    private static async Task<string?> NationalOfPeriodAsync(EcomPlanDbContext db, Request r, CancellationToken ct) =>
        await db.Plans.AsNoTracking().Where(p => p.Level == PlanLevel.National && p.PeriodStart == r.PeriodStart && p.PeriodEnd == r.PeriodEnd)
            .Select(p => p.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Copies the chosen national targets (all when none are named) with the province's values, the monitoring left to
    /// the province, and the national task groups as empty groups.
    /// </summary>
    private static async Task<Dictionary<string, string[]>> DeriveAsync(EcomPlanDbContext db, Plan plan, string nationalId,
        IReadOnlyList<DerivedTarget>? chosen, bool taskGroups, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var source = await PlanContentStore.ReadAsync(db, nationalId, ct);
        if (chosen is not null && chosen.GroupBy(t => t.Key).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return new() { ["targets"] = [$"Chỉ tiêu '{twice.Key}' được chọn hai lần."] };
        var wanted = chosen?.ToDictionary(t => t.Key);
        if (wanted?.Keys.FirstOrDefault(k => source!.Targets.All(t => t.Key != k)) is { } unknown)
            errors["targets"] = [$"Kế hoạch quốc gia không có chỉ tiêu '{unknown}'."];
        if (errors.Count > 0) return errors;
        var directions = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Direction, ct);
        var groupOrder = 0;
        foreach (var g in source!.TargetGroups)
        {
            var picked = g.Targets.Where(t => wanted is null || wanted.ContainsKey(t.Key)).ToList();
            if (picked.Count == 0) continue;
            var group = new TargetGroup { PlanId = plan.Id, Code = g.Code, Title = g.Title, Order = groupOrder++ };
            var order = 0;
            foreach (var t in picked)
            {
                var set = wanted?.GetValueOrDefault(t.Key);
                var (value, min, max) = set is null || (set.Value is null && set.Min is null && set.Max is null) ? (t.Value, t.Min, t.Max) : (set.Value, set.Min, set.Max);
                var direction = t.Indicator is null ? null : directions.GetValueOrDefault(t.Indicator);
                foreach (var p in TargetRules.Check(t.Kind, value, min, max, t.Tolerance, t.Unit, t.Indicator, direction, t.DeadlineYear, plan.PeriodStart, plan.PeriodEnd, t.Of))
                    errors.TryAdd($"targets[{t.Key}].{p.Field}", [$"Chỉ tiêu {t.Key}: {p.Message}"]);
                group.Targets.Add(new Target
                {
                    PlanId = plan.Id, Key = t.Key, Order = order++, Text = t.Text, SearchText = VietnameseText.Fold(t.Text), Indicator = t.Indicator,
                    Kind = t.Kind, Value = value, Min = min, Max = max, Exclusive = t.Exclusive, Tolerance = t.Tolerance, Unit = t.Unit, Of = t.Of,
                    DeadlineYear = t.DeadlineYear, Source = $"Từ kế hoạch quốc gia, chỉ tiêu {t.Key}", Line = 0,
                });
            }
            plan.TargetGroups.Add(group);
        }
        if (taskGroups)
            plan.TaskGroups.AddRange(source.TaskGroups.Select((g, i) => new TaskGroup { PlanId = plan.Id, Code = g.Code, Title = g.Title, Order = i }));
        return errors;
    }

    /// <summary>"gia-lai-2026-2030", with a number after it when that is taken ("gia-lai-2026-2030-2").</summary>
    public static async Task<string> NewIdAsync(EcomPlanDbContext db, string place, int start, int end, CancellationToken ct)
    {
        var slug = NonSlug().Replace(VietnameseText.Fold(place), "-").Trim('-');
        var id = $"{slug}-{start}-{end}";
        var taken = await db.Plans.Where(p => p.Id.StartsWith(id)).Select(p => p.Id).ToListAsync(ct);
        if (!taken.Contains(id)) return id;
        for (var n = 2; ; n++) if (!taken.Contains($"{id}-{n}")) return $"{id}-{n}";
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
