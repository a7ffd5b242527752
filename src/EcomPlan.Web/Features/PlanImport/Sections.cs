using System.Text.RegularExpressions;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>A titled part of the body: its heading paragraph and the paragraphs under it.</summary>
public sealed record Section(Paragraph Heading, IReadOnlyList<Paragraph> Content);

/// <summary>Finds the body's sections by their headings ("Quan điểm", "Mục tiêu cụ thể", "Đánh giá kết quả …").</summary>
public static partial class Sections
{
    /// <summary>
    /// The first section whose heading matches: it runs until a heading numbered at its own depth or higher
    /// ("2.2." ends at "3.", "II." at "III." or "C."), or an article ("Điều 2."). An unnumbered heading runs until
    /// the next heading that opens tasks, funding or organisation.
    /// </summary>
    public static Section? Find(IReadOnlyList<Paragraph> paragraphs, Regex heading)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.Text.Length > 160 || !heading.IsMatch(VietnameseText.Fold(p.Body))) continue;
            var end = i + 1;
            while (end < paragraphs.Count && !Ends(p, paragraphs[end])) end++;
            return new Section(p, paragraphs.Skip(i + 1).Take(end - i - 1).ToList());
        }
        return null;
    }

    private static bool Ends(Paragraph heading, Paragraph next)
    {
        if (Article().IsMatch(next.Text)) return true;
        if (heading.Marker is { Rank: <= OutlineMarker.Arabic + 3 } hm) return next.Rank <= hm.Rank;
        return next.Rank <= OutlineMarker.Arabic + 1 && NextTopic().IsMatch(VietnameseText.Fold(next.Body)) && next.Text.Length < 160;
    }

    /// <summary>Years of "giai đoạn 2021 - 2025" in a text.</summary>
    public static (int? Start, int? End) Period(string text)
    {
        var m = PeriodPattern().Match(text);
        return m.Success ? (int.Parse(m.Groups["a"].Value), int.Parse(m.Groups["b"].Value)) : (null, null);
    }

    [GeneratedRegex(@"^Điều\s+\d+")]
    private static partial Regex Article();

    [GeneratedRegex(@"^(nhiem vu|giai phap|cac nhom giai phap|noi dung|to chuc thuc hien|kinh phi|nguon kinh phi|chuong trinh|che do bao cao)")]
    private static partial Regex NextTopic();

    [GeneratedRegex(@"giai đoạn\s*(?<a>(?:19|20)\d{2})\s*[-–—]?\s*(?<b>(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPattern();
}
