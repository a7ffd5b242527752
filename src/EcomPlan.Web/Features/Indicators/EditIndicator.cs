using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// The Ministry edits the wording of the catalogue (names, definition, note). Codes, units, direction and formulas
/// stay as the data file defines them: changing those would change what stored values mean.
/// </summary>
public static class EditIndicator
{
    public sealed record Request(string? NameVi, string? NameEn, string? Definition, string? Note);

    public static async Task<(bool Found, Dictionary<string, string[]> Errors)> HandleAsync(EcomPlanDbContext db, string code, Request request, CancellationToken ct)
    {
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (indicator is null) return (false, []);
        var errors = new Dictionary<string, string[]>();
        string? Check(string field, string? value, int max, bool required)
        {
            var v = value?.Trim();
            if (required && string.IsNullOrEmpty(v)) errors[field] = ["Không được để trống."];
            else if (v is { Length: > 0 } && v.Length > max) errors[field] = [$"Tối đa {max} ký tự."];
            return string.IsNullOrEmpty(v) ? null : v;
        }
        var nameVi = Check("nameVi", request.NameVi, 300, true);
        var nameEn = Check("nameEn", request.NameEn, 300, true);
        var definition = Check("definition", request.Definition, 2000, true);
        var note = Check("note", request.Note, 4000, false);
        if (errors.Count > 0) return (true, errors);
        indicator.NameVi = nameVi!;
        indicator.NameEn = nameEn!;
        indicator.Definition = definition!;
        indicator.Note = note;
        await db.SaveChangesAsync(ct);
        return (true, errors);
    }

    public static IEndpointRouteBuilder MapIndicatorEditingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/indicators/{code}", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (
                string code, Request request, EcomPlanDbContext db, CancellationToken ct) =>
            {
                var (found, errors) = await HandleAsync(db, code, request, ct);
                if (!found) return Problems.NotFound($"Không có chỉ số mã '{code}'.");
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "Dữ liệu chỉ số không hợp lệ") : TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.CatalogueEditing).WithTags("Chỉ số (indicators)")
            .WithName("UpdateIndicator").WithSummary("Sửa tên, định nghĩa, ghi chú của một chỉ số (Bộ Công Thương)");
        return app;
    }
}
