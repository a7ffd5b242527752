using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>A problem of an uploaded workbook, where a person finds it: sheet, row (1 = the header row; 0 = the whole sheet or file) and column header.</summary>
public sealed record WorkbookProblem(string Sheet, int Row, string Column, string Message);

/// <summary>What the allowed-values sheet lists and the agencies sheet needs: the catalogue, the provinces, agencies' kinds by folded name.</summary>
public sealed record WorkbookCatalogue(
    IReadOnlyList<(string Code, string Name, string Unit)> Indicators,
    IReadOnlyList<(string Code, string Name)> Provinces,
    IReadOnlyDictionary<string, string> AgencyKinds)
{
    public static readonly WorkbookCatalogue Empty = new([], [], new Dictionary<string, string>());
}

/// <summary>One column of a sheet: its Vietnamese header, the content field it holds, whether it is always text, its width.</summary>
public sealed record WorkbookColumn(string Header, string Field, bool Text, double Width);

/// <summary>
/// A plan as an Excel workbook: the template people fill in, the export of every plan, and its import. The sheets
/// and headers are Vietnamese; an exported plan read back is the same content with the same ids, so a plan can be
/// exported, edited in Excel and imported again over itself. Pure: no database.
/// </summary>
public static class PlanWorkbook
{
    public const string PlanSheet = "Kế hoạch";
    public const string TargetSheet = "Chỉ tiêu";
    public const string TaskSheet = "Nhiệm vụ";
    public const string AgencySheet = "Cơ quan";
    public const string ReferenceSheet = "Đối chiếu";
    public const string AllowedSheet = "Giá trị cho phép";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A plan is a few hundred rows; the bound keeps a hostile file's cost small.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The plan sheet is field/value pairs: these labels, in this order; statements repeat their label, one row each.</summary>
    public static readonly IReadOnlyList<(string Label, string Field)> PlanFields =
    [
        ("Tên kế hoạch", "title"), ("Cấp", "level"), ("Mã tỉnh", "provinceCode"), ("Giai đoạn từ", "periodStart"), ("Giai đoạn đến", "periodEnd"),
        ("Số văn bản", "documentNumber"), ("Ngày văn bản", "documentDate"), ("Cơ quan ban hành", "issuingBody"), ("Nguồn", "sourceKind"),
        ("Ghi chú nguồn", "sourceNote"), ("Kế hoạch quốc gia", "nationalPlanId"), ("Ghi chú", "note"),
        ("Quan điểm", "viewpoint"), ("Mục tiêu tổng quát", "objective"),
    ];

    public static readonly IReadOnlyList<WorkbookColumn> PlanColumns =
        [new("Mục", "label", true, 22), new("Giá trị", "value", true, 90), new("Dòng", "line", false, 7)];

    // Codes, keys and numbers ("01", "1.10") are text columns: a number cell would turn them into 1 and 1.1.
    public static readonly IReadOnlyList<WorkbookColumn> TargetColumns =
    [
        new("Nhóm", "group", true, 8), new("Tên nhóm", "groupTitle", true, 30), new("Mã", "key", true, 9), new("Nội dung", "text", true, 60),
        new("Chỉ số", "indicator", true, 28), new("Loại", "kind", true, 16), new("Giá trị", "value", false, 10), new("Thấp nhất", "min", false, 10),
        new("Cao nhất", "max", false, 10), new("Ngưỡng chặt", "exclusive", true, 11), new("Sai số", "tolerance", false, 8), new("Đơn vị", "unit", true, 10),
        new("Tính trên", "of", true, 20), new("Thời hạn", "deadlineYear", false, 9), new("Đơn vị theo dõi", "monitoringAgencies", true, 30),
        new("Nguồn", "source", true, 18), new("Dòng", "line", false, 7), new("Năm cơ sở", "baselineYear", false, 9),
        new("Giá trị cơ sở", "baselineValue", false, 10), new("Dòng cơ sở", "baselineLine", false, 9), new("Năm kết quả", "resultYear", false, 9),
        new("Giá trị kết quả", "resultValue", false, 10), new("Kết quả (chữ)", "resultText", true, 30), new("Dòng kết quả", "resultLine", false, 9),
        new("Mã nội bộ", "id", false, 9),
    ];

    public static readonly IReadOnlyList<WorkbookColumn> TaskColumns =
    [
        new("Nhóm", "group", true, 8), new("Tên nhóm", "groupTitle", true, 30), new("Nguồn nhóm", "groupSource", true, 16), new("Số TT", "number", true, 7),
        new("Nội dung", "text", true, 70), new("Chủ trì", "lead", true, 30), new("Phối hợp", "coordinating", true, 30),
        new("Năm bắt đầu", "startYear", false, 10), new("Năm kết thúc", "endYear", false, 10), new("Thời gian (chữ)", "timeframe", true, 18),
        new("Nguồn", "source", true, 18), new("Dòng", "line", false, 7), new("Mã nội bộ", "id", false, 9),
    ];

    public static readonly IReadOnlyList<WorkbookColumn> AgencyColumns = [new("Tên", "name", true, 50), new("Loại", "kind", true, 24)];

    public static readonly IReadOnlyList<WorkbookColumn> ReferenceColumns =
    [
        new("Mã chỉ tiêu", "key", true, 10), new("Quan hệ", "relation", true, 12), new("Nguồn", "source", true, 24), new("Dòng", "line", false, 7),
        new("Nội dung", "text", true, 60), new("Giá trị", "value", false, 10), new("Thấp nhất", "min", false, 10), new("Cao nhất", "max", false, 10),
    ];

    public static readonly IReadOnlyList<WorkbookColumn> AllowedColumns =
        [new("Danh mục", "list", true, 18), new("Mã", "code", true, 34), new("Tên", "name", true, 60), new("Ghi chú", "note", true, 20)];

    /// <summary>The workbook of a plan, or the empty template when <paramref name="content"/> is null.</summary>
    public static byte[] Write(PlanContent? content, WorkbookCatalogue catalogue) => PlanWorkbookWriter.Write(content, catalogue);

    /// <summary>
    /// The content a workbook holds, with every problem found reading it. The content is null only when the file
    /// cannot be read or its plan sheet does not say which plan it is (level, province, period).
    /// </summary>
    public static WorkbookRead Read(Stream stream, string fileName) => PlanWorkbookReader.Read(stream, fileName);

    internal static string HeaderOf(IReadOnlyList<WorkbookColumn> columns, string field) => columns.First(c => c.Field == field).Header;

    internal static string FileNameOf(string planId) => $"ke-hoach-{planId}.xlsx";

    internal static string Fold(string? text) => VietnameseText.Fold(text);
}
