using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Plans;

/// <summary>Read side of plans, targets and tasks, shared by the API and the pages.</summary>
public static class PlanQueries
{
    /// <summary>
    /// The plans a scope may read: published ones for everyone, drafts for those whose scope covers them.
    /// The same rule as <see cref="AccessScope.CanReadPlan"/>, as a query.
    /// </summary>
    public static IQueryable<Plan> Visible(this IQueryable<Plan> plans, AccessScope scope)
    {
        if (scope.SeesWholeCountry) return plans;
        var provinces = scope.Provinces.ToList();
        var signedIn = scope.IsSignedIn;
        return plans.Where(p => p.IsPublic || (signedIn && p.Level == PlanLevel.National)
            || (p.ProvinceCode != null && provinces.Contains(p.ProvinceCode)));
    }

    public static async Task<List<string>> VisibleIdsAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct) =>
        await db.Plans.AsNoTracking().Visible(scope).Select(p => p.Id).ToListAsync(ct);

    public static async Task<List<PlanSummary>> ListAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Visible(scope)
            .Select(p => new PlanSummary(
                p.Id, p.Title, p.Level, p.ProvinceCode,
                db.Provinces.Where(x => x.Code == p.ProvinceCode).Select(x => x.FullName).FirstOrDefault(),
                p.PeriodStart, p.PeriodEnd, p.DocumentNumber, p.DocumentDate, p.IssuingBody, p.Status,
                db.Targets.Count(t => t.PlanId == p.Id), db.Tasks.Count(t => t.PlanId == p.Id), p.IsPublic, p.SourceKind))
            .ToListAsync(ct);
        return plans
            .OrderBy(p => p.Level)
            .ThenByDescending(p => p.PeriodEnd)
            .ThenBy(p => p.ProvinceName ?? "", VietnameseText.Comparer)
            .ToList();
    }

    public static async Task<PlanDetail?> GetAsync(EcomPlanDbContext db, string id, AccessScope scope, CancellationToken ct)
    {
        var p = await db.Plans.AsNoTracking().Visible(scope).Where(x => x.Id == id)
            .Select(x => new
            {
                Plan = x,
                ProvinceName = db.Provinces.Where(v => v.Code == x.ProvinceCode).Select(v => v.FullName).FirstOrDefault(),
                Statements = x.Statements.OrderBy(s => s.Order).Select(s => new { s.Kind, s.Text, s.Line }).ToList(),
                TargetGroups = x.TargetGroups.OrderBy(g => g.Order).Select(g => new GroupSummary(g.Code, g.Title, g.Targets.Count, 0)).ToList(),
                TaskGroups = x.TaskGroups.OrderBy(g => g.Order)
                    .Select(g => new GroupSummary(g.Code, g.Title, g.Tasks.Count, g.Tasks.Count(t => !t.Agencies.Any(a => a.Role == AgencyRole.Lead))))
                    .ToList(),
                Conflicts = db.Targets.Count(t => t.PlanId == x.Id && t.References.Any(r => r.IsConflict)),
            })
            .FirstOrDefaultAsync(ct);
        if (p is null) return null;
        var plan = p.Plan;
        StatementDto[] Of(StatementKind kind) => p.Statements.Where(s => s.Kind == kind).Select(s => new StatementDto(s.Text, s.Line)).ToArray();
        return new PlanDetail(plan.Id, plan.Title, plan.Level, plan.ProvinceCode, p.ProvinceName, plan.PeriodStart, plan.PeriodEnd,
            plan.DocumentNumber, plan.DocumentDate, plan.IssuingBody, plan.Status, plan.SourceDocument, plan.NationalPlanId, plan.Note,
            Of(StatementKind.Viewpoint), Of(StatementKind.GeneralObjective), p.TargetGroups, p.TaskGroups,
            p.TargetGroups.Sum(g => g.Count), p.TaskGroups.Sum(g => g.Count), p.Conflicts, plan.IsPublic, plan.SourceKind, plan.SourceNote);
    }

    /// <summary>Exists and may be read: a draft outside the user's scope is "not found", not "forbidden".</summary>
    public static Task<bool> ExistsAsync(EcomPlanDbContext db, string id, AccessScope scope, CancellationToken ct) =>
        db.Plans.Visible(scope).AnyAsync(p => p.Id == id, ct);

    public static async Task<List<TargetDto>> TargetsAsync(EcomPlanDbContext db, string? planId, PlanItemFilter filter, AccessScope scope, CancellationToken ct)
    {
        var visible = await VisibleIdsAsync(db, scope, ct);
        var query = db.Targets.AsNoTracking().Where(t => visible.Contains(t.PlanId));
        if (planId is not null) query = query.Where(t => t.PlanId == planId);
        if (!string.IsNullOrWhiteSpace(filter.Group)) query = query.Where(t => t.Group!.Code == filter.Group);
        if (filter.Agency is { } agency) query = query.Where(t => t.Monitors.Any(m => m.AgencyId == agency));
        if (filter.Indicator is { } indicator) query = query.Where(t => t.Indicator == indicator);
        foreach (var word in SearchWords(filter.Q))
            query = query.Where(t => t.SearchText.Contains(word) || t.Monitors.Any(m => m.Agency!.SearchText.Contains(word)));

        var rows = await query
            .OrderBy(t => t.PlanId).ThenBy(t => t.Group!.Order).ThenBy(t => t.Order)
            .Select(t => new
            {
                Target = t,
                Document = db.Plans.Where(p => p.Id == t.PlanId).Select(p => p.SourceDocument).First(),
                GroupCode = t.Group!.Code,
                GroupTitle = t.Group.Title,
                Monitors = t.Monitors.OrderBy(m => m.Order).Select(m => new AgencyName(m.AgencyId, m.Agency!.Name)).ToList(),
                References = t.References.OrderBy(r => r.Id).ToList(),
                LowerIsBetter = db.Indicators.Any(i => i.Code == t.Indicator && i.Direction == "lower"),
            })
            .ToListAsync(ct);

        return rows.Select(r =>
        {
            var t = r.Target;
            SourceRef Src(string section, int line) => new(r.Document, section, line);
            TargetReferenceDto Ref(TargetReference x) => new(Src(x.Source, x.Line), x.Text, x.Value, x.Min, x.Max);
            return new TargetDto(t.Id, t.PlanId, t.Key, r.GroupCode, r.GroupTitle, t.Text, t.Indicator, t.Kind, t.Value, t.Min, t.Max,
                t.Exclusive, t.Unit, t.Of, t.DeadlineYear,
                t.BaselineYear is { } by ? new ValueStatement(t.BaselineValue, by, Src(t.Source, t.BaselineLine ?? t.Line), null) : null,
                t.ResultYear is { } ry ? new ValueStatement(t.ResultValue, ry, Src(t.Source, t.ResultLine ?? t.Line), t.ResultText) : null,
                Src(t.Source, t.Line),
                r.Monitors.Select(m => m.Name).ToList(), r.Monitors.Select(m => m.Id).ToList(),
                r.References.Where(x => x.IsConflict).Select(Ref).ToList(),
                r.References.Where(x => !x.IsConflict).Select(Ref).ToList(),
                t.Tolerance, r.LowerIsBetter, t.Revision);
        }).ToList();
    }

    public static async Task<List<TaskDto>> TasksAsync(EcomPlanDbContext db, string? planId, PlanItemFilter filter, AccessScope scope, CancellationToken ct, bool unassignedOnly = false)
    {
        var visible = await VisibleIdsAsync(db, scope, ct);
        var query = db.Tasks.AsNoTracking().Where(t => visible.Contains(t.PlanId));
        if (planId is not null) query = query.Where(t => t.PlanId == planId);
        if (!string.IsNullOrWhiteSpace(filter.Group)) query = query.Where(t => t.Group!.Code == filter.Group);
        if (filter.Agency is { } agency) query = query.Where(t => t.Agencies.Any(a => a.AgencyId == agency));
        if (unassignedOnly) query = query.Where(t => !t.Agencies.Any(a => a.Role == AgencyRole.Lead));
        foreach (var word in SearchWords(filter.Q))
            query = query.Where(t => t.SearchText.Contains(word) || t.Agencies.Any(a => a.Agency!.SearchText.Contains(word)));

        var rows = await query
            .OrderBy(t => t.PlanId).ThenBy(t => t.Group!.Order).ThenBy(t => t.Order)
            .Select(t => new
            {
                Task = t,
                Document = db.Plans.Where(p => p.Id == t.PlanId).Select(p => p.SourceDocument).First(),
                GroupCode = t.Group!.Code,
                GroupTitle = t.Group.Title,
                Agencies = t.Agencies.OrderBy(a => a.Role).ThenBy(a => a.Order).Select(a => new { a.Role, a.AgencyId, a.Agency!.Name }).ToList(),
            })
            .ToListAsync(ct);

        return rows.Select(r => new TaskDto(r.Task.Id, r.Task.PlanId, r.GroupCode, r.GroupTitle, r.Task.Number, r.Task.Text,
            r.Agencies.Where(a => a.Role == AgencyRole.Lead).Select(a => a.Name).ToList(),
            r.Agencies.Where(a => a.Role == AgencyRole.Coordinating).Select(a => a.Name).ToList(),
            r.Agencies.DistinctBy(a => a.AgencyId).Select(a => new AgencyName(a.AgencyId, a.Name)).ToList(),
            r.Task.StartYear, r.Task.EndYear, r.Task.Timeframe, new SourceRef(r.Document, r.Task.Source, r.Task.Line))).ToList();
    }

    /// <summary>
    /// The search phrase folded the way stored text is, so "dong thap" finds "Đồng Tháp". Matched as a phrase,
    /// not word by word: Vietnamese syllables are short ("tu", "do") and would match almost everything apart.
    /// </summary>
    public static IEnumerable<string> SearchWords(string? q) =>
        VietnameseText.Fold(q) is { Length: > 0 } phrase ? [phrase] : [];
}
