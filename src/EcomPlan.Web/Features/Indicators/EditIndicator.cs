using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// The Ministry edits the wording of the catalogue (names, definition, note) and the concept that pairs indicators in
/// alignment. Codes, units, direction and formulas stay as defined: changing those would change what stored values mean.
/// Every field the Ministry changes is remembered, so start-up keeps it instead of the shipped file's (<see cref="CatalogueUpsert"/>).
/// </summary>
public static class EditIndicator
{
    /// <summary>A concept left out (or empty) keeps the current one.</summary>
    public sealed record Request(string? NameVi, string? NameEn, string? Definition, string? Note, string? Concept = null);

    public static async Task<(bool Found, Dictionary<string, string[]> Errors)> HandleAsync(EcomPlanDbContext db, string code, Request request, CancellationToken ct)
    {
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (indicator is null) return (false, []);
        var errors = new Dictionary<string, string[]>();
        var nameVi = CatalogueRules.Text(errors, "nameVi", request.NameVi, 300, true);
        var nameEn = CatalogueRules.Text(errors, "nameEn", request.NameEn, 300, true);
        var definition = CatalogueRules.Text(errors, "definition", request.Definition, 2000, true);
        var note = CatalogueRules.Text(errors, "note", request.Note, 4000, false);
        var concept = request.Concept?.Trim() is { Length: > 0 } c ? c : indicator.Concept;
        if (!CatalogueRules.IsCode(concept))
            errors["concept"] = ["Khái niệm là một mã: chữ thường không dấu, chữ số và dấu gạch dưới, tối đa 64 ký tự (ví dụ online_shoppers)."];
        if (errors.Count > 0) return (true, errors);
        var edited = new List<string>();
        void Set(string name, string? current, string? value, Action<string?> assign)
        {
            if (current == value) return;
            assign(value);
            edited.Add(name);
        }
        Set(nameof(Indicator.NameVi), indicator.NameVi, nameVi, v => indicator.NameVi = v!);
        Set(nameof(Indicator.NameEn), indicator.NameEn, nameEn, v => indicator.NameEn = v!);
        Set(nameof(Indicator.Definition), indicator.Definition, definition, v => indicator.Definition = v!);
        Set(nameof(Indicator.Note), indicator.Note, note, v => indicator.Note = v);
        Set(nameof(Indicator.Concept), indicator.Concept, concept, v => indicator.Concept = v!);
        if (edited.Count == 0) return (true, errors);
        indicator.MinistryEditedFields = CatalogueUpsert.Join(CatalogueUpsert.MinistryOwned(indicator).Concat(edited));
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
            .WithName("UpdateIndicator").WithSummary("Sửa tên, định nghĩa, ghi chú, khái niệm của một chỉ số (Bộ Công Thương)");
        return app;
    }
}
