using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>How a target phrase reads, before the importer decides how to store it.</summary>
public enum PhraseKind
{
    /// <summary>At least: "đạt 70%", "trên 95%" (exclusive).</summary>
    Floor,
    /// <summary>At most: "dưới 10%" (exclusive), "không quá 15%", "tối đa 45%".</summary>
    Ceiling,
    /// <summary>Inside a band where neither end is "better": "từ 8 đến 15%", "không quá 8-15% doanh thu".</summary>
    Range,
    /// <summary>Growth: "tăng 20–25%/năm", "tăng trưởng bình quân 25%/năm".</summary>
    Growth,
    /// <summary>An absolute number of things: "1.000.000 lượt", "hơn 15.000" (exclusive).</summary>
    Count,
    /// <summary>A rank: "nằm trong top 10".</summary>
    Rank,
    /// <summary>A share of a share: "…, trong đó … qua các tổ chức trung gian chiếm 80%".</summary>
    ShareOfShare,
    /// <summary>No number: "giảm dần …", "từng bước …".</summary>
    Qualitative,
    /// <summary>A band where higher is better: "65–70% doanh nghiệp": at least 65, aiming at 70.</summary>
    Band,
    /// <summary>"khoảng 30%": a value with a tolerance.</summary>
    Approximate,
}

public static class PhraseKinds
{
    /// <summary>The stored kind for a phrase kind: the model has one for each.</summary>
    public static TargetKind ToTargetKind(PhraseKind kind) => kind switch
    {
        PhraseKind.Floor => TargetKind.Floor,
        PhraseKind.Ceiling => TargetKind.Ceiling,
        PhraseKind.Range => TargetKind.Range,
        PhraseKind.Growth => TargetKind.Growth,
        PhraseKind.Count => TargetKind.Count,
        PhraseKind.Rank => TargetKind.Rank,
        PhraseKind.ShareOfShare => TargetKind.ShareOfShare,
        PhraseKind.Band => TargetKind.Band,
        PhraseKind.Approximate => TargetKind.Approximate,
        _ => TargetKind.Qualitative,
    };
}
