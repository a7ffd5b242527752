using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Plans;

public static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/plans").WithTags("Kế hoạch (plans)").AllowAnonymous();

        group.MapGet("/", async (EcomPlanDbContext db, CurrentUser user, CancellationToken ct) => TypedResults.Ok(await PlanQueries.ListAsync(db, await user.ScopeAsync(ct), ct)))
            .WithName("ListPlans").WithSummary("Danh sách kế hoạch quốc gia và cấp tỉnh");

        group.MapGet("/{id}", async Task<Results<Ok<PlanDetail>, ProblemHttpResult>> (string id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await PlanQueries.GetAsync(db, id, await user.ScopeAsync(ct), ct) is { } plan ? TypedResults.Ok(plan) : Problems.PlanNotFound(id))
            .WithName("GetPlan").WithSummary("Một kế hoạch: quan điểm, mục tiêu tổng quát, nhóm chỉ tiêu và nhóm nhiệm vụ");

        group.MapGet("/{id}/targets", async Task<Results<Ok<List<TargetDto>>, ProblemHttpResult>> (
                    string id, string? group, int? agency, string? q, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await ValidateFilterAsync(db, id, group, agency, q, isTargets: true, await user.ScopeAsync(ct), ct) is { } problem
                    ? problem
                    : TypedResults.Ok(await PlanQueries.TargetsAsync(db, id, new PlanItemFilter(group, agency, q), await user.ScopeAsync(ct), ct)))
            .WithName("ListPlanTargets")
            .WithSummary("Chỉ tiêu cụ thể của kế hoạch; lọc theo nhóm, đơn vị theo dõi, từ khóa (không phân biệt dấu)");

        group.MapGet("/{id}/tasks", async Task<Results<Ok<List<TaskDto>>, ProblemHttpResult>> (
                    string id, string? group, int? agency, string? q, bool? unassigned, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await ValidateFilterAsync(db, id, group, agency, q, isTargets: false, await user.ScopeAsync(ct), ct) is { } problem
                    ? problem
                    : TypedResults.Ok(await PlanQueries.TasksAsync(db, id, new PlanItemFilter(group, agency, q), await user.ScopeAsync(ct), ct, unassigned ?? false)))
            .WithName("ListPlanTasks")
            .WithSummary("Nhiệm vụ của kế hoạch; lọc theo nhóm, cơ quan, từ khóa (không phân biệt dấu), chưa có cơ quan chủ trì");

        return group;
    }

    /// <summary>A filter naming a group or agency that does not exist is a mistake worth telling, not an empty list.</summary>
    internal static async Task<ProblemHttpResult?> ValidateFilterAsync(
        EcomPlanDbContext db, string id, string? group, int? agency, string? q, bool isTargets, AccessScope scope, CancellationToken ct)
    {
        if (!await PlanQueries.ExistsAsync(db, id, scope, ct)) return Problems.PlanNotFound(id);
        if (q is { Length: > 200 }) return Problems.BadRequest("Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).");
        if (!string.IsNullOrWhiteSpace(group))
        {
            var exists = isTargets
                ? await db.TargetGroups.AnyAsync(g => g.PlanId == id && g.Code == group, ct)
                : await db.TaskGroups.AnyAsync(g => g.PlanId == id && g.Code == group, ct);
            if (!exists) return Problems.BadRequest($"Kế hoạch '{id}' không có nhóm '{group}'.");
        }
        if (agency is { } a && !await db.Agencies.AnyAsync(x => x.Id == a, ct))
            return Problems.BadRequest($"Không có cơ quan mã {a}.");
        return null;
    }
}
