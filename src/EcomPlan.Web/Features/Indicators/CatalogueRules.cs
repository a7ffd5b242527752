using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>The fields of a new indicator as typed in a form or sent to the API (a proposal carries the same).</summary>
public sealed record IndicatorDraft(
    string? Code, string? NameVi, string? NameEn, string? Definition, string? Unit, string? Direction, string? PeriodType, string? Kind,
    string? Numerator, string? Denominator, decimal? Factor, string? Rollup, string? RollupCondition, string? Concept, string? Note);

/// <summary>The fields of a new data element (a numerator or a denominator, e.g. "internet_users").</summary>
public sealed record DataElementDraft(string? Code, string? NameVi, string? NameEn, string? Unit);

/// <summary>
/// What a catalogue entry must satisfy, whoever writes it (the Ministry, a province's proposal). Pure: the codes
/// already in use are passed in, and every problem comes back keyed by its camelCase field, in Vietnamese.
/// </summary>
public static partial class CatalogueRules
{
    public static readonly string[] Directions = ["higher", "lower", "two_sided"];
    public static readonly string[] PeriodTypes = ["year", "half_year"];
    public static readonly string[] Kinds = ["ratio", "growth", "amount", "count", "rank"];
    public static readonly string[] Rollups = ["sum", "ratio_of_sums", "population_weighted_mean", "share_of_units_meeting", "recompute_growth", "none"];

    /// <summary>Path segments of the pages under /indicators: an indicator of that code could not be opened.</summary>
    private static readonly HashSet<string> Reserved = ["new", "proposals"];

    public const int CodeMax = 64;

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    public static bool IsCode(string? value) => value is { Length: > 0 and <= CodeMax } && SnakeCase().IsMatch(value);

    /// <summary>
    /// Checks a new indicator against the codes in use. Indicators and data elements share one code space (a value
    /// row names either), so a new code must be free in both. Returns the draft trimmed, its concept defaulting to its code.
    /// </summary>
    public static (IndicatorDraft Draft, Dictionary<string, string[]> Errors) CheckIndicator(
        IndicatorDraft d, IReadOnlySet<string> indicatorCodes, IReadOnlySet<string> elementCodes)
    {
        var errors = new Dictionary<string, string[]>();
        var code = Code(errors, "code", d.Code, required: true);
        if (code is not null && errors.Count == 0)
        {
            if (indicatorCodes.Contains(code)) errors["code"] = [$"Mã '{code}' đã có trong danh mục chỉ số."];
            else if (elementCodes.Contains(code)) errors["code"] = [$"Mã '{code}' đã là mã của một phần tử dữ liệu; chọn mã khác."];
            else if (Reserved.Contains(code)) errors["code"] = [$"Mã '{code}' được dành riêng; chọn mã khác."];
        }
        var nameVi = Text(errors, "nameVi", d.NameVi, 300, required: true);
        var nameEn = Text(errors, "nameEn", d.NameEn, 300, required: true);
        var definition = Text(errors, "definition", d.Definition, 2000, required: true);
        var unit = Text(errors, "unit", d.Unit, 32, required: true);
        var direction = OneOf(errors, "direction", d.Direction, Directions, "Chiều tốt phải là 'higher' (càng cao càng tốt), 'lower' (càng thấp càng tốt) hoặc 'two_sided' (nằm trong khoảng là tốt).");
        var periodType = OneOf(errors, "periodType", d.PeriodType, PeriodTypes, "Kỳ phải là 'year' (năm) hoặc 'half_year' (6 tháng).");
        var kind = OneOf(errors, "kind", d.Kind, Kinds, "Loại phải là một trong: ratio, growth, amount, count, rank.");
        var numerator = Element(errors, "numerator", d.Numerator, elementCodes);
        var denominator = Element(errors, "denominator", d.Denominator, elementCodes);
        if (kind == "ratio")
        {
            if (numerator is null && !errors.ContainsKey("numerator")) errors["numerator"] = ["Chỉ số tỷ lệ cần tử số (một phần tử dữ liệu)."];
            if (denominator is null && !errors.ContainsKey("denominator")) errors["denominator"] = ["Chỉ số tỷ lệ cần mẫu số (một phần tử dữ liệu)."];
        }
        else if (kind is not null && denominator is not null)
            errors["denominator"] = ["Chỉ số tỷ lệ (ratio) mới có mẫu số; bỏ mẫu số hoặc chọn loại tỷ lệ."];
        if (d.Factor is { } factor && factor <= 0) errors["factor"] = ["Hệ số nhân phải lớn hơn 0."];
        var rollup = OneOf(errors, "rollup", d.Rollup, Rollups,
            "Cách cộng lên cấp trên phải là một trong: sum, ratio_of_sums, population_weighted_mean, share_of_units_meeting, recompute_growth, none.");
        var condition = Text(errors, "rollupCondition", d.RollupCondition, 200, required: rollup == "share_of_units_meeting",
            missing: "Cách cộng share_of_units_meeting cần điều kiện đạt của đơn vị (ví dụ \"online_merchants >= 1\").");
        var concept = Code(errors, "concept", d.Concept, required: false) ?? code;
        var note = Text(errors, "note", d.Note, 4000, required: false);
        return (new IndicatorDraft(code, nameVi, nameEn, definition, unit, direction, periodType, kind, numerator, denominator, d.Factor,
            rollup, condition, concept, note), errors);
    }

    public static (DataElementDraft Draft, Dictionary<string, string[]> Errors) CheckDataElement(
        DataElementDraft d, IReadOnlySet<string> indicatorCodes, IReadOnlySet<string> elementCodes)
    {
        var errors = new Dictionary<string, string[]>();
        var code = Code(errors, "code", d.Code, required: true);
        if (code is not null && errors.Count == 0)
        {
            if (elementCodes.Contains(code)) errors["code"] = [$"Mã '{code}' đã có trong danh mục phần tử dữ liệu."];
            else if (indicatorCodes.Contains(code)) errors["code"] = [$"Mã '{code}' đã là mã của một chỉ số; chọn mã khác."];
        }
        var nameVi = Text(errors, "nameVi", d.NameVi, 300, required: true);
        var nameEn = Text(errors, "nameEn", d.NameEn, 300, required: true);
        var unit = Text(errors, "unit", d.Unit, 32, required: true);
        return (new DataElementDraft(code, nameVi, nameEn, unit), errors);
    }

    public static Indicator ToIndicator(IndicatorDraft d, string origin) => new()
    {
        Code = d.Code!, NameVi = d.NameVi!, NameEn = d.NameEn!, Definition = d.Definition!, Unit = d.Unit!, Direction = d.Direction!,
        PeriodType = d.PeriodType!, Kind = d.Kind!, Numerator = d.Numerator, Denominator = d.Denominator, Factor = d.Factor,
        Rollup = d.Rollup!, RollupCondition = d.RollupCondition, Concept = d.Concept ?? d.Code!, Note = d.Note, Origin = origin,
    };

    /// <summary>A required or optional free text, trimmed; null when empty.</summary>
    public static string? Text(Dictionary<string, string[]> errors, string field, string? value, int max, bool required, string? missing = null)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (required) errors[field] = [missing ?? "Không được để trống."];
            return null;
        }
        if (v.Length > max) errors[field] = [$"Tối đa {max} ký tự."];
        return v;
    }

    private static string? Code(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (required) errors[field] = ["Không được để trống."];
            return null;
        }
        if (v.Length > CodeMax) errors[field] = [$"Tối đa {CodeMax} ký tự."];
        else if (!SnakeCase().IsMatch(v))
            errors[field] = ["Chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ internet_users_share)."];
        return v;
    }

    private static string? OneOf(Dictionary<string, string[]> errors, string field, string? value, string[] allowed, string message)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { errors[field] = ["Không được để trống."]; return null; }
        if (!allowed.Contains(v)) { errors[field] = [message]; return null; }
        return v;
    }

    private static string? Element(Dictionary<string, string[]> errors, string field, string? value, IReadOnlySet<string> elementCodes)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (!elementCodes.Contains(v))
        {
            errors[field] = [$"Không có phần tử dữ liệu mã '{v}'; thêm phần tử dữ liệu trước."];
            return null;
        }
        return v;
    }
}
