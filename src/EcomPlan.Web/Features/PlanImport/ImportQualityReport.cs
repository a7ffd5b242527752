using System.Globalization;
using System.Text;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>The quality figures as text: per document and in total, then every miss, expected against read.</summary>
public static class ImportQualityReport
{
    public static string Format(IReadOnlyList<PlanQuality> plans)
    {
        var sb = new StringBuilder();
        static string Pct(int n, int d) => d == 0 ? "–" : (100.0 * n / d).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        sb.AppendLine("Chất lượng đọc văn bản kế hoạch so với bản chép tay (SeedData/plans)");
        sb.AppendLine();
        sb.AppendLine($"{"kế hoạch",-22} {"văn bản",-24} {"chỉ tiêu đúng",16} {"chủ trì đúng",16} {"gợi ý chỉ số",14} {"thừa (ct/nv)",13}");
        foreach (var p in plans)
            sb.AppendLine($"{p.PlanId,-22} {p.Document,-24} {$"{p.TargetsExact}/{p.Targets.Count} {Pct(p.TargetsExact, p.Targets.Count)}",16} "
                + $"{$"{p.LeadsMatching}/{p.Tasks.Count} {Pct(p.LeadsMatching, p.Tasks.Count)}",16} {$"{p.IndicatorsSuggested}/{p.IndicatorsExpected}",14} {$"{p.ExtraTargets}/{p.ExtraTasks}",13}");
        var (te, tn) = (plans.Sum(p => p.TargetsExact), plans.Sum(p => p.Targets.Count));
        var (le, ln) = (plans.Sum(p => p.LeadsMatching), plans.Sum(p => p.Tasks.Count));
        var (ie, @in) = (plans.Sum(p => p.IndicatorsSuggested), plans.Sum(p => p.IndicatorsExpected));
        sb.AppendLine($"{"TỔNG",-22} {"",-24} {$"{te}/{tn} {Pct(te, tn)}",16} {$"{le}/{ln} {Pct(le, ln)}",16} {$"{ie}/{@in}",14}");
        sb.AppendLine();
        sb.AppendLine($"Mục tiêu: chỉ tiêu ≥ {ImportQuality.TargetGoal:P0}, chủ trì ≥ {ImportQuality.LeadGoal:P0}. Gợi ý chỉ số (đúng/có chỉ số) và số mục đọc thừa không có trong bản chép: để tham khảo.");
        foreach (var p in plans)
        {
            var misses = p.Targets.Where(t => !t.Exact).ToList();
            var leadMisses = p.Tasks.Where(t => !t.LeadMatches).ToList();
            var notes = p.Targets.Where(t => t.Exact && t.Note is not null).ToList();
            if (misses.Count + leadMisses.Count + notes.Count + p.Targets.Count(t => t.IndicatorMiss is not null) == 0) continue;
            sb.AppendLine();
            sb.AppendLine($"== {p.PlanId} ({p.Document})");
            foreach (var t in misses)
                sb.AppendLine($"  chỉ tiêu {t.Key} dòng {t.Line}: cần {t.Expected}; đọc được {t.Got ?? "(không tìm thấy)"} — {Short(t.Text)}");
            foreach (var t in leadMisses)
                sb.AppendLine($"  nhiệm vụ dòng {t.Line}: chủ trì cần [{string.Join("; ", t.ExpectedLead)}]; đọc được "
                    + (t.GotLead is null ? "(không tìm thấy nhiệm vụ)" : $"[{string.Join("; ", t.GotLead)}]") + $" — {Short(t.Text)}");
            foreach (var t in notes) sb.AppendLine($"  (ghi chú) chỉ tiêu {t.Key} dòng {t.Line}: {t.Note}");
            foreach (var t in p.Targets.Where(t => t.IndicatorMiss is not null))
                sb.AppendLine($"  (gợi ý) chỉ tiêu {t.Key} dòng {t.Line}: {t.IndicatorMiss}");
        }
        return sb.ToString();
    }

    private static string Short(string text) => text.Length <= 70 ? text : text[..67] + "…";
}
