using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>Plan authoring under /api/v1: create, edit every part, issue, amend, versions and their differences; agencies.</summary>
public static class PlanAuthoringEndpoints
{
    public static IEndpointRouteBuilder MapPlanAuthoringEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/v1/plans").WithTags("Soạn kế hoạch (authoring)").RequireAuthorization(Policies.SignedIn);

        plans.MapPost("/", async (CreatePlan.Request request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var result = await CreatePlan.HandleAsync(db, scope, request, ct);
                return await PlanEditing.ToHttpAsync(result, async () => TypedResults.Created($"/api/v1/plans/{result.Key}", await PlanQueries.GetAsync(db, result.Key!, scope, ct)));
            })
            .WithName("CreatePlan").WithSummary("Tạo kế hoạch (dự thảo): trống, hoặc từ kế hoạch quốc gia cùng giai đoạn (chọn chỉ tiêu, giữ hoặc đổi giá trị)");

        plans.MapPatch("/{id}", async (string id, UpdatePlan.Request request, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var result = await UpdatePlan.HandleAsync(db, scope, id, request, user.Name ?? "?", clock, ct);
                return await PlanEditing.ToHttpAsync(result, async () => TypedResults.Ok(await PlanQueries.GetAsync(db, id, scope, ct)));
            })
            .WithName("UpdatePlan").WithSummary("Sửa thông tin kế hoạch (chỉ các trường gửi lên, kèm revision); công bố; status=approved ban hành kế hoạch");

        plans.MapPut("/{id}/statements", async (string id, UpdatePlan.StatementsRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await UpdatePlan.SetStatementsAsync(db, await user.ScopeAsync(ct), id, request, ct), TypedResults.NoContent))
            .WithName("SetPlanStatements").WithSummary("Thay quan điểm và mục tiêu tổng quát");

        plans.MapPost("/{id}/target-groups", async (string id, GroupRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await EditGroups.CreateAsync(db, await user.ScopeAsync(ct), id, GroupKind.Target, request, ct), () => TypedResults.Created($"/api/v1/plans/{id}", request)))
            .WithName("CreateTargetGroup").WithSummary("Thêm nhóm chỉ tiêu");
        plans.MapPut("/{id}/target-groups/{code}", async (string id, string code, GroupRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await EditGroups.UpdateAsync(db, await user.ScopeAsync(ct), id, GroupKind.Target, code, request, ct), TypedResults.NoContent))
            .WithName("UpdateTargetGroup").WithSummary("Đổi số hiệu, tên nhóm chỉ tiêu");
        plans.MapDelete("/{id}/target-groups/{code}", async (string id, string code, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await EditGroups.DeleteAsync(db, await user.ScopeAsync(ct), id, GroupKind.Target, code, ct), TypedResults.NoContent))
            .WithName("DeleteTargetGroup").WithSummary("Xóa nhóm chỉ tiêu rỗng");

        plans.MapPost("/{id}/targets", async (string id, TargetRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var result = await EditTargets.CreateAsync(db, scope, id, request, ct);
                return await PlanEditing.ToHttpAsync(result, async () => TypedResults.Created($"/api/v1/plans/{id}/targets/{result.Id}", await TargetAsync(db, id, result.Id!.Value, scope, ct)));
            })
            .WithName("CreateTarget").WithSummary("Thêm chỉ tiêu (loại, giá trị, đơn vị, thời hạn, chỉ số, đơn vị theo dõi)");
        plans.MapPut("/{id}/targets/{targetId:int}", async (string id, int targetId, TargetRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var result = await EditTargets.UpdateAsync(db, scope, id, targetId, request, ct);
                return await PlanEditing.ToHttpAsync(result, async () => TypedResults.Ok(await TargetAsync(db, id, targetId, scope, ct)));
            })
            .WithName("UpdateTarget").WithSummary("Sửa chỉ tiêu (kèm revision: biểu mẫu cũ được trả 409)");
        plans.MapDelete("/{id}/targets/{targetId:int}", async (string id, int targetId, int? revision, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await EditTargets.DeleteAsync(db, await user.ScopeAsync(ct), id, targetId, revision, ct), TypedResults.NoContent))
            .WithName("DeleteTarget").WithSummary("Xóa chỉ tiêu (?revision=)");

        plans.MapPost("/{id}/task-groups", async (string id, GroupRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await EditGroups.CreateAsync(db, await user.ScopeAsync(ct), id, GroupKind.Task, request, ct), () => TypedResults.Created($"/api/v1/plans/{id}", request)))
            .WithName("CreateTaskGroup").WithSummary("Thêm nhóm nhiệm vụ");
        plans.MapPut("/{id}/task-groups/{code}", async (string id, string code, GroupRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await EditGroups.UpdateAsync(db, await user.ScopeAsync(ct), id, GroupKind.Task, code, request, ct), TypedResults.NoContent))
            .WithName("UpdateTaskGroup").WithSummary("Đổi số hiệu, tên nhóm nhiệm vụ (kèm revision)");
        plans.MapDelete("/{id}/task-groups/{code}", async (string id, string code, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await EditGroups.DeleteAsync(db, await user.ScopeAsync(ct), id, GroupKind.Task, code, ct), TypedResults.NoContent))
            .WithName("DeleteTaskGroup").WithSummary("Xóa nhóm nhiệm vụ rỗng");
        plans.MapPost("/{id}/tasks", async (string id, TaskRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var result = await EditTasks.CreateAsync(db, scope, id, request, ct);
                return await PlanEditing.ToHttpAsync(result, async () => TypedResults.Created($"/api/v1/plans/{id}/tasks/{result.Id}", await TaskAsync(db, id, result.Id!.Value, scope, ct)));
            })
            .WithName("CreateTask").WithSummary("Thêm nhiệm vụ (cơ quan chủ trì, phối hợp, năm bắt đầu/kết thúc hoặc thời gian bằng lời)");
        plans.MapPut("/{id}/tasks/{taskId:int}", async (string id, int taskId, TaskRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var result = await EditTasks.UpdateAsync(db, scope, id, taskId, request, ct);
                return await PlanEditing.ToHttpAsync(result, async () => TypedResults.Ok(await TaskAsync(db, id, taskId, scope, ct)));
            })
            .WithName("UpdateTask").WithSummary("Sửa nhiệm vụ (kèm revision)");
        plans.MapDelete("/{id}/tasks/{taskId:int}", async (string id, int taskId, int? revision, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await EditTasks.DeleteAsync(db, await user.ScopeAsync(ct), id, taskId, revision, ct), TypedResults.NoContent))
            .WithName("DeleteTask").WithSummary("Xóa nhiệm vụ chưa có báo cáo (?revision=)");

        plans.MapPost("/{id}/issue", async (string id, PlanVersions.IssueRequest request, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                PlanEditing.ToHttp(await PlanVersions.IssueAsync(db, await user.ScopeAsync(ct), id, request, user.Name ?? "?", clock, ct), TypedResults.NoContent))
            .WithName("IssuePlan").WithSummary("Ban hành kế hoạch: lưu phiên bản 1, nội dung sau đó chỉ đổi qua quyết định sửa đổi");
        plans.MapPost("/{id}/amendments", async (string id, PlanVersions.AmendmentRequest request, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var result = await PlanVersions.OpenAmendmentAsync(db, await user.ScopeAsync(ct), id, request, user.Name ?? "?", clock, ct);
                return PlanEditing.ToHttp(result, () => TypedResults.Created($"/api/v1/plans/{id}/versions/{result.Id}", new { number = result.Id }));
            })
            .WithName("OpenAmendment").WithSummary("Mở một quyết định sửa đổi, bổ sung (số, ngày, ngày hiệu lực, lý do)");
        plans.MapPost("/{id}/amendments/current/issue", async (string id, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                PlanEditing.ToHttp(await PlanVersions.IssueAmendmentAsync(db, await user.ScopeAsync(ct), id, clock, ct), TypedResults.NoContent))
            .WithName("IssueAmendment").WithSummary("Ban hành bản sửa đổi đang soạn: lưu phiên bản tiếp theo");
        plans.MapDelete("/{id}/amendments/current", async (string id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await PlanVersions.DiscardAmendmentAsync(db, await user.ScopeAsync(ct), id, ct), TypedResults.NoContent))
            .WithName("DiscardAmendment").WithSummary("Hủy bản sửa đổi đang soạn: kế hoạch trở lại như phiên bản đang hiệu lực");

        var versions = app.MapGroup("/api/v1/plans/{id}").WithTags("Soạn kế hoạch (authoring)").AllowAnonymous();
        versions.MapGet("/versions", async Task<Results<Ok<List<VersionSummary>>, ProblemHttpResult>> (string id, EcomPlanDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
                await PlanQueries.ExistsAsync(db, id, await user.ScopeAsync(ct), ct)
                    ? TypedResults.Ok(await PlanVersions.ListAsync(db, id, Reporting.ReportWorkflow.Today(clock.GetUtcNow()), ct))
                    : Problems.PlanNotFound(id))
            .WithName("ListPlanVersions").WithSummary("Các phiên bản của kế hoạch (ban hành, sửa đổi) và phiên bản đang hiệu lực");
        versions.MapGet("/versions/{number:int}", async Task<Results<Ok<PlanContent>, ProblemHttpResult>> (string id, int number, EcomPlanDbContext db,
                CurrentUser user, CancellationToken ct) =>
                await PlanQueries.ExistsAsync(db, id, await user.ScopeAsync(ct), ct) && await PlanVersions.ContentAsync(db, id, number, ct) is { } content
                    ? TypedResults.Ok(content) : Problems.NotFound($"Không có phiên bản {number} của kế hoạch '{id}'."))
            .WithName("GetPlanVersion").WithSummary("Toàn bộ nội dung một phiên bản (0: kế hoạch như hiện tại)");
        versions.MapGet("/plan-file", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                if (!await PlanQueries.ExistsAsync(db, id, await user.ScopeAsync(ct), ct)) return Problems.PlanNotFound(id);
                var plan = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Status, p.IsPublic, p.SourceDocument, p.ProvinceCode }).FirstAsync(ct);
                var content = (await PlanContentStore.ReadAsync(db, id, ct))!;
                var agencies = (await db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == plan.ProvinceCode || a.ProvinceCode == null)
                        .Select(a => new { a.SearchText, a.Kind, a.ProvinceCode }).ToListAsync(ct))
                    .OrderBy(a => a.ProvinceCode is null).GroupBy(a => a.SearchText).ToDictionary(g => g.Key, g => (g.First().Kind, g.First().ProvinceCode is null));
                var yaml = PlanYaml.Write(id, content, plan.Status, plan.IsPublic, plan.SourceDocument, agencies);
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(yaml), "application/yaml; charset=utf-8", $"ke-hoach-{id}.yaml");
            })
            .WithName("GetPlanFile").WithSummary("Kế hoạch dưới dạng tệp dữ liệu kế hoạch (YAML, docs/plan-data-format.md): nhập lại được qua POST /api/v1/plans/import");
        versions.MapGet("/diff", async Task<Results<Ok<PlanComparison>, ProblemHttpResult>> (string id, int from, int to, EcomPlanDbContext db,
                CurrentUser user, CancellationToken ct) =>
            {
                if (!await PlanQueries.ExistsAsync(db, id, await user.ScopeAsync(ct), ct)) return Problems.PlanNotFound(id);
                var a = await PlanVersions.ContentAsync(db, id, from, ct);
                var b = await PlanVersions.ContentAsync(db, id, to, ct);
                return a is null || b is null
                    ? Problems.NotFound($"Không có phiên bản {(a is null ? from : to)} của kế hoạch '{id}'.")
                    : TypedResults.Ok(PlanDiff.Compare(a, b));
            })
            .WithName("ComparePlanVersions").WithSummary("Khác biệt giữa hai phiên bản: chỉ tiêu, nhiệm vụ thêm, bớt, sửa, từng giá trị (0: hiện tại)");

        var agencies = app.MapGroup("/api/v1/agencies").WithTags("Cơ quan (agencies)").RequireAuthorization(Policies.SignedIn);
        agencies.MapPost("/", async (EditAgencies.Request request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var result = await EditAgencies.CreateAsync(db, await user.ScopeAsync(ct), request, ct);
                return await PlanEditing.ToHttpAsync(result, async () => TypedResults.Created($"/api/v1/agencies/{result.Id}", await AgencyQueries.GetAsync(db, result.Id!.Value, await user.ScopeAsync(ct), ct)));
            })
            .WithName("CreateAgency").WithSummary("Thêm cơ quan của tỉnh (Sở) hoặc cơ quan trung ương (Bộ)");
        agencies.MapPut("/{agencyId:int}", async (int agencyId, EditAgencies.Request request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await PlanEditing.ToHttpAsync(await EditAgencies.UpdateAsync(db, await user.ScopeAsync(ct), agencyId, request, ct), async () => TypedResults.Ok(await AgencyQueries.GetAsync(db, agencyId, await user.ScopeAsync(ct), ct))))
            .WithName("UpdateAgency").WithSummary("Đổi tên, loại cơ quan (kèm revision)");
        agencies.MapPost("/{agencyId:int}/merge", async (int agencyId, EditAgencies.MergeRequest request, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                PlanEditing.ToHttp(await EditAgencies.MergeAsync(db, await user.ScopeAsync(ct), agencyId, request, ct), TypedResults.NoContent))
            .WithName("MergeAgency").WithSummary("Gộp một cơ quan trùng vào cơ quan giữ lại: nhiệm vụ, chỉ tiêu, người dùng, báo cáo chuyển sang");
        return app;
    }

    private static async Task<TargetDto?> TargetAsync(EcomPlanDbContext db, string planId, int id, AccessScope scope, CancellationToken ct) =>
        (await PlanQueries.TargetsAsync(db, planId, new PlanItemFilter(), scope, ct)).FirstOrDefault(t => t.Id == id);

    private static async Task<TaskDto?> TaskAsync(EcomPlanDbContext db, string planId, int id, AccessScope scope, CancellationToken ct) =>
        (await PlanQueries.TasksAsync(db, planId, new PlanItemFilter(), scope, ct)).FirstOrDefault(t => t.Id == id);
}
