using System.Globalization;
using System.Text.RegularExpressions;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// A workbook cell's text as a value, or the Vietnamese reason it is not one. Number cells come as invariant text
/// ("60.82"); people also type "60,82" or "1.000.000" into text cells, and both are taken. Pure.
/// </summary>
public static partial class WorkbookCells
{
    public static string Quote(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";

    public static (decimal? Value, string? Error) Number(string raw)
    {
        if (raw.Length == 0) return (null, null);
        var text = raw.EndsWith('%') ? raw[..^1].TrimEnd() : raw;
        decimal? value = InvariantNumber().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x
            : ImportValues.ParseNumber(text, invariant: false);
        if (value is not { } v) return (null, $"'{Quote(raw)}' không phải là số (ví dụ 60,82 hoặc 60.82).");
        if (Math.Abs(v) > RequestValidation.MaxStoredNumber) return (null, "Số quá lớn: tối đa 14 chữ số phần nguyên.");
        // Values are stored with four decimals: a fifth would be lost without a word.
        if (decimal.Round(v, 4) != v) return (null, $"'{Quote(raw)}' có quá 4 chữ số thập phân.");
        return (v, null);
    }

    public static (int? Value, string? Error) Year(string raw)
    {
        if (raw.Length == 0) return (null, null);
        return Integer(raw) is { } y && y is >= 1900 and <= 2200 ? (y, null) : (null, $"Năm '{Quote(raw)}' không hợp lệ (ghi bốn chữ số, ví dụ 2027).");
    }

    /// <summary>A line of the source document, or an internal id: a whole number from 0.</summary>
    public static (int? Value, string? Error) Count(string raw, string what)
    {
        if (raw.Length == 0) return (null, null);
        return Integer(raw) is { } n && n >= 0 ? (n, null) : (null, $"{what} '{Quote(raw)}' phải là số nguyên không âm.");
    }

    /// <summary>dd/MM/yyyy as Vietnamese write dates, yyyy-MM-dd, or an Excel date (a day number in a number cell).</summary>
    public static (DateOnly? Value, string? Error) Date(string raw)
    {
        if (raw.Length == 0) return (null, null);
        string[] formats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy"];
        if (DateOnly.TryParseExact(raw, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return (date, null);
        // Excel keeps a typed date as the number of days since 1899-12-30, shown as a date only by the cell's format.
        if (Integer(raw) is { } serial && serial is > 0 and < 2_958_466)
            return (DateOnly.FromDateTime(DateTime.FromOADate(serial)), null);
        return (null, $"Ngày '{Quote(raw)}' không hợp lệ (ghi ngày/tháng/năm, ví dụ 12/09/2025).");
    }

    public static (bool Value, string? Error) Flag(string raw) => Fold(raw) switch
    {
        "" or "khong" or "0" or "false" or "no" or "sai" => (false, null),
        "co" or "x" or "1" or "true" or "yes" or "dung" => (true, null),
        _ => (false, $"'{Quote(raw)}' không phải 'có' hoặc 'không'."),
    };

    public static (TargetKind? Value, string? Error) Kind(string raw)
    {
        var folded = Fold(raw);
        if (folded.Length == 0) return (null, "Thiếu loại chỉ tiêu (xem trang “Giá trị cho phép”).");
        foreach (var (code, kind) in PlanFileReader.Kinds)
            if (folded == code || folded == Fold(TargetText.KindName(kind)) || folded == code.Replace('_', ' ')) return (kind, null);
        return (null, $"Loại chỉ tiêu '{Quote(raw)}' không có: dùng một loại của trang “Giá trị cho phép”, bằng tên (ví dụ 'Tối thiểu') hoặc mã (floor).");
    }

    public static readonly IReadOnlyList<(string Code, string Name, PlanLevel Level)> Levels =
        [("provincial", "Tỉnh", PlanLevel.Provincial), ("national", "Quốc gia", PlanLevel.National)];

    public static readonly IReadOnlyList<(string Code, string Name, PlanSourceKind Kind)> SourceKinds =
    [
        ("original", PlanDiff.SourceName(PlanSourceKind.Original), PlanSourceKind.Original),
        ("provisional", PlanDiff.SourceName(PlanSourceKind.Provisional), PlanSourceKind.Provisional),
        ("form_only", PlanDiff.SourceName(PlanSourceKind.FormOnly), PlanSourceKind.FormOnly),
    ];

    public static (PlanLevel? Value, string? Error) Level(string raw)
    {
        var folded = Fold(raw);
        if (folded is "tinh" or "cap tinh" or "tinh, thanh pho") return (PlanLevel.Provincial, null);
        var match = Levels.FirstOrDefault(l => folded == l.Code || folded == Fold(l.Name));
        return match.Code is null ? (null, $"Cấp '{Quote(raw)}' không có: ghi 'Tỉnh' hoặc 'Quốc gia'.") : (match.Level, null);
    }

    public static (PlanSourceKind Value, string? Error) SourceKind(string raw)
    {
        var folded = Fold(raw);
        // A template filled in by hand has no document behind it unless it says so.
        if (folded.Length == 0) return (PlanSourceKind.FormOnly, null);
        var match = SourceKinds.FirstOrDefault(s => folded == s.Code || folded == Fold(s.Name) || folded == s.Code.Replace('_', ' '));
        if (match.Code is not null) return (match.Kind, null);
        if (folded.StartsWith("nguon tam", StringComparison.Ordinal)) return (PlanSourceKind.Provisional, null);
        return (PlanSourceKind.FormOnly, $"Nguồn '{Quote(raw)}' không có: ghi 'Văn bản gốc', 'Nguồn tạm' hoặc 'Nhập trên biểu mẫu'.");
    }

    public static (string? Value, string? Error) AgencyKind(string raw)
    {
        var folded = Fold(raw);
        if (folded.Length == 0) return (null, null);
        foreach (var (code, name) in Agencies.AgencyKinds.Names)
            if (folded == code || folded == Fold(name) || folded == code.Replace('_', ' ')) return (code, null);
        return (null, $"Loại cơ quan '{Quote(raw)}' không có: dùng một loại của trang “Giá trị cho phép”.");
    }

    /// <summary>Agencies of one cell: separated by ';' or line breaks (names themselves hold commas).</summary>
    public static List<string> Names(string raw) =>
        raw.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>"82"; a province code that Excel stored as the number 1 comes back as "01".</summary>
    public static string ProvinceCode(string raw) => raw.Length == 1 && char.IsAsciiDigit(raw[0]) ? "0" + raw : raw;

    public static string Fold(string? text) => VietnameseText.Fold(text);

    /// <summary>An invariant number for a number cell; written without exponent or trailing zeros.</summary>
    public static string Invariant(decimal? value) => value is { } v ? v.ToString("0.############################", CultureInfo.InvariantCulture) : "";

    public static string Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static int? Integer(string raw)
    {
        // A number cell may hold 2027 as "2027.0" or "2.027E3"; anything but a whole number is refused.
        if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && Math.Abs(d) < int.MaxValue
            ? (int)d : null;
    }

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?\z")]
    private static partial Regex InvariantNumber();
}
