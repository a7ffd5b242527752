using System.Globalization;

namespace EcomPlan.Web.Features.Indicators.Pages;

/// <summary>
/// What the indicator forms post (new indicator, proposal). Text as typed, the factor included, so a refused form
/// shows exactly what was entered; <see cref="ToDraft"/> turns it into the request the use cases check.
/// </summary>
public sealed class IndicatorForm
{
    public string? Code { get; set; }
    public string? NameVi { get; set; }
    public string? NameEn { get; set; }
    public string? Definition { get; set; }
    public string? Unit { get; set; }
    public string? Direction { get; set; } = "higher";
    public string? PeriodType { get; set; } = "year";
    public string? Kind { get; set; } = "ratio";
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public string? Factor { get; set; }
    public string? Rollup { get; set; } = "ratio_of_sums";
    public string? RollupCondition { get; set; }
    public string? Concept { get; set; }
    public string? Note { get; set; }

    /// <summary>The draft, or an error on the factor when it is not a number ("100", "0,5" and "0.5" are).</summary>
    public (IndicatorDraft Draft, Dictionary<string, string[]> Errors) ToDraft()
    {
        var errors = new Dictionary<string, string[]>();
        decimal? factor = null;
        if (!string.IsNullOrWhiteSpace(Factor))
        {
            if (decimal.TryParse(Factor.Trim().Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var f)
                && Math.Abs(f) <= Infrastructure.RequestValidation.MaxStoredNumber)
                factor = f;
            else errors["factor"] = ["Hệ số nhân phải là một số lớn hơn 0 (ví dụ 100)."];
        }
        return (new IndicatorDraft(Code, NameVi, NameEn, Definition, Unit, Direction, PeriodType, Kind, Numerator, Denominator, factor,
            Rollup, RollupCondition, Concept, Note), errors);
    }
}

/// <summary>Vietnamese labels of the catalogue's fixed values.</summary>
public static class CatalogueLabels
{
    public static string Direction(string d) => d switch { "lower" => "Càng thấp càng tốt", "two_sided" => "Nằm trong khoảng là tốt", _ => "Càng cao càng tốt" };

    public static string PeriodType(string p) => p == "half_year" ? "6 tháng" : "Năm";

    public static string Kind(string k) => k switch
    {
        "ratio" => "Tỷ lệ (tử số / mẫu số)",
        "growth" => "Tốc độ tăng",
        "amount" => "Giá trị (tiền)",
        "count" => "Số lượng",
        "rank" => "Thứ hạng",
        _ => k,
    };

    public static string Rollup(string r) => r switch
    {
        "sum" => "Cộng",
        "ratio_of_sums" => "Tỷ lệ của các tổng",
        "population_weighted_mean" => "Bình quân gia quyền theo dân số",
        "share_of_units_meeting" => "Tỷ lệ đơn vị đạt điều kiện",
        "recompute_growth" => "Tính lại tốc độ tăng từ tổng",
        "none" => "Không cộng lên cấp trên",
        _ => r,
    };

    public static string Status(ProposalStatus s) => s switch
    {
        ProposalStatus.Proposed => "Chờ Bộ quyết định",
        ProposalStatus.Accepted => "Đã chấp nhận",
        _ => "Đã từ chối",
    };

    public static string Origin(string o) => o switch
    {
        CatalogueOrigin.Ministry => "Bộ thêm",
        CatalogueOrigin.Proposal => "Từ đề xuất của tỉnh",
        _ => "Danh mục gốc",
    };
}
