using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>Agency names as a draft keeps them: trimmed, each once (folded), none longer than an agency's name can be. Pure.</summary>
public static class DraftNames
{
    public const int MaxLength = 300;

    public static IReadOnlyList<string> Clean(IEnumerable<string> names, List<string> doubts)
    {
        var kept = new List<string>();
        var seen = new HashSet<string>();
        foreach (var raw in names)
        {
            var name = ImportText.Squash(raw);
            if (name.Length == 0 || !seen.Add(VietnameseText.Fold(name))) continue;
            if (name.Length > MaxLength) { doubts.Add($"Tên cơ quan dài quá {MaxLength} ký tự, không giữ: “{name[..60]}…”."); continue; }
            kept.Add(name);
        }
        return kept;
    }
}
