using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcomPlan.Web.Features.Plans;

/// <summary>The source document a plan was transcribed from, so every line reference can be checked.</summary>
public static class PlanDocuments
{
    public static async Task<string[]?> LinesAsync(EcomPlanDbContext db, SeedDataOptions options, string planId, AccessScope scope, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Visible(scope).Where(p => p.Id == planId).Select(p => new { p.SourceDocument }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        if (plan.SourceDocument is { } file)
        {
            var path = Path.Combine(options.DocumentsFolder, Path.GetFileName(file));
            return File.Exists(path) ? await File.ReadAllLinesAsync(path, ct) : null;
        }
        // A plan imported from a decision's text keeps that text: its items point to its lines.
        var text = await db.PlanFiles.AsNoTracking().Where(f => f.PlanId == planId && f.Kind == PlanAuthoring.PlanFileKind.SourceText)
            .OrderByDescending(f => f.Id).Select(f => f.Content).FirstOrDefaultAsync(ct);
        return text is null ? null : System.Text.Encoding.UTF8.GetString(text).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plans/{id}/document", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                    string id, EcomPlanDbContext db, IOptions<SeedDataOptions> options, CurrentUser user, CancellationToken ct) =>
                await LinesAsync(db, options.Value, id, await user.ScopeAsync(ct), ct) is { } lines
                    ? TypedResults.Text(string.Join('\n', lines), "text/plain; charset=utf-8")
                    : Problems.PlanNotFound(id))
            .WithTags("Kế hoạch (plans)").AllowAnonymous()
            .WithName("GetPlanDocument").WithSummary("Văn bản gốc của kế hoạch (UTF-8); các tham chiếu 'line' trỏ vào văn bản này");
        return app;
    }
}
