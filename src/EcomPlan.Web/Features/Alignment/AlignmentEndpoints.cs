using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Alignment;

public static class AlignmentEndpoints
{
    public static async Task<AlignmentResult?> ForPlanAsync(EcomPlanDbContext db, string planId, AccessScope scope, CancellationToken ct)
    {
        var nationalId = await db.Plans.AsNoTracking().Visible(scope).Where(p => p.Id == planId && p.Level == PlanLevel.Provincial)
            .Select(p => p.NationalPlanId).FirstOrDefaultAsync(ct);
        if (nationalId is null) return null;
        var provincial = await PlanQueries.TargetsAsync(db, planId, new PlanItemFilter(), scope, ct);
        var national = await PlanQueries.TargetsAsync(db, nationalId, new PlanItemFilter(), scope, ct);
        var concepts = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Concept, ct);
        return PlanAlignment.Align(planId, nationalId, provincial, national, concepts);
    }

    public static IEndpointRouteBuilder MapAlignmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plans/{id}/alignment", async Task<Results<Ok<AlignmentResult>, ProblemHttpResult>> (string id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                if (!await PlanQueries.ExistsAsync(db, id, scope, ct)) return Problems.PlanNotFound(id);
                return await ForPlanAsync(db, id, scope, ct) is { } result
                    ? TypedResults.Ok(result)
                    : Problems.BadRequest($"Kế hoạch '{id}' không phải kế hoạch cấp tỉnh gắn với một kế hoạch quốc gia.");
            })
            .WithTags("Kế hoạch (plans)").AllowAnonymous()
            .WithName("GetPlanAlignment").WithSummary("Đối chiếu chỉ tiêu của kế hoạch tỉnh với kế hoạch quốc gia cùng giai đoạn");
        return app;
    }
}
