using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>A plan as an Excel workbook under /api/v1: the export of any plan one may read, the empty template, the import.</summary>
public static class PlanWorkbookEndpoints
{
    public sealed record Imported(string PlanId);

    public static IEndpointRouteBuilder MapPlanWorkbookEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/v1/plans").WithTags("Soạn kế hoạch (authoring)");

        plans.MapGet("/{id}/workbook", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, EcomPlanDbContext db, CurrentUser user,
                CancellationToken ct) =>
            {
                if (!await PlanQueries.ExistsAsync(db, id, await user.ScopeAsync(ct), ct) || await PlanContentStore.ReadAsync(db, id, ct) is not { } content)
                    return Problems.PlanNotFound(id);
                var workbook = PlanWorkbook.Write(content, await CatalogueAsync(db, content.Header.ProvinceCode, ct));
                return TypedResults.File(workbook, PlanWorkbook.ContentType, PlanWorkbook.FileNameOf(id));
            })
            .AllowAnonymous().WithName("GetPlanWorkbook")
            .WithSummary("Kế hoạch dạng Excel theo mẫu nhập (các trang Kế hoạch, Chỉ tiêu, Nhiệm vụ, Cơ quan, Đối chiếu, Giá trị cho phép): sửa rồi nhập lại được");

        plans.MapGet("/workbook-template", async (EcomPlanDbContext db, CancellationToken ct) =>
                TypedResults.File(PlanWorkbook.Write(null, await CatalogueAsync(db, null, ct)), PlanWorkbook.ContentType, "mau-ke-hoach.xlsx"))
            .AllowAnonymous().WithName("GetPlanWorkbookTemplate")
            .WithSummary("Mẫu Excel trống để nhập một kế hoạch, với trang các giá trị cho phép (loại chỉ tiêu, loại cơ quan, tỉnh, chỉ số)");

        // Machine clients only (bearer token): people import through the page, whose form carries an antiforgery token.
        plans.MapPost("/import", async Task<IResult> (IFormFile? file, [FromForm] string? planId, [FromForm] bool? createAgencies, EcomPlanDbContext db,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null) return Problems.BadRequest("Thiếu tệp (trường 'file' của multipart/form-data).");
                await using var stream = file.OpenReadStream();
                var result = await ImportPlanWorkbook.HandleAsync(db, await user.ScopeAsync(ct), stream, file.FileName, file.Length, planId,
                    createAgencies ?? false, user.Name ?? "?", clock, ct);
                return result.Outcome switch
                {
                    EditOutcome.Done when result.Created => TypedResults.Created($"/api/v1/plans/{result.PlanId}", new Imported(result.PlanId!)),
                    EditOutcome.Done => TypedResults.Ok(new Imported(result.PlanId!)),
                    EditOutcome.Invalid => TypedResults.Problem(title: "Tệp không nhập được", detail: result.Message, statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["problems"] = result.Problems }),
                    _ => PlanEditing.ToHttp(new EditResult(result.Outcome, Message: result.Message), TypedResults.NoContent),
                };
            })
            .RequireAuthorization(Policies.MachineClient, Policies.PlanAuthoring).DisableAntiforgery().AcceptsFileOf(PlanWorkbook.MaxBytes)
            .WithName("ImportPlanWorkbook")
            .WithSummary("Nhập kế hoạch từ Excel (multipart: file, planId để nhập vào kế hoạch đang mở, createAgencies): kiểm tra hết trước khi ghi; "
                + "có lỗi thì không ghi gì và trả mọi lỗi theo trang, dòng, cột (problems); 201 kế hoạch mới, 200 kế hoạch đã có");
        return app;
    }

    /// <summary>What the workbook lists besides the plan: the catalogue, the provinces, the kinds of the agencies the plan may name.</summary>
    public static async Task<WorkbookCatalogue> CatalogueAsync(EcomPlanDbContext db, string? provinceCode, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).Select(i => new { i.Code, i.NameVi, i.Unit }).ToListAsync(ct);
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == provinceCode || a.ProvinceCode == null)
            .Select(a => new { a.SearchText, a.Kind, a.ProvinceCode }).ToListAsync(ct);
        return new WorkbookCatalogue(
            indicators.Select(i => (i.Code, i.NameVi, i.Unit)).ToList(),
            provinces.Select(p => (p.Code, p.Name)).ToList(),
            // The province's own agency wins over a central one of the same name, as when the plan is written.
            agencies.OrderBy(a => a.ProvinceCode is null).GroupBy(a => a.SearchText).ToDictionary(g => g.Key, g => g.First().Kind));
    }
}
