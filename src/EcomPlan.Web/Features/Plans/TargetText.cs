using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.Plans;

/// <summary>Words for target kinds and required values, as a Vietnamese reader writes them.</summary>
public static class TargetText
{
    public static string KindName(TargetKind kind) => kind switch
    {
        TargetKind.Floor => "Tối thiểu",
        TargetKind.Ceiling => "Tối đa",
        TargetKind.Range => "Khoảng",
        TargetKind.Growth => "Tăng trưởng hằng năm",
        TargetKind.Count => "Số lượng",
        TargetKind.Rank => "Thứ hạng",
        TargetKind.ShareOfShare => "Tỷ lệ trong tỷ lệ",
        TargetKind.Band => "Tối thiểu, có mức phấn đấu",
        TargetKind.Approximate => "Xấp xỉ",
        _ => "Định tính",
    };

    /// <summary>A value with its unit as Vietnamese documents write it: "60,82%", "20%/năm", "32 tỷ USD".</summary>
    public static string WithUnit(decimal value, string? unit) =>
        VietnameseText.FormatNumber(value) + unit switch { null or "" => "", "%" or "%/năm" => unit, _ => " " + unit };

    /// <summary>The requirement in words; a band of a lower-is-better indicator is a ceiling aiming lower.</summary>
    public static string Requirement(TargetKind kind, decimal? value, decimal? min, decimal? max, bool exclusive, string? unit,
        decimal? tolerance = null, bool lowerIsBetter = false)
    {
        string N(decimal? v) => v is { } d ? VietnameseText.FormatNumber(d) : "?";
        var u = unit switch { null => "", "%" or "%/năm" => unit, _ => " " + unit };
        return kind switch
        {
            TargetKind.Floor or TargetKind.Count or TargetKind.ShareOfShare => $"{(exclusive ? ">" : "≥")} {N(value)}{u}",
            TargetKind.Ceiling => $"{(exclusive ? "<" : "≤")} {N(value)}{u}",
            TargetKind.Range => $"{N(min)}–{N(max)}{u}",
            TargetKind.Growth when value is null => $"{N(min)}–{N(max)}{u}",
            TargetKind.Growth => $"{N(value)}{u}",
            TargetKind.Rank => $"Top {N(value)}",
            TargetKind.Band when lowerIsBetter => $"{(exclusive ? "<" : "≤")} {N(max)}{u}, phấn đấu {N(min)}{u}",
            TargetKind.Band => $"{(exclusive ? ">" : "≥")} {N(min)}{u}, phấn đấu {N(max)}{u}",
            TargetKind.Approximate => $"khoảng {N(value)}{u} (± {N(Indicators.ProgressMethod.ToleranceOf(value, tolerance))})",
            _ => "Định tính",
        };
    }
}
