using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>One table cell: its text (lines kept apart by '\n'), the line it starts on, and its column when the row came whole on one line.</summary>
public sealed record TableCell(string Text, int Line, int? Column = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// Turns a PDF- or DOCX-extracted table into a sequence of cells. Three shapes are read: one cell per line;
/// cells opened by a tab whose continuation lines have none (Word tables exported to text); and whole rows on
/// one line with cells separated by tabs (DOCX and PDF extraction here, pasted spreadsheets).
/// </summary>
public static partial class TableCells
{
    public static IReadOnlyList<TableCell> Read(IReadOnlyList<string> lines, int from, int to)
    {
        var nonEmpty = Enumerable.Range(from, Math.Max(0, to - from)).Where(i => lines[i].Trim().Length > 0).ToList();
        var tabLed = nonEmpty.Count > 0 && nonEmpty.Count(i => lines[i].StartsWith('\t')) >= 0.5 * nonEmpty.Count;
        var cells = new List<TableCell>();
        for (var i = from; i < to; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) continue;
            if (Footnote().IsMatch(line.Trim())) continue;
            var fields = line.Split('\t').Select(f => f.Trim()).ToList();
            if (fields.Count(f => f.Length > 0) >= 2)
            {
                // A whole row on one line; "; " inside a field stands for the line breaks of a cell.
                for (var k = 0; k < fields.Count; k++)
                    if (fields[k].Length > 0) cells.Add(new TableCell(fields[k], i + 1, k));
                continue;
            }
            var text = line.Trim();
            if (tabLed && !line.StartsWith('\t') && cells.Count > 0)
            {
                cells[^1] = cells[^1] with { Text = cells[^1].Text + "\n" + text };
                continue;
            }
            cells.Add(new TableCell(text, i + 1));
        }
        return cells;
    }

    [GeneratedRegex(@"^\[\d+\]\s")]
    private static partial Regex Footnote();
}
