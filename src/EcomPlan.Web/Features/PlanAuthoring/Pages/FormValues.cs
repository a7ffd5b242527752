using System.Globalization;

namespace EcomPlan.Web.Features.PlanAuthoring.Pages;

/// <summary>Numbers and years as people type them in the forms ("60,82", "60.82", "1.000.000"), with a Vietnamese error per field.</summary>
public static class FormValues
{
    public static decimal? Number(string? raw, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var parsed = Indicators.ImportValues.ParseNumber(raw, invariant: false);
        if (parsed is { } v && Math.Abs(v) <= Infrastructure.RequestValidation.MaxStoredNumber) return v;
        errors[field] = [$"{label} '{raw.Trim()}' không phải là số (dùng dấu phẩy cho phần thập phân, ví dụ 60,82)."];
        return null;
    }

    public static int? Year(string? raw, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100) return y;
        errors[field] = [$"{label} '{raw.Trim()}' không phải là một năm (ví dụ 2030)."];
        return null;
    }

    public static DateOnly? Date(string? raw, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim();
        if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year is >= 1990 and <= 2100) return d;
        errors[field] = [$"{label} '{text}' không phải ngày dạng dd/MM/yyyy."];
        return null;
    }

    public static string Show(decimal? v) => v is { } d ? d.ToString("0.####", CultureInfo.GetCultureInfo("vi-VN")) : "";

    public static string Show(DateOnly? d) => d is { } x ? x.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    /// <summary>Merges errors found while reading the form with those of the use case (the form's win: they say what was typed).</summary>
    public static Dictionary<string, string[]> Merge(Dictionary<string, string[]> form, Dictionary<string, string[]>? handler)
    {
        var all = new Dictionary<string, string[]>(handler ?? []);
        foreach (var (k, v) in form) all[k] = v;
        return all;
    }
}
