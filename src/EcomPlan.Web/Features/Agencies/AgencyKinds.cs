using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.Agencies;

/// <summary>The kinds of agency (docs/plan-data-format.md) and a guess from a name, for agencies created by an import.</summary>
public static class AgencyKinds
{
    /// <summary>Every kind of the plan data format, with its Vietnamese name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names =
        Seeding.PlanFileReader.AgencyKinds.OrderBy(k => k, StringComparer.Ordinal).ToDictionary(k => k, AgencyQueries.KindName);

    /// <summary>The kind a name most likely has ("Sở Tài chính" → department); "other" when nothing says.</summary>
    public static string Guess(string name)
    {
        var f = VietnameseText.Fold(name);
        bool Starts(params string[] prefixes) => prefixes.Any(p => f.StartsWith(p, StringComparison.Ordinal));
        if (Starts("cac ", "nhung ")) return "collective";
        if (Starts("uy ban nhan dan", "ubnd")) return "people_committee";
        if (Starts("so ", "ban ", "van phong ")) return "department";
        if (f.Contains("thue", StringComparison.Ordinal)) return "tax";
        if (f.Contains("hai quan", StringComparison.Ordinal)) return "customs";
        if (f.Contains("cong an", StringComparison.Ordinal)) return "police";
        if (f.Contains("ngan hang nha nuoc", StringComparison.Ordinal)) return "state_bank";
        if (f.Contains("thong ke", StringComparison.Ordinal)) return "statistics";
        if (Starts("hiep hoi", "hoi ")) return "association";
        if (Starts("bo ")) return "ministry";
        if (Starts("chinh phu", "thu tuong")) return "government";
        if (Starts("truong ", "dai hoc", "hoc vien")) return "education";
        if (Starts("bao ", "dai phat thanh", "dai truyen hinh")) return "media";
        if (Starts("cong ty", "tap doan", "doanh nghiep")) return "enterprise";
        return "other";
    }
}
