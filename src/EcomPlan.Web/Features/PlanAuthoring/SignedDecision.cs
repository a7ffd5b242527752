using System.Security.Cryptography;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Reporting;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// The signed decision (quyết định đã ký) kept with a plan as a PDF, for readers who want the document itself. Every
/// upload is kept; the latest is the one shown. Attaching it does not change the plan, so it is allowed once issued.
/// </summary>
public static class SignedDecision
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public sealed record FileInfo(int Id, string FileName, long Size, DateTimeOffset UploadedAt, string UploadedBy);

    public static async Task<EditResult> UploadAsync(EcomPlanDbContext db, AccessScope scope, string planId, string? fileName, byte[] content,
        string actor, TimeProvider clock, CancellationToken ct)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct, contentChange: false);
        if (plan is null) return refusal!;
        var name = ReportAttachments.CleanFileName(fileName);
        if (name.Length is 0 or > 200) return EditResult.Invalid("file", "Tên tệp trống hoặc dài quá 200 ký tự.");
        if (!name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) return EditResult.Invalid("file", $"Tệp '{name}': quyết định đã ký phải là tệp PDF.");
        if (content.Length == 0) return EditResult.Invalid("file", $"Tệp '{name}' rỗng.");
        if (content.Length > MaxBytes) return EditResult.Invalid("file", $"Tệp '{name}' vượt giới hạn {MaxBytes / 1024 / 1024} MB.");
        if (!content.AsSpan().StartsWith("%PDF-"u8)) return EditResult.Invalid("file", $"Nội dung tệp '{name}' không phải PDF (tệp bị đổi đuôi hoặc bị hỏng).");
        var file = new PlanFile
        {
            PlanId = planId, Kind = PlanFileKind.SignedDecision, FileName = name, ContentType = "application/pdf", Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content, UploadedAt = clock.GetUtcNow(), UploadedBy = actor,
            ProvinceCode = plan.ProvinceCode,
        };
        db.PlanFiles.Add(file);
        var result = await PlanEditing.SaveAsync(db, EditResult.Done, ct);
        return result.Ok ? result with { Id = file.Id } : result;
    }

    /// <summary>The latest signed decision of a plan the scope may read.</summary>
    public static async Task<FileInfo?> LatestAsync(EcomPlanDbContext db, AccessScope scope, string planId, CancellationToken ct) =>
        !await PlanQueries.ExistsAsync(db, planId, scope, ct) ? null
            : await db.PlanFiles.AsNoTracking().Where(f => f.PlanId == planId && f.Kind == PlanFileKind.SignedDecision).OrderByDescending(f => f.Id)
                .Select(f => new FileInfo(f.Id, f.FileName, f.Size, f.UploadedAt, f.UploadedBy)).FirstOrDefaultAsync(ct);

    public static IEndpointRouteBuilder MapSignedDecisionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plans/{id}/decision", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, EcomPlanDbContext db,
                CurrentUser user, CancellationToken ct) =>
            {
                var latest = await LatestAsync(db, await user.ScopeAsync(ct), id, ct);
                if (latest is null) return Problems.NotFound($"Kế hoạch '{id}' chưa có quyết định đã ký.");
                var content = await db.PlanFiles.AsNoTracking().Where(f => f.Id == latest.Id).Select(f => f.Content).FirstAsync(ct);
                return TypedResults.File(content, "application/pdf", latest.FileName);
            })
            .AllowAnonymous().WithTags("Soạn kế hoạch (authoring)").WithName("GetSignedDecision").WithSummary("Quyết định đã ký (PDF) của kế hoạch");

        // Machine clients only (bearer token): people upload on the plan's editing page, whose form carries an antiforgery token.
        app.MapPost("/api/v1/plans/{id}/decision", async Task<IResult> (string id, IFormFile? file, EcomPlanDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null) return Problems.BadRequest("Thiếu tệp (trường 'file' của multipart/form-data).");
                using var memory = new MemoryStream();
                await file.CopyToAsync(memory, ct);
                var result = await UploadAsync(db, await user.ScopeAsync(ct), id, file.FileName, memory.ToArray(), user.Name ?? "?", clock, ct);
                return PlanEditing.ToHttp(result, () => TypedResults.Created($"/api/v1/plans/{id}/decision", new { id = result.Id }));
            })
            .RequireAuthorization(Policies.MachineClient).DisableAntiforgery().AcceptsFileOf(MaxBytes)
            .WithTags("Soạn kế hoạch (authoring)").WithName("UploadSignedDecision")
            .WithSummary("Đính kèm quyết định đã ký (PDF, tối đa 20 MB, kiểm tra nội dung) vào kế hoạch");
        return app;
    }
}
