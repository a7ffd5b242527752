using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// A paragraph rebuilt from broken lines: its text (lines joined), the line it starts on, its numbering.
/// <see cref="LineStarts"/> maps offsets in <see cref="Text"/> back to document lines.
/// </summary>
public sealed record Paragraph(string Text, int Line, int LastLine, OutlineMarker? Marker, IReadOnlyList<(int Offset, int Line)> LineStarts)
{
    public int Rank => Marker?.Rank ?? OutlineMarker.Unmarked;

    /// <summary>The text without its numbering.</summary>
    public string Body => Outline.Split(Text).Remainder;

    /// <summary>The document line holding the character at <paramref name="offset"/> of <see cref="Text"/>.</summary>
    public int LineAt(int offset) => LineStarts.LastOrDefault(s => s.Offset <= offset, LineStarts[0]).Line;
}

/// <summary>
/// Rebuilds paragraphs from PDF-extracted lines. Two styles exist: paragraphs separated by blank lines (a
/// paragraph's lines run on), and one line per paragraph (a line runs on only when it starts in lower case after
/// a line that does not end a sentence). Page numbers and running headers alone on a line are dropped.
/// </summary>
public static partial class Paragraphs
{
    /// <param name="lines">Cleaned document lines; index 0 is line 1.</param>
    /// <param name="from">First index read.</param>
    /// <param name="to">Index after the last one read.</param>
    public static IReadOnlyList<Paragraph> Build(IReadOnlyList<string> lines, int from, int to)
    {
        var blank = 0;
        for (var i = from; i < to; i++) if (string.IsNullOrWhiteSpace(lines[i])) blank++;
        var blankSeparated = to > from && blank >= 0.2 * (to - from);

        var result = new List<Paragraph>();
        var parts = new List<(string Text, int Line)>();
        var sawBlank = false;

        void Flush()
        {
            if (parts.Count == 0) return;
            var text = "";
            var starts = new List<(int, int)>();
            foreach (var (t, line) in parts)
            {
                if (text.Length > 0) text += " ";
                starts.Add((text.Length, line));
                text += t;
            }
            result.Add(new Paragraph(text, parts[0].Line, parts[^1].Line, Outline.Split(text).Marker, starts));
            parts.Clear();
        }

        for (var i = from; i < to; i++)
        {
            var t = ImportText.Squash(lines[i]);
            if (t.Length == 0) { sawBlank = true; continue; }
            if (PageNumber().IsMatch(t)) continue;
            var marked = Outline.Split(t).Marker is not null;
            var previous = parts.Count > 0 ? parts[^1].Text : null;
            var runsOn = previous is not null && !EndsSentence(previous) && StartsLower(t);
            bool newParagraph;
            if (marked || ImportText.IsPlaceholder(t)) newParagraph = true;
            else if (blankSeparated) newParagraph = sawBlank && !runsOn;
            else newParagraph = !runsOn;

            // A paragraph broken by a page break keeps its parts: the blank lines between them are not flushed.
            if (newParagraph) Flush();
            parts.Add((t, i + 1));
            sawBlank = false;
        }
        Flush();
        return result;
    }

    public static bool EndsSentence(string text) => text.TrimEnd().Length > 0 && text.TrimEnd()[^1] is '.' or ';' or ':' or '!' or '?';

    public static bool StartsLower(string text) => text.Length > 0 && char.IsLower(text[0]);

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex PageNumber();
}
