using System.Globalization;
using System.Text.RegularExpressions;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// Bulk import of indicator values from CSV or XLSX. Everything is checked before anything is written; a file
/// with any error writes nothing and returns every error with its row and column. Values far from the unit's
/// previous value are flagged and written only once the importer confirms them.
/// </summary>
public static partial class ImportValues
{
    public static readonly string[] Columns = ["ma_chi_so", "ma_don_vi", "ky", "gia_tri", "tu_so", "mau_so", "nguon", "ghi_chu"];
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 200_000;

    public sealed record Problem(int Row, string Column, string Message);

    public sealed record Report(int Rows, int Written, int Unchanged, int Approved, int Submitted, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings)
    {
        public int Drafts { get; init; }

        public bool NeedsConfirmation => Errors.Count == 0 && Warnings.Count > 0 && Written == 0;
    }

    private sealed record Row(int Number, string Code, string Unit, string Period, int Year, decimal Value, string Source, string? Note);

    public static async Task<Report> HandleAsync(EcomPlanDbContext db, AccessScope scope, Stream file, string fileName, long length,
        bool confirmOutliers, TimeProvider clock, CancellationToken ct, IProgress<(string Phase, int Done, int Total)>? progress = null, bool asDraft = false)
    {
        Report Fail(params Problem[] problems) => new(0, 0, 0, 0, 0, problems, []);
        if (!scope.IsSignedIn) return Fail(new Problem(0, "", "Cần đăng nhập để nhập số liệu."));
        if (length > MaxBytes) return Fail(new Problem(0, "", $"Tệp quá lớn ({length / 1024 / 1024} MB); tối đa {MaxBytes / 1024 / 1024} MB."));
        List<string[]> table;
        string hash;
        try
        {
            // The audit names the exact file by its hash; uploads and kept files are seekable, anything else is buffered once.
            if (!file.CanSeek)
            {
                var copy = new MemoryStream();
                await file.CopyToAsync(copy, ct);
                file = copy;
            }
            var start = file.Position;
            hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file, ct));
            file.Position = start;
            table = Spreadsheet.Read(file, fileName);
        }
        catch (FormatException e)
        {
            return Fail(new Problem(0, "", e.Message));
        }
        return await HandleTableAsync(db, scope, table, Spreadsheet.IsXlsx(fileName), confirmOutliers, clock, ct, new ImportSource(fileName, hash), progress);
    }

    public sealed record JsonRow(string? Indicator, string? Unit, string? Period, decimal? Value, decimal? Numerator, decimal? Denominator, string? Source, string? Note);

    /// <summary>Rows to enter; with Draft they are saved as drafts (nháp): kept, not submitted, not used, and sending them again without Draft submits them.</summary>
    public sealed record JsonRequest(IReadOnlyList<JsonRow>? Rows, bool ConfirmOutliers, bool Draft = false);

    /// <summary>The same checks for machine clients posting JSON: row 2 is the first row, as in a file with its header.</summary>
    public static Task<Report> HandleJsonAsync(EcomPlanDbContext db, AccessScope scope, JsonRequest request, TimeProvider clock, CancellationToken ct)
    {
        if (!scope.IsSignedIn) return Task.FromResult(new Report(0, 0, 0, 0, 0, [new Problem(0, "", "Cần đăng nhập để nhập số liệu.")], []));
        if (request.Rows is not { Count: > 0 } rows) return Task.FromResult(new Report(0, 0, 0, 0, 0, [new Problem(0, "rows", "Không có dòng số liệu nào (rows).")], []));
        if (rows.Count > MaxRows) return Task.FromResult(new Report(0, 0, 0, 0, 0, [new Problem(0, "rows", $"Tối đa {MaxRows} dòng một lần.")], []));
        static string N(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        var table = new List<string[]> { Columns };
        table.AddRange(rows.Select(r => new[] { r.Indicator ?? "", r.Unit ?? "", r.Period ?? "", N(r.Value), N(r.Numerator), N(r.Denominator), r.Source ?? "", r.Note ?? "" }));
        return HandleTableAsync(db, scope, table, invariantNumbers: true, request.ConfirmOutliers, clock, ct, ImportSource.Of(table), asDraft: request.Draft);
    }

    private static async Task<Report> HandleTableAsync(EcomPlanDbContext db, AccessScope scope, List<string[]> table, bool invariantNumbers,
        bool confirmOutliers, TimeProvider clock, CancellationToken ct, ImportSource file, IProgress<(string Phase, int Done, int Total)>? progress = null, bool asDraft = false)
    {
        Report Fail(params Problem[] problems) => new(0, 0, 0, 0, 0, problems, []);
        if (table.Count == 0) return Fail(new Problem(1, "", "Tệp rỗng."));
        var header = table[0].Select(HeaderName).ToArray();
        var missing = new[] { "ma_chi_so", "ma_don_vi", "ky", "nguon" }.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0 || (!header.Contains("gia_tri") && !(header.Contains("tu_so") && header.Contains("mau_so"))))
            return Fail(new Problem(1, string.Join(", ", missing), $"Dòng tiêu đề phải có các cột: {string.Join(", ", Columns)} (gia_tri hoặc tu_so và mau_so)."));
        if (table.Count - 1 > MaxRows) return Fail(new Problem(0, "", $"Tệp có {table.Count - 1} dòng; tối đa {MaxRows} dòng một lần."));
        int Col(string name) => Array.IndexOf(header, name);

        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        var provinces = (await db.Provinces.AsNoTracking().Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        var communes = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.ProvinceCode, ct);
        var permissions = await ValuePermissions.ForAsync(db, scope, ct);
        var xlsx = invariantNumbers;

        var errors = new List<Problem>();
        var rows = new List<Row>();
        var seen = new Dictionary<(string, string, string), int>();
        for (var r = 1; r < table.Count; r++)
        {
            if (r % 2000 == 0) progress?.Report(("Đang kiểm tra", r, table.Count - 1));
            var cells = table[r];
            string Cell(string name) => Col(name) is var i and >= 0 && i < cells.Length ? cells[i].Trim() : "";
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var number = r + 1;
            var before = errors.Count;
            void Error(string column, string message) => errors.Add(new Problem(number, column, message));

            var code = Cell("ma_chi_so");
            if (!indicators.TryGetValue(code, out var indicator)) Error("ma_chi_so", $"Không có chỉ số mã '{code}' trong danh mục.");
            var unit = Cell("ma_don_vi");
            string? province = unit == "VN" ? null : provinces.Contains(unit) ? unit : communes.GetValueOrDefault(unit);
            var unitKnown = unit == "VN" || provinces.Contains(unit) || communes.ContainsKey(unit);
            if (!unitKnown) Error("ma_don_vi", $"Không có đơn vị hành chính mã '{unit}' (dùng VN, mã tỉnh 2 chữ số hoặc mã xã 5 chữ số).");
            else if (indicator is not null && !permissions.MayWrite(unit, province, code))
                Error("ma_don_vi", $"Đơn vị '{unit}' hoặc chỉ số '{code}' nằm ngoài phạm vi nhập số liệu của bạn.");

            var period = Cell("ky");
            var year = 0;
            if (!PeriodPattern().IsMatch(period) || !int.TryParse(period[..4], out year) || year is < 2000 or > 2100)
                Error("ky", $"Kỳ '{period}' không đúng dạng: dùng năm (2025) hoặc nửa năm (2025-H1).");
            else if (indicator is not null && period.Length > 4 && indicator.PeriodType == "year")
                Error("ky", $"Chỉ số '{code}' tính theo năm: kỳ phải là năm (2025), không phải '{period}'.");

            decimal? value = null;
            var rawValue = Cell("gia_tri");
            if (rawValue.Length > 0)
            {
                if (ParseNumber(rawValue, xlsx) is { } v)
                {
                    if (Fits(v)) value = v;
                    else Error("gia_tri", TooLarge);
                }
                else Error("gia_tri", $"Giá trị '{Quote(rawValue)}' không phải là số (dùng dấu phẩy cho phần thập phân, ví dụ 60,82).");
            }
            var rawNum = Cell("tu_so");
            var rawDen = Cell("mau_so");
            if (rawNum.Length > 0 || rawDen.Length > 0)
            {
                var num = ParseNumber(rawNum, xlsx);
                var den = ParseNumber(rawDen, xlsx);
                if (num is null) Error("tu_so", $"Tử số '{Quote(rawNum)}' không phải là số.");
                else if (!Fits(num.Value)) { Error("tu_so", TooLarge); num = null; }
                if (den is null) Error("mau_so", $"Mẫu số '{Quote(rawDen)}' không phải là số.");
                else if (!Fits(den.Value)) { Error("mau_so", TooLarge); den = null; }
                if (indicator is not null && indicator.Kind != "ratio") Error("tu_so", $"Chỉ số '{code}' không phải là tỷ lệ: không nhập tử số, mẫu số.");
                else if (num is { } n && den is { } d)
                {
                    if (d <= 0) Error("mau_so", "Mẫu số phải lớn hơn 0.");
                    else if (d < n) Error("mau_so", $"Mẫu số ({Show(d)}) nhỏ hơn tử số ({Show(n)}).");
                    else
                    {
                        var computed = Math.Round(n / d * (indicator?.Factor ?? 100), 4);
                        if (value is { } given && Math.Abs(given - computed) > 0.01m)
                            Error("gia_tri", $"Giá trị {Show(given)} không khớp tử số ÷ mẫu số = {Show(computed)}.");
                        value ??= computed;
                    }
                }
            }
            else if (rawValue.Length == 0) Error("gia_tri", "Thiếu giá trị (gia_tri, hoặc tu_so và mau_so).");

            if (value is { } val && indicator is not null)
            {
                if (indicator.Unit == "%" && (val < 0 || val > 100)) Error("gia_tri", $"Tỷ lệ {Show(val)}% nằm ngoài khoảng 0–100.");
                else if (indicator.Unit == "%/năm" && val <= -100) Error("gia_tri", $"Tốc độ tăng {Show(val)}%/năm không thể nhỏ hơn hoặc bằng −100.");
                else if (indicator.Unit is not ("%" or "%/năm") && val < 0) Error("gia_tri", $"Giá trị {Show(val)} không được âm.");
            }
            var source = Cell("nguon");
            if (source.Length == 0) Error("nguon", "Thiếu nguồn số liệu (ví dụ: Sách trắng TMĐT 2025, báo cáo của Sở…).");
            else if (source.Length > 300) Error("nguon", "Nguồn dài quá 300 ký tự.");
            var note = Cell("ghi_chu");
            if (note.Length > 1000) Error("ghi_chu", "Ghi chú dài quá 1000 ký tự.");

            if (errors.Count == before && value is { } ok)
            {
                if (seen.TryGetValue((code, unit, period), out var first))
                    Error("ky", $"Trùng với dòng {first}: cùng chỉ số, đơn vị và kỳ.");
                else
                {
                    seen[(code, unit, period)] = number;
                    rows.Add(new Row(number, code, unit, period, year, ok, source, note.Length == 0 ? null : note));
                }
            }
            if (errors.Count >= 1000) { errors.Add(new Problem(number, "", "Quá nhiều lỗi; dừng kiểm tra ở dòng này.")); break; }
        }
        if (errors.Count > 0) return new(table.Count - 1, 0, 0, 0, 0, errors, []);

        return await CheckAndWriteAsync(db, scope, rows, permissions, provinces, communes, confirmOutliers, clock, ct, file, progress, asDraft);
    }

    /// <summary>A header cell as a column name: "ma_chi_so *" (the template's mark of a required column) reads "ma_chi_so".</summary>
    public static string HeaderName(string cell) => cell.Trim().TrimStart('\uFEFF').TrimEnd('*').Trim().ToLowerInvariant();

    private static int Level(string unit) => unit == "VN" ? 0 : unit.Length == 2 ? 1 : 2;

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Far from last year's value: more than half again, or less than half of it.</summary>
    public static bool Outlier(decimal previous, decimal value) =>
        previous != 0 && (value > previous * 1.5m || value < previous * 0.5m) && Math.Abs(value - previous) > 1;

    /// <summary>
    /// A number as Vietnamese write it (60,82; 1.000.000) or, from an XLSX number cell, invariant. A lone dot
    /// followed by three digits ("100.125") could be either, and is refused rather than guessed.
    /// </summary>
    public static decimal? ParseNumber(string raw, bool invariant)
    {
        raw = raw.Trim().Replace(" ", "").Replace("\u00A0", "");
        if (raw.Length == 0) return null;
        if (invariant) return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null;
        if (raw.Contains(','))
            return decimal.TryParse(raw.Replace(".", "").Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var vi) && ViPattern().IsMatch(raw) ? vi : null;
        if (ThousandsPattern().IsMatch(raw) && raw.Count(c => c == '.') >= 2)
            return decimal.Parse(raw.Replace(".", ""), CultureInfo.InvariantCulture);
        if (AmbiguousPattern().IsMatch(raw)) return null;
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }

    private static string Show(decimal v) => VietnameseText.FormatNumber(v);

    /// <summary>Values are stored as numeric(18,4) on both databases: at most 14 digits before the decimal point.</summary>
    private static bool Fits(decimal v) => Math.Abs(v) <= RequestValidation.MaxStoredNumber;

    private const string TooLarge = "Số quá lớn: tối đa 14 chữ số phần nguyên.";

    /// <summary>A cell as the error message repeats it: short, so a message never carries a file's bulk back.</summary>
    private static string Quote(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";

    [GeneratedRegex(@"^\d{4}(-H[12])?$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$")]
    private static partial Regex ViPattern();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$")]
    private static partial Regex ThousandsPattern();

    [GeneratedRegex(@"^-?\d{1,3}\.\d{3}$")]
    private static partial Regex AmbiguousPattern();
}
