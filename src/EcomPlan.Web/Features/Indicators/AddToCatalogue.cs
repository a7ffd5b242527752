using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// The Ministry adds an indicator or a data element at run time (e.g. "internet_users", "Số người dùng internet", as
/// the denominator of a new share). Everything is checked before anything is written; the audit interceptor records
/// the new row with its author.
/// </summary>
public static class AddToCatalogue
{
    /// <summary>Codes in use, indicators and data elements (one code space: a value row names either).</summary>
    public static async Task<(IReadOnlySet<string> Indicators, IReadOnlySet<string> Elements)> CodesAsync(EcomPlanDbContext db, CancellationToken ct) =>
        ((await db.Indicators.AsNoTracking().Select(i => i.Code).ToListAsync(ct)).ToHashSet(),
         (await db.DataElements.AsNoTracking().Select(e => e.Code).ToListAsync(ct)).ToHashSet());

    /// <summary><c>formErrors</c>: problems a form found before (a factor that is not a number), reported with the rest; nothing is written.</summary>
    public static async Task<(Indicator? Created, Dictionary<string, string[]> Errors)> AddIndicatorAsync(
        EcomPlanDbContext db, IndicatorDraft request, CancellationToken ct, IReadOnlyDictionary<string, string[]>? formErrors = null)
    {
        var (indicators, elements) = await CodesAsync(db, ct);
        var (draft, errors) = CatalogueRules.CheckIndicator(request, indicators, elements);
        foreach (var (k, v) in formErrors ?? new Dictionary<string, string[]>()) errors[k] = v;
        if (errors.Count > 0) return (null, errors);
        var indicator = CatalogueRules.ToIndicator(draft, CatalogueOrigin.Ministry);
        db.Indicators.Add(indicator);
        return await SaveAsync(db, indicator, draft.Code!, ct) ? (indicator, errors) : (null, CodeTaken(draft.Code!));
    }

    public static async Task<(DataElement? Created, Dictionary<string, string[]> Errors)> AddDataElementAsync(
        EcomPlanDbContext db, DataElementDraft request, CancellationToken ct)
    {
        var (indicators, elements) = await CodesAsync(db, ct);
        var (draft, errors) = CatalogueRules.CheckDataElement(request, indicators, elements);
        if (errors.Count > 0) return (null, errors);
        var element = new DataElement { Code = draft.Code!, NameVi = draft.NameVi!, NameEn = draft.NameEn!, Unit = draft.Unit!, Origin = CatalogueOrigin.Ministry };
        db.DataElements.Add(element);
        return await SaveAsync(db, element, draft.Code!, ct) ? (element, errors) : (null, CodeTaken(draft.Code!));
    }

    /// <summary>Saves; false when someone took the code between the check and the write (the key refuses it).</summary>
    internal static async Task<bool> SaveAsync(EcomPlanDbContext db, object added, string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(added).State = EntityState.Detached;
            if (await db.Indicators.AnyAsync(i => i.Code == code, ct) || await db.DataElements.AnyAsync(e => e.Code == code, ct)) return false;
            throw;
        }
    }

    internal static Dictionary<string, string[]> CodeTaken(string code) => new() { ["code"] = [$"Mã '{code}' vừa được dùng; chọn mã khác."] };
}
