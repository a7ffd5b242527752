using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

public sealed record DataElementSummary(string Code, string NameVi, string NameEn, string Unit, string Origin, IReadOnlyList<string> UsedBy);

/// <summary>The catalogue growing at run time: new indicators and data elements, and the provinces' proposals.</summary>
public static class CatalogueEndpoints
{
    public static async Task<List<DataElementSummary>> DataElementsAsync(EcomPlanDbContext db, CancellationToken ct)
    {
        var elements = await db.DataElements.AsNoTracking().ToListAsync(ct);
        var uses = await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.Numerator, i.Denominator }).ToListAsync(ct);
        return elements
            .Select(e => new DataElementSummary(e.Code, e.NameVi, e.NameEn, e.Unit, e.Origin,
                uses.Where(u => u.Numerator == e.Code || u.Denominator == e.Code).Select(u => u.Code).Order(StringComparer.Ordinal).ToList()))
            .OrderBy(e => e.NameVi, VietnameseText.Comparer).ToList();
    }

    private const string Tag = "Chỉ số (indicators)";

    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/indicators", async Task<Results<Created<Indicator>, ValidationProblem>> (IndicatorDraft request, EcomPlanDbContext db, CancellationToken ct) =>
            {
                var (created, errors) = await AddToCatalogue.AddIndicatorAsync(db, request, ct);
                return created is null
                    ? TypedResults.ValidationProblem(errors, title: "Dữ liệu chỉ số không hợp lệ", detail: "Chưa có gì được ghi.")
                    : TypedResults.Created($"/api/v1/indicators/{created.Code}", created);
            })
            .RequireAuthorization(Policies.CatalogueEditing).WithTags(Tag)
            .WithName("CreateIndicator").WithSummary("Thêm một chỉ số vào danh mục (Bộ Công Thương)");

        var elements = app.MapGroup("/api/v1/data-elements").WithTags(Tag);
        elements.MapGet("/", async (EcomPlanDbContext db, CancellationToken ct) => TypedResults.Ok(await DataElementsAsync(db, ct)))
            .AllowAnonymous().WithName("ListDataElements").WithSummary("Phần tử dữ liệu (tử số, mẫu số) và các chỉ số dùng chúng");
        elements.MapPost("/", async Task<Results<Created<DataElement>, ValidationProblem>> (DataElementDraft request, EcomPlanDbContext db, CancellationToken ct) =>
            {
                var (created, errors) = await AddToCatalogue.AddDataElementAsync(db, request, ct);
                return created is null
                    ? TypedResults.ValidationProblem(errors, title: "Dữ liệu phần tử không hợp lệ", detail: "Chưa có gì được ghi.")
                    : TypedResults.Created($"/api/v1/data-elements#{created.Code}", created);
            })
            .RequireAuthorization(Policies.CatalogueEditing)
            .WithName("CreateDataElement").WithSummary("Thêm một phần tử dữ liệu, ví dụ một mẫu số mới (Bộ Công Thương)");

        var proposals = app.MapGroup("/api/v1/indicator-proposals").WithTags(Tag);
        proposals.MapGet("/", async Task<Results<Ok<List<IndicatorProposalDto>>, ProblemHttpResult>> (string? status, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                // By name, as the JSON writes it ("proposed"), never by number.
                var wanted = Enum.GetValues<ProposalStatus>().Where(s => s.ToString().Equals(status, StringComparison.OrdinalIgnoreCase)).Cast<ProposalStatus?>().FirstOrDefault();
                if (status is not null && wanted is null) return Problems.BadRequest("Trạng thái (status) phải là proposed, accepted hoặc refused.");
                return TypedResults.Ok(await IndicatorProposalQueries.ListAsync(db, await user.ScopeAsync(ct), ct, status: wanted));
            })
            .RequireAuthorization(Policies.IndicatorProposalReading)
            .WithName("ListIndicatorProposals").WithSummary("Đề xuất chỉ số: mọi tỉnh (Bộ Công Thương) hoặc của tỉnh mình (quản trị viên tỉnh)");
        proposals.MapGet("/{id:int}", async Task<Results<Ok<IndicatorProposalDto>, ProblemHttpResult>> (int id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                (await IndicatorProposalQueries.ListAsync(db, await user.ScopeAsync(ct), ct, id)).FirstOrDefault() is { } p
                    ? TypedResults.Ok(p) : Problems.NotFound($"Không có đề xuất chỉ số mã {id}."))
            .RequireAuthorization(Policies.IndicatorProposalReading)
            .WithName("GetIndicatorProposal").WithSummary("Một đề xuất chỉ số và quyết định của Bộ");
        proposals.MapPost("/", async Task<Results<Created<IndicatorProposalDto>, ValidationProblem, ProblemHttpResult>> (
                ProposeIndicator.Request request, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var result = await ProposeIndicator.HandleAsync(request, scope, db, clock, ct);
                return result.Outcome switch
                {
                    ProposeIndicator.Outcome.Proposed => TypedResults.Created($"/api/v1/indicator-proposals/{result.Id}",
                        (await IndicatorProposalQueries.ListAsync(db, scope, ct, result.Id)).Single()),
                    ProposeIndicator.Outcome.Invalid => TypedResults.ValidationProblem(result.Errors!, title: "Đề xuất chỉ số không hợp lệ", detail: "Chưa có gì được ghi."),
                    _ => TypedResults.Problem(title: "Không có quyền", detail: result.Message, statusCode: StatusCodes.Status403Forbidden),
                };
            })
            .RequireAuthorization(Policies.IndicatorProposing)
            .WithName("ProposeIndicator").WithSummary("Tỉnh đề xuất một chỉ số mới, kèm lý do (quản trị viên tỉnh)");
        proposals.MapPost("/{id:int}/accept", async Task<Results<Ok<IndicatorProposalDto>, ValidationProblem, ProblemHttpResult>> (
                int id, DecideIndicatorProposal.AcceptRequest? request, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                return await DecisionAsync(id, await DecideIndicatorProposal.AcceptAsync(id, request ?? new(), scope, db, clock, ct), db, scope, ct);
            })
            .RequireAuthorization(Policies.CatalogueEditing)
            .WithName("AcceptIndicatorProposal").WithSummary("Chấp nhận đề xuất: thêm chỉ số vào danh mục, có thể sửa mã, tên, định nghĩa, khái niệm");
        proposals.MapPost("/{id:int}/refuse", async Task<Results<Ok<IndicatorProposalDto>, ValidationProblem, ProblemHttpResult>> (
                int id, DecideIndicatorProposal.RefuseRequest request, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                return await DecisionAsync(id, await DecideIndicatorProposal.RefuseAsync(id, request, scope, db, clock, ct), db, scope, ct);
            })
            .RequireAuthorization(Policies.CatalogueEditing)
            .WithName("RefuseIndicatorProposal").WithSummary("Từ chối đề xuất chỉ số, kèm lý do bắt buộc");
        return app;
    }

    private static async Task<Results<Ok<IndicatorProposalDto>, ValidationProblem, ProblemHttpResult>> DecisionAsync(
        int id, DecideIndicatorProposal.Result result, EcomPlanDbContext db, AccessScope scope, CancellationToken ct) => result.Outcome switch
    {
        DecideIndicatorProposal.Outcome.Done => TypedResults.Ok((await IndicatorProposalQueries.ListAsync(db, scope, ct, id)).Single()),
        DecideIndicatorProposal.Outcome.Invalid => TypedResults.ValidationProblem(result.Errors!, title: "Quyết định không hợp lệ", detail: "Chưa có gì được ghi."),
        DecideIndicatorProposal.Outcome.NotFound => Problems.NotFound(result.Message!),
        DecideIndicatorProposal.Outcome.Conflict => Problems.Conflict(result.Message!),
        _ => TypedResults.Problem(title: "Không có quyền", detail: result.Message, statusCode: StatusCodes.Status403Forbidden),
    };
}
