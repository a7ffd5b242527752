using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>What an import made: the new draft plan, its counts, what to look at again, and where to review it.</summary>
public sealed record TextImportResponse(string PlanId, int Targets, int Tasks, IReadOnlyList<string> Warnings, string Review);

public static class PlanTextImportEndpoints
{
    public static IEndpointRouteBuilder MapPlanTextImportEndpoints(this IEndpointRouteBuilder app)
    {
        // Machine clients only (bearer token): people import through the page, whose form carries an antiforgery token.
        app.MapPost("/api/v1/plans/import-text", async Task<Results<Created<TextImportResponse>, ProblemHttpResult>> (
                IFormFile? file, [FromForm] string? text, [FromForm] string? provinceCode, [FromForm] string? sourceKind, [FromForm] string? sourceNote,
                [FromForm] string? createAgencies, [FromForm] string? title, [FromForm] int? periodStart, [FromForm] int? periodEnd,
                [FromForm] string? issuingBody, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var request = new ImportPlanText.Request(provinceCode, sourceKind, sourceNote, createAgencies?.Trim().ToLowerInvariant() is "true" or "on" or "1",
                    title, periodStart, periodEnd, issuingBody);
                await using var stream = file?.OpenReadStream();
                var result = await ImportPlanText.HandleAsync(db, await user.ScopeAsync(ct), request, new(file?.FileName, stream, text),
                    user.Name ?? "?", clock, ct);
                return result.Outcome switch
                {
                    EditOutcome.Done => TypedResults.Created($"/api/v1/plans/{result.PlanId}",
                        new TextImportResponse(result.PlanId!, result.Targets, result.Tasks, result.Warnings, $"/plans/{result.PlanId}/review")),
                    EditOutcome.Forbidden => TypedResults.Problem(title: "Không có quyền", detail: result.Message, statusCode: StatusCodes.Status403Forbidden),
                    EditOutcome.Stale => Problems.Conflict(result.Message!),
                    _ => TypedResults.Problem(title: "Không nhập được kế hoạch", detail: result.Message, statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["problems"] = result.Problems, ["warnings"] = result.Warnings }),
                };
            })
            .RequireAuthorization(Policies.MachineClient).DisableAntiforgery().AcceptsFileOf(DocumentText.MaxBytes)
            .WithTags("Soạn kế hoạch (authoring)").WithName("ImportPlanText")
            .WithSummary("Nhập kế hoạch từ văn bản (DOCX, PDF có lớp chữ, hoặc trường text): tạo kế hoạch dự thảo, không công bố, để rà soát tại /plans/{id}/review; "
                + "có lỗi thì không ghi gì và trả từng vấn đề kèm dòng");
        return app;
    }
}
