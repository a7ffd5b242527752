using System.Text.RegularExpressions;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Number, date, issuing body, period and title of a decision or plan. The heading block comes first ("Số:
/// 953/QĐ-UBND", "Khánh Hòa, ngày 23 tháng 3 năm 2026", "ỦY BAN NHÂN DÂN / TỈNH KHÁNH HÒA"); an annex's "(Kèm
/// theo Quyết định số 645/QĐ-TTg ngày 15 tháng 5 năm 2020 của Thủ tướng Chính phủ)" fills what it lacks.
/// "Căn cứ …" lines cite other documents and are never read for these.
/// </summary>
public static partial class MetadataReader
{
    private const int HeadLines = 40;

    public static PlanMetadata Read(IReadOnlyList<string> lines)
    {
        var head = lines.Take(HeadLines).Select(l => ImportText.Squash(l)).Where(l => l.Length > 0 && !Cites(l)).ToList();
        var attached = lines.Select(l => ImportText.Squash(l)).FirstOrDefault(l => AttachedTo().IsMatch(l));

        var number = head.Select(l => NumberLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups["n"].Value;
        var date = head.Select(l => PlaceDate().Match(l)).Where(m => m.Success).Select(Date).FirstOrDefault(d => d is not null);
        if (attached is not null && AttachedTo().Match(attached) is { Success: true } a)
        {
            number ??= a.Groups["n"].Value;
            date ??= Date(DateAnywhere().Match(attached));
        }
        // A press summary: "Ngày 10/10/2025, UBND tỉnh … ban hành kế hoạch …".
        date ??= head.Where(l => l.Contains("ban hành", StringComparison.OrdinalIgnoreCase)).Select(l => Date(DateAnywhere().Match(l))).FirstOrDefault(d => d is not null);
        var (start, end) = head.Select(Sections.Period).FirstOrDefault(p => p.Start is not null);
        return new PlanMetadata(number, date, IssuingBody(lines, head, attached), start, end, Title(head));
    }

    private static bool Cites(string line) => line.StartsWith("Căn cứ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Theo đề nghị", StringComparison.OrdinalIgnoreCase);

    private static DateOnly? Date(Match m)
    {
        if (!m.Success) return null;
        var day = int.Parse(m.Groups["d"].Value);
        var month = int.Parse(m.Groups["m"].Value);
        var year = int.Parse(m.Groups["y"].Value);
        return day is >= 1 and <= 31 && month is >= 1 and <= 12 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static string? IssuingBody(IReadOnlyList<string> lines, List<string> head, string? attached)
    {
        for (var i = 0; i < head.Count; i++)
        {
            var fold = VietnameseText.Fold(head[i]);
            if (fold == "uy ban nhan dan" && i + 1 < head.Count && ProvinceLine().Match(head[i + 1]) is { Success: true } p)
                return "Ủy ban nhân dân " + p.Groups["kind"].Value.ToLower(ImportText.VietnameseCulture) + " " + TitleCase(p.Groups["name"].Value);
            if (fold == "thu tuong chinh phu") return "Thủ tướng Chính phủ";
            if (fold.StartsWith("bo truong bo ", StringComparison.Ordinal) || (fold.StartsWith("bo ", StringComparison.Ordinal) && head[i] == head[i].ToUpperInvariant() && fold.Length < 40))
                return TitleCase(head[i]);
        }
        // "Căn cứ …, Ủy ban nhân dân tỉnh Đồng Tháp ban hành Kế hoạch …": the issuer named in a citing sentence.
        var body = lines.Take(HeadLines).Select(l => IssuedBy().Match(ImportText.Squash(l))).FirstOrDefault(m => m.Success);
        if (body is not null) return body.Groups["b"].Value;
        return attached is not null && AttachedBody().Match(attached) is { Success: true } a ? a.Groups["b"].Value : null;
    }

    /// <summary>"PHÊ DUYỆT KẾ HOẠCH … / GIAI ĐOẠN 2021 - 2025" or "KẾ HOẠCH / PHÁT TRIỂN … GIAI ĐOẠN …": the plan's name, up to its period.</summary>
    private static string? Title(List<string> head)
    {
        var i = head.FindIndex(l => VietnameseText.Fold(l) is var f && (f.StartsWith("phe duyet ke hoach", StringComparison.Ordinal) || f == "ke hoach"));
        if (i < 0) return null;
        var parts = new List<string>();
        for (var j = i; j < head.Count && j <= i + 3; j++)
        {
            if (j > i && (head[j].Length > 150 || head[j].Contains(':'))) break;
            parts.Add(head[j]);
            if (Sections.Period(string.Join(" ", parts)).Start is not null) break;
        }
        var title = ImportText.Squash(string.Join(" ", parts));
        if (VietnameseText.Fold(title).StartsWith("phe duyet ", StringComparison.Ordinal)) title = title[10..];
        return title == title.ToUpper(ImportText.VietnameseCulture) ? SentenceCase(title) : ImportText.UpperFirst(title);
    }

    /// <summary>"KẾ HOẠCH PHÁT TRIỂN … TỈNH ĐỒNG THÁP" → "Kế hoạch phát triển … tỉnh Đồng Tháp": the name after "tỉnh" keeps capitals.</summary>
    private static string SentenceCase(string upper)
    {
        var lower = upper.ToLower(ImportText.VietnameseCulture);
        lower = ProvinceName().Replace(lower, m => m.Groups["k"].Value + TitleCase(m.Groups["n"].Value));
        return ImportText.UpperFirst(lower);
    }

    private static string TitleCase(string text) =>
        string.Join(' ', ImportText.Squash(text).Split(' ').Select(w => w.Length == 0 ? w
            : char.ToUpper(w[0], ImportText.VietnameseCulture) + w[1..].ToLower(ImportText.VietnameseCulture)));

    [GeneratedRegex(@"^Số\s*:\s*(?<n>\d+/[\p{L}\d\-]+(?:/[\p{L}\d\-]+)?)")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^[\p{L} .]+,\s*ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})")]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"(?i:ngày)\s+(?:(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})|(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4}))")]
    private static partial Regex DateAnywhere();

    [GeneratedRegex(@"^\(?\s*(?:Ban hành\s+)?[Kk]èm theo\s+(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết)\s+số\s+(?<n>\d+/[\p{L}\d\-]+)")]
    private static partial Regex AttachedTo();

    [GeneratedRegex(@"của\s+(?<b>(?:Ủy ban nhân dân|Thủ tướng|Bộ trưởng|Bộ)[^)]*?)\s*\)?\s*$")]
    private static partial Regex AttachedBody();

    [GeneratedRegex(@"^(?<kind>TỈNH|THÀNH PHỐ)\s+(?<name>.+)$")]
    private static partial Regex ProvinceLine();

    [GeneratedRegex(@"(?<b>(?:Ủy ban nhân dân|UBND) (?:tỉnh|thành phố) [\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*)*) ban hành")]
    private static partial Regex IssuedBy();

    [GeneratedRegex(@"(?<k>(?:tỉnh|thành phố) )(?<n>[\p{L}]+(?: [\p{L}]+)?)(?= giai đoạn|$)")]
    private static partial Regex ProvinceName();
}
