using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Plans;

/// <summary>
/// Giving a task its lead agencies, from the plan page or the API: an assignment of work, allowed on an issued plan
/// too. Only the plan's owner assigns: the Department of the province, the Ministry for national plans. Everything else
/// a plan says is edited through Features/PlanAuthoring.
/// </summary>
public static class EditPlan
{
    public sealed record LeadAgenciesRequest(IReadOnlyList<int>? AgencyIds);

    public enum Outcome { Done, NotFound, Forbidden, Invalid }

    public sealed record Result(Outcome Outcome, string? Message = null);

    public static async Task<Result> SetLeadAgenciesAsync(EcomPlanDbContext db, AccessScope scope, string planId, int taskId, LeadAgenciesRequest request, CancellationToken ct)
    {
        var plan = await db.Plans.Visible(scope).AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        var task = plan is null ? null : await db.Tasks.Include(t => t.Agencies).FirstOrDefaultAsync(t => t.Id == taskId && t.PlanId == planId, ct);
        if (plan is null || task is null) return new(Outcome.NotFound, $"Không có nhiệm vụ {taskId} trong kế hoạch '{planId}'.");
        if (!scope.CanEditPlan(plan.Level, plan.ProvinceCode)) return new(Outcome.Forbidden, "Chỉ cơ quan quản lý kế hoạch này được giao cơ quan chủ trì.");
        var ids = request.AgencyIds?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > 10) return new(Outcome.Invalid, "Chọn từ 1 đến 10 cơ quan chủ trì.");
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.ProvinceCode, a.Name }).ToListAsync(ct);
        var unknown = ids.Except(agencies.Select(a => a.Id)).ToList();
        if (unknown.Count > 0) return new(Outcome.Invalid, $"Không có cơ quan mã {string.Join(", ", unknown)}.");
        // An agency of another province cannot lead this province's task (a forged id in the body is refused).
        var foreign = agencies.Where(a => a.ProvinceCode is not null && a.ProvinceCode != plan.ProvinceCode).ToList();
        if (foreign.Count > 0) return new(Outcome.Invalid, $"Cơ quan '{foreign[0].Name}' không thuộc tỉnh của kế hoạch.");

        db.AuditProvinceCode = plan.ProvinceCode;
        task.Agencies.RemoveAll(a => a.Role == AgencyRole.Lead);
        var order = 0;
        foreach (var id in ids) task.Agencies.Add(new TaskAgency { TaskId = task.Id, AgencyId = id, Role = AgencyRole.Lead, Order = order++ });
        await db.SaveChangesAsync(ct);
        return new(Outcome.Done);
    }

    public static IEndpointRouteBuilder MapPlanEditingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/plans").WithTags("Kế hoạch (plans)").RequireAuthorization(Policies.SignedIn);

        group.MapPut("/{id}/tasks/{taskId:int}/lead-agencies", async Task<Results<NoContent, ProblemHttpResult>> (
                string id, int taskId, LeadAgenciesRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var result = await SetLeadAgenciesAsync(db, await user.ScopeAsync(ct), id, taskId, request, ct);
                return result.Outcome == Outcome.Done ? TypedResults.NoContent() : ToProblem(result);
            })
            .WithName("SetTaskLeadAgencies").WithSummary("Giao cơ quan chủ trì cho một nhiệm vụ");

        return app;
    }

    private static ProblemHttpResult ToProblem(Result r) => r.Outcome switch
    {
        Outcome.NotFound => Problems.NotFound(r.Message!),
        Outcome.Forbidden => TypedResults.Problem(title: "Không có quyền", detail: r.Message, statusCode: 403),
        _ => Problems.BadRequest(r.Message!),
    };
}
