using System.Text.RegularExpressions;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Splits a table cell naming agencies into names: at line breaks and ";", and at "," or "và" only where a new
/// agency begins ("Sở Công Thương, Ủy ban nhân dân xã, phường" is two names, "Ủy ban nhân dân các tỉnh, thành
/// phố trực thuộc trung ương" one). Names keep the document's wording, spacing normalised.
/// </summary>
public static partial class AgencyNames
{
    // First words of an agency's name (folded); "các" counts when a kind of body follows it.
    private static readonly string[] Heads =
    [
        "so", "bo", "ban", "uy ban", "ubnd", "thue", "cuc", "chi cuc", "tong cuc", "cong an", "ngan hang", "kho bac", "hai quan",
        "trung tam", "hiep hoi", "hoi", "phong", "vien", "truong", "bao", "dai", "van phong", "thanh tra", "quan ly thi truong",
        "lien minh", "tinh doan", "doan", "lien doan", "doanh nghiep", "chinh phu", "thu tuong", "vov", "vtv", "ttxvn",
        "thong tan xa", "buu dien", "hoc vien", "dai hoc", "toa an", "mat tran", "bo chi huy", "cang vu",
    ];

    private static readonly string[] CollectiveHeads =
    [
        "so", "bo", "ban", "nganh", "co quan", "don vi", "hiep hoi", "ngan hang", "to chuc", "doanh nghiep", "dia phuong", "xa",
        "tinh", "huyen", "truong", "co so", "san", "cong ty",
    ];

    public static IReadOnlyList<string> Split(string cell)
    {
        var names = new List<string>();
        foreach (var part in HardSeparators().Split(cell))
        {
            var segments = SoftSeparators().Split(part).Select(s => s.Trim()).ToList();
            var current = "";
            var joiners = SoftSeparators().Matches(part).Select(m => m.Value).ToList();
            for (var i = 0; i < segments.Count; i++)
            {
                var s = segments[i];
                if (s.Length == 0) continue;
                // "Báo và Đài Phát thanh …" is one name: a lone word before "và" is not an agency yet.
                var afterAnd = i > 0 && joiners[i - 1].Trim() == "và";
                if (current.Length > 0 && StartsAgency(s) && !(afterAnd && !current.Contains(' ')))
                {
                    names.Add(Tidy(current));
                    current = s;
                }
                else current = current.Length == 0 ? s : current + (i > 0 ? joiners[i - 1].TrimEnd() + " " : " ") + s;
            }
            if (current.Length > 0) names.Add(Tidy(current));
        }
        return names.Where(n => n.Length > 0 && !ImportText.IsPlaceholder(n)).ToList();
    }

    /// <summary>Whether the text opens like an agency's name ("Sở …", "Ủy ban nhân dân …", "Các sở, ngành …").</summary>
    public static bool LooksLikeAgency(string text)
    {
        var t = text.Trim();
        return t.Length > 0 && t.Length <= 200 && (char.IsUpper(t[0]) || t.StartsWith("các ", StringComparison.Ordinal)) && StartsAgency(t, caseSensitive: false);
    }

    private static bool StartsAgency(string segment, bool caseSensitive = true)
    {
        var fold = VietnameseText.Fold(segment);
        if (fold.StartsWith("cac ", StringComparison.Ordinal))
            return CollectiveHeads.Any(h => StartsWithWord(fold[4..], h));
        if (caseSensitive && !char.IsUpper(segment[0])) return false;
        return Heads.Any(h => StartsWithWord(fold, h));
    }

    private static bool StartsWithWord(string fold, string head) =>
        fold.StartsWith(head, StringComparison.Ordinal) && (fold.Length == head.Length || !char.IsLetterOrDigit(fold[head.Length]));

    private static string Tidy(string name) => ImportText.UpperFirst(ImportText.Squash(name).Trim(' ', ',', ';', '.'));

    [GeneratedRegex(@"\s*(?:\r?\n|;)\s*")]
    private static partial Regex HardSeparators();

    [GeneratedRegex(@",\s*|\s+và\s+")]
    private static partial Regex SoftSeparators();
}
