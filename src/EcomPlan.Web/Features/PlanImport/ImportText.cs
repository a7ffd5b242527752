using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>Text helpers shared by the readers: cleaning extraction artefacts and folding without moving characters.</summary>
public static partial class ImportText
{
    /// <summary>
    /// NFC, one kind of dash and space, no zero-width characters. Length can change (NFC), so callers keep
    /// this normalised text as the text they show and index.
    /// </summary>
    public static string Normalize(string text)
    {
        var s = text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD': continue;
                case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u2002' or '\u2003': sb.Append(' '); break;
                case '\u2013' or '\u2014' or '\u2012' or '\u2011' or '\u2010' or '\u2212': sb.Append('-'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Lower case without tone or vowel marks, đ → d, one character for one: indexes stay valid.</summary>
    public static string FoldAligned(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is 'đ' or 'Đ') { chars[i] = 'd'; continue; }
            if (c < 128) { chars[i] = char.ToLowerInvariant(c); continue; }
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            var b = d.FirstOrDefault(x => CharUnicodeInfo.GetUnicodeCategory(x) != UnicodeCategory.NonSpacingMark);
            chars[i] = char.ToLowerInvariant(b == default ? c : b);
        }
        return new string(chars);
    }

    /// <summary>Collapses runs of whitespace to one space and trims.</summary>
    public static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>
    /// A line as the readers see it: NFC, no zero-width characters or PDF-converter bookmarks, ordinary spaces;
    /// tabs kept (they mark table cells) and dashes kept (the document's own words are shown).
    /// </summary>
    public static string CleanLine(string line)
    {
        var s = Bookmark().Replace(line.Normalize(NormalizationForm.FormC), "");
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD') continue;
            sb.Append(c is '\u00A0' or '\u2007' or '\u202F' or '\u2009' ? ' ' : c);
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>"……", "…..", "...", "…": a draft's placeholder, never an item.</summary>
    public static bool IsPlaceholder(string text)
    {
        var t = text.Trim().TrimEnd(';', ',', ':').Trim();
        return t.Length > 0 && t.All(c => c is '.' or '…' or ' ' or '\t' or '_');
    }

    /// <summary>Joins broken lines: "thương mại điện \ntử" keeps the space; hyphenated breaks are rare in Vietnamese.</summary>
    public static string JoinLines(IEnumerable<string> lines) => Squash(string.Join(" ", lines.Select(l => l.Trim())));

    /// <summary>Lower-cases the first letter unless the second is upper case too (an acronym).</summary>
    public static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLower(text[0], VietnameseCulture) + text[1..] : text;

    /// <summary>Upper-cases the first letter.</summary>
    public static string UpperFirst(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpper(text[0], VietnameseCulture) + text[1..] : text;

    public static readonly CultureInfo VietnameseCulture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Content words of folded text, for comparing two wordings of the same thing.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(Infrastructure.VietnameseText.Fold(text)).Select(m => m.Value).ToList();

    /// <summary>Dice coefficient on word bigrams (words when a text has one word): 1 for the same wording.</summary>
    public static double Similarity(string a, string b)
    {
        static HashSet<string> Grams(IReadOnlyList<string> w) =>
            w.Count < 2 ? [.. w] : Enumerable.Range(0, w.Count - 1).Select(i => w[i] + " " + w[i + 1]).ToHashSet();
        var x = Grams(Words(a));
        var y = Grams(Words(b));
        if (x.Count == 0 || y.Count == 0) return 0;
        return 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
