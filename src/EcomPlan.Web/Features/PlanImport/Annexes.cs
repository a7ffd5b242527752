using System.Text.RegularExpressions;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>What a table column holds, as its header says.</summary>
public enum ColumnRole { Number, Content, Value, Lead, Coordinating, Time, Note }

public enum AnnexKind { Tasks, Targets, List, Form }

/// <summary>An annex: its name ("Phụ lục 1"), title, the columns its table header names, and its lines.</summary>
/// <param name="Name">"Phụ lục 1", "Phụ lục II".</param>
/// <param name="HeadingIndex">Index of the line naming the annex.</param>
/// <param name="Title">The annex's title, joined.</param>
/// <param name="Columns">Column roles in the header's order; empty without a table.</param>
/// <param name="Kind">Tasks, targets, a list without a table, or a form (not read).</param>
/// <param name="BodyStart">Index of the first line after the title and header.</param>
/// <param name="End">Index after the annex's last line.</param>
public sealed record Annex(string Name, int HeadingIndex, string Title, IReadOnlyList<ColumnRole> Columns, int BodyStart, int End, AnnexKind Kind)
{
    /// <summary>Agencies come before the task in each row ("Đơn vị | Nội dung công việc | Tiến độ").</summary>
    public bool AgenciesFirst => Columns.Contains(ColumnRole.Lead) && Columns.Contains(ColumnRole.Content)
        && Columns.ToList().IndexOf(ColumnRole.Lead) < Columns.ToList().IndexOf(ColumnRole.Content);
}

/// <summary>Finds the annexes ("PHỤ LỤC I", "Phụ lục 1. …") and reads their title and table header.</summary>
public static partial class Annexes
{
    private static readonly HashSet<string> HeaderWords =
    [
        "don", "vi", "noi", "dung", "cong", "viec", "tien", "do", "thuc", "hien", "chu", "tri", "phoi", "hop", "bat", "dau", "ket",
        "thuc", "tt", "stt", "nhiem", "vu", "giai", "phap", "co", "quan", "thoi", "gian", "ghi", "chi", "tieu", "nhom", "trong",
        "tam", "phu", "trach", "theo", "doi", "tinh", "hinh", "doan", "du", "kien", "kinh", "phi", "hoat", "dong", "san", "pham",
        "muc", "nam", "qua", "lo", "trinh", "han", "so", "va",
    ];

    public static IReadOnlyList<Annex> Find(IReadOnlyList<string> lines)
    {
        var headings = Enumerable.Range(0, lines.Count).Where(i => Heading().IsMatch(ImportText.Squash(lines[i]))).ToList();
        var annexes = new List<Annex>();
        for (var k = 0; k < headings.Count; k++)
        {
            var at = headings[k];
            var end = k + 1 < headings.Count ? headings[k + 1] : lines.Count;
            annexes.Add(Read(lines, at, end));
        }
        return annexes;
    }

    private static Annex Read(IReadOnlyList<string> lines, int at, int end)
    {
        var heading = Heading().Match(ImportText.Squash(lines[at]));
        var name = "Phụ lục" + (heading.Groups["n"].Success ? " " + heading.Groups["n"].Value : "");
        var title = new List<string> { heading.Groups["rest"].Value.Trim(' ', '.', ':', '-') };
        var columns = new List<ColumnRole>();
        var i = at + 1;
        var seen = 0;
        var form = false;
        for (; i < end && seen < 15; i++)
        {
            var t = ImportText.Squash(lines[i]);
            if (t.Length == 0) continue;
            seen++;
            if (IsHeaderLine(t)) break;
            if (FormMark().IsMatch(t)) form = true;
            if (!t.StartsWith('(') && !ImportText.IsPlaceholder(t)) title.Add(t);
            if (Outline.Split(t).Marker is { Rank: OutlineMarker.Arabic } && t.Length < 200) { i = at + 1; break; }
        }
        var bodyStart = i;
        if (i < end && IsHeaderLine(ImportText.Squash(lines[i])))
        {
            for (; i < end; i++)
            {
                var t = ImportText.Squash(lines[i]);
                if (t.Length == 0) continue;
                if (!IsHeaderLine(t)) break;
                foreach (var role in Roles(t)) if (!columns.Contains(role)) columns.Add(role);
            }
            bodyStart = i;
        }
        else
        {
            // No table: the list starts right after the title and the "(Kèm theo …)" line.
            bodyStart = at + 1;
        }
        var titleText = ImportText.Squash(string.Join(" ", title.Where(t => t.Length > 0)));
        var fold = VietnameseText.Fold(titleText);
        var kind = form ? AnnexKind.Form
            : columns.Contains(ColumnRole.Value) && !columns.Contains(ColumnRole.Time) || (fold.Contains("chi tieu") && !fold.Contains("nhiem vu") && columns.Count > 0) ? AnnexKind.Targets
            : columns.Contains(ColumnRole.Content) ? AnnexKind.Tasks
            : AnnexKind.List;
        return new Annex(name, at, titleText, columns, bodyStart, end, kind);
    }

    private static bool IsHeaderLine(string line)
    {
        if (line.Length > 90) return false;
        var words = ImportText.Words(line);
        return words.Any(w => char.IsLetter(w[0])) && words.All(w => HeaderWords.Contains(w) || w.All(char.IsDigit));
    }

    /// <summary>Roles named in one header line, in the order they appear.</summary>
    private static IEnumerable<ColumnRole> Roles(string line)
    {
        var fold = VietnameseText.Fold(line);
        return RoleWords().Matches(fold).Select(m => m.Groups switch
        {
            var g when g["num"].Success => ColumnRole.Number,
            var g when g["content"].Success => ColumnRole.Content,
            var g when g["value"].Success => ColumnRole.Value,
            var g when g["lead"].Success => ColumnRole.Lead,
            var g when g["coord"].Success => ColumnRole.Coordinating,
            var g when g["time"].Success => ColumnRole.Time,
            _ => ColumnRole.Note,
        }).Take(line.Split(' ').Length > 4 ? 10 : 1);
    }

    [GeneratedRegex(@"^(?:PHỤ LỤC|Phụ lục|PHỤ LUC|Phụ Lục)(?:\s+(?<n>[IVX]+|\d+)(?<rest>(?:[.:\-\s].*)?)|(?<rest>))$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"Kính gửi|\(Tên |^Số\s*:|V/v\b")]
    private static partial Regex FormMark();

    [GeneratedRegex(@"(?<num>\bs?tt\b)|(?<content>nhom chi tieu|ten chi tieu|noi dung|nhiem vu|cong viec|hoat dong)|(?<value>^chi tieu|muc tieu|ket qua)|(?<lead>chu tri|don vi phu trach|don vi thuc hien|co quan thuc hien|don vi)|(?<coord>phoi hop)|(?<time>thoi gian|tien do|bat dau|ket thuc|thoi han|lo trinh)|(?<note>ghi chu)")]
    private static partial Regex RoleWords();
}
