using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>A problem of one field, in Vietnamese, for the form, the API and the import report alike.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// What a target's numbers must look like for its kind. Pure: used by the forms, the API, the spreadsheet and text
/// imports and the plan files, so all of them refuse the same things in the same words.
/// </summary>
public static class TargetRules
{
    /// <summary>Kinds whose requirement is a single value.</summary>
    public static bool NeedsValue(TargetKind kind) => kind is TargetKind.Floor or TargetKind.Ceiling or TargetKind.Count or TargetKind.Rank
        or TargetKind.ShareOfShare or TargetKind.Approximate;

    /// <summary>Every problem of a target's requirement. indicatorDirection: "higher", "lower" or "two_sided" when known, else null.</summary>
    public static List<FieldProblem> Check(TargetKind kind, decimal? value, decimal? min, decimal? max, decimal? tolerance, string? unit,
        string? indicator, string? indicatorDirection, int? deadlineYear, int periodStart, int periodEnd, string? of = null)
    {
        var problems = new List<FieldProblem>();
        void Add(string field, string message) => problems.Add(new FieldProblem(field, message));
        var hasBand = min is not null || max is not null;
        switch (kind)
        {
            case var k when NeedsValue(k) && value is null:
                Add("value", $"Chỉ tiêu loại '{TargetText.KindName(kind)}' cần một giá trị.");
                break;
            case TargetKind.Range or TargetKind.Band when min is null || max is null:
                Add(min is null ? "min" : "max", $"Chỉ tiêu loại '{TargetText.KindName(kind)}' cần cả giá trị thấp nhất và cao nhất.");
                break;
            case TargetKind.Growth when value is null && (min is null || max is null):
                Add("value", "Chỉ tiêu tăng trưởng cần một mức (ví dụ 25%/năm) hoặc một khoảng (20–25%/năm).");
                break;
            case TargetKind.Qualitative when value is not null || hasBand:
                Add("value", "Chỉ tiêu định tính không có giá trị số.");
                break;
        }
        if (NeedsValue(kind) && hasBand) Add("min", $"Chỉ tiêu loại '{TargetText.KindName(kind)}' chỉ có một giá trị, không có khoảng.");
        if (min is { } lo && max is { } hi && lo > hi) Add("min", $"Giá trị thấp nhất ({lo:0.##}) lớn hơn giá trị cao nhất ({hi:0.##}).");
        if (tolerance is not null && kind != TargetKind.Approximate) Add("tolerance", "Chỉ chỉ tiêu xấp xỉ (khoảng …) mới có sai số cho phép.");
        if (tolerance is < 0) Add("tolerance", "Sai số cho phép không được âm.");
        if (unit == "%" && kind is not (TargetKind.Growth) && new[] { value, min, max }.Any(v => v is < 0 or > 100))
            Add(value is < 0 or > 100 ? "value" : "max", "Tỷ lệ phần trăm phải từ 0 đến 100.");
        if (kind == TargetKind.Rank && value is { } rank && (rank < 1 || rank != Math.Floor(rank))) Add("value", "Thứ hạng là số nguyên từ 1.");
        if (kind == TargetKind.Count && value is < 0) Add("value", "Số lượng không được âm.");
        if (kind == TargetKind.ShareOfShare && string.IsNullOrWhiteSpace(of)) Add("of", "Chỉ tiêu tỷ lệ trong tỷ lệ cần ghi tỷ lệ đó tính trên gì.");
        if (kind != TargetKind.Qualitative && string.IsNullOrWhiteSpace(indicator)) Add("indicator", "Chỉ tiêu định lượng phải gắn với một chỉ số của danh mục.");
        // A two-sided range (outside it on either side is a miss) only for an indicator measured that way.
        if (kind == TargetKind.Range && indicatorDirection is "higher" or "lower")
            Add("kind", $"Chỉ số '{indicator}' có một chiều ({(indicatorDirection == "higher" ? "càng cao càng tốt" : "càng thấp càng tốt")}): dùng loại 'Tối thiểu, có mức phấn đấu' thay cho khoảng hai phía.");
        if (deadlineYear is { } y && (y < periodStart || y > periodEnd + 5))
            Add("deadlineYear", $"Thời hạn {y} nằm ngoài kỳ kế hoạch {periodStart}–{periodEnd}.");
        return problems;
    }
}
