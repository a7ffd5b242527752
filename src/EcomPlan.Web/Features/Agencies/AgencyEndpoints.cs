using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcomPlan.Web.Features.Agencies;

public static class AgencyEndpoints
{
    public static RouteGroupBuilder MapAgencyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/agencies").WithTags("Cơ quan (agencies)").AllowAnonymous();

        group.MapGet("/", async Task<Results<Ok<List<AgencySummary>>, ProblemHttpResult>> (string? q, string? province, EcomPlanDbContext db, CancellationToken ct) =>
                q is { Length: > 200 }
                    ? Problems.BadRequest("Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).")
                    : TypedResults.Ok(await AgencyQueries.ListAsync(db, q, province, ct)))
            .WithName("ListAgencies").WithSummary("Cơ quan được các kế hoạch nêu tên; province=mã tỉnh hoặc 'national'");

        group.MapGet("/{id:int}", async Task<Results<Ok<AgencyDetail>, ProblemHttpResult>> (int id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await AgencyQueries.GetAsync(db, id, await user.ScopeAsync(ct), ct) is { } agency ? TypedResults.Ok(agency) : Problems.NotFound($"Không có cơ quan mã {id}."))
            .WithName("GetAgency").WithSummary("Mọi nhiệm vụ và chỉ tiêu theo dõi của một cơ quan, trên mọi kế hoạch");

        return group;
    }
}
