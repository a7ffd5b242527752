using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

public sealed record AuthoringPlan(string Id, string Title, PlanLevel Level, string? ProvinceCode, int PeriodStart, int PeriodEnd, PlanStatus Status,
    bool IsEditable, int? OpenAmendmentId, int Revision, PlanSourceKind SourceKind);

public sealed record GroupOption(string Code, string Title, int Revision, int Count);

public sealed record IndicatorOption(string Code, string Name, string Unit);

/// <summary>What the authoring forms offer: the plan, its groups, the agencies it may name, the indicators of the catalogue.</summary>
public sealed record AuthoringData(AuthoringPlan Plan, IReadOnlyList<GroupOption> TargetGroups, IReadOnlyList<GroupOption> TaskGroups,
    IReadOnlyList<AgencyName> Agencies, IReadOnlyList<IndicatorOption> Indicators);

public static class AuthoringQueries
{
    /// <summary>The plan's authoring data when the scope may edit it; null otherwise (the page then answers 404).</summary>
    public static async Task<AuthoringData?> ForAsync(EcomPlanDbContext db, AccessScope scope, string planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Visible(scope).Where(p => p.Id == planId)
            .Select(p => new AuthoringPlan(p.Id, p.Title, p.Level, p.ProvinceCode, p.PeriodStart, p.PeriodEnd, p.Status,
                p.Status == PlanStatus.Draft || p.OpenAmendmentId != null, p.OpenAmendmentId, p.Revision, p.SourceKind))
            .FirstOrDefaultAsync(ct);
        if (plan is null || !scope.CanEditPlan(plan.Level, plan.ProvinceCode)) return null;
        var targetGroups = await db.TargetGroups.AsNoTracking().Where(g => g.PlanId == planId).OrderBy(g => g.Order)
            .Select(g => new GroupOption(g.Code, g.Title, g.Revision, g.Targets.Count)).ToListAsync(ct);
        var taskGroups = await db.TaskGroups.AsNoTracking().Where(g => g.PlanId == planId).OrderBy(g => g.Order)
            .Select(g => new GroupOption(g.Code, g.Title, g.Revision, g.Tasks.Count)).ToListAsync(ct);
        var agencies = (await db.Agencies.AsNoTracking()
            .Where(a => plan.Level == PlanLevel.National ? a.ProvinceCode == null : a.ProvinceCode == plan.ProvinceCode || a.ProvinceCode == null)
            .Select(a => new AgencyName(a.Id, a.Name)).ToListAsync(ct))
            .OrderBy(a => a.Name, VietnameseText.Comparer).ToList();
        var indicators = (await db.Indicators.AsNoTracking().Select(i => new IndicatorOption(i.Code, i.NameVi, i.Unit)).ToListAsync(ct))
            .OrderBy(i => i.Name, VietnameseText.Comparer).ToList();
        return new AuthoringData(plan, targetGroups, taskGroups, agencies, indicators);
    }
}
