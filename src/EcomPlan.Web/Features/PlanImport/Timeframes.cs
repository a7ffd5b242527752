using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>A task's timeframe: years when it gives them, and the document's own words.</summary>
public sealed record Timeframe(int? StartYear, int? EndYear, string Words);

/// <summary>Reads timeframe cells: "2026 - 2030", "2021 2025" (start and end columns), "Năm 2026", "Hằng năm", "Thường xuyên".</summary>
public static partial class Timeframes
{
    public static Timeframe? Parse(string cell)
    {
        var t = ImportText.Squash(cell).TrimEnd('.', ';');
        if (t.Length == 0 || t.Length > 60) return null;
        if (YearRange().Match(t) is { Success: true } r)
            return new Timeframe(int.Parse(r.Groups["a"].Value), int.Parse(r.Groups["b"].Value), r.Groups["sep"].Value.Trim().Length == 0 ? $"{r.Groups["a"].Value} - {r.Groups["b"].Value}" : t);
        if (OneYear().Match(t) is { Success: true } y)
            return new Timeframe(int.Parse(y.Groups["y"].Value), int.Parse(y.Groups["y"].Value), t);
        if (Words().IsMatch(t))
        {
            var years = YearAnywhere().Matches(t).Select(m => int.Parse(m.Value)).ToList();
            return new Timeframe(years.Count > 0 ? years.Min() : null, years.Count > 0 ? years.Max() : null, t);
        }
        return null;
    }

    /// <summary>Start and end years written at the end of a task's text ("… vừa và nhỏ. 2021 2025").</summary>
    public static (string Text, Timeframe? Time) SplitTrailing(string text)
    {
        var m = TrailingYears().Match(text);
        return m.Success ? (text[..m.Index].TrimEnd(), Parse(m.Value)) : (text, null);
    }

    [GeneratedRegex(@"^(?:(?:từ\s+)?năm\s+|giai đoạn\s+)?(?<a>(?:19|20)\d{2})(?<sep>\s*(?:-|–|—|đến)\s*|\s+)(?:năm\s+)?(?<b>(?:19|20)\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^(?:(?:trong\s+)?năm\s+|quý\s+[IV]+\s*/?\s*(?:năm\s+)?|tháng\s+\d{1,2}\s*/?\s*(?:năm\s+)?)?(?<y>(?:19|20)\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OneYear();

    [GeneratedRegex(@"^(?:hằng năm|hàng năm|thường xuyên|thường niên|định kỳ|liên tục|hằng quý|hàng quý|hằng tháng|giai đoạn|theo kế hoạch|năm\s+\d{4}\s*-)", RegexOptions.IgnoreCase)]
    private static partial Regex Words();

    [GeneratedRegex(@"(?:19|20)\d{2}")]
    private static partial Regex YearAnywhere();

    [GeneratedRegex(@"(?<=\S)\s+(?:19|20)\d{2}\s+(?:19|20)\d{2}\s*$")]
    private static partial Regex TrailingYears();
}
