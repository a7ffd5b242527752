using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// DOCX → lines: body paragraphs in order (a line break inside a paragraph starts a new line); a table row is
/// one line, its cells separated by tabs, the paragraphs of a cell joined by "; " (or a space after
/// punctuation), a vertically merged cell repeating the text above it. Word's automatic list numbering is not
/// part of the text and is lost; typed numbering ("a)", "1.") is kept.
/// </summary>
internal static class DocxText
{
    public static IReadOnlyList<string> Lines(MemoryStream content)
    {
        try
        {
            using var doc = WordprocessingDocument.Open(content, false,
                new OpenSettings { MaxCharactersInPart = DocumentText.MaxCharacters * 20L });
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new FormatException("Tệp DOCX không có nội dung văn bản.");
            var lines = new List<string>();
            var budget = new DocumentText.Budget();
            foreach (var element in body.Elements()) Add(element, lines, budget);
            return lines.Select(ImportText.CleanLine).ToList();
        }
        catch (Exception e) when (e.GetType() != typeof(FormatException) && e is not OutOfMemoryException)
        {
            // Our own messages are plain FormatExceptions; the packaging layer's FileFormatException is not one of them.
            throw new FormatException("Không đọc được tệp DOCX: tệp bị hỏng hoặc không đúng định dạng Word (.docx).", e);
        }
    }

    private static void Add(OpenXmlElement element, List<string> lines, DocumentText.Budget budget)
    {
        switch (element)
        {
            case W.Paragraph p:
                foreach (var line in Text(p).Split('\n')) { budget.Spend(line.Length); lines.Add(line); }
                break;
            case W.Table t:
                lines.Add("");
                var above = new List<string>();
                foreach (var row in t.Elements<W.TableRow>())
                {
                    var cells = new List<string>();
                    foreach (var (cell, k) in row.Elements<W.TableCell>().Select((c, k) => (c, k)))
                    {
                        var merge = cell.TableCellProperties?.VerticalMerge;
                        var continues = merge is not null && (merge.Val is null || merge.Val.Value == W.MergedCellValues.Continue);
                        cells.Add(continues && k < above.Count ? above[k] : CellText(cell));
                    }
                    above = cells;
                    var line = string.Join('\t', cells);
                    budget.Spend(line.Length);
                    if (line.Trim('\t', ' ').Length > 0) lines.Add(line);
                }
                lines.Add("");
                break;
            case W.SdtBlock sdt:
                foreach (var child in sdt.SdtContentBlock?.Elements() ?? []) Add(child, lines, budget);
                break;
        }
    }

    private static string CellText(W.TableCell cell)
    {
        var sb = new StringBuilder();
        foreach (var p in cell.Descendants<W.Paragraph>())
        {
            var text = ImportText.Squash(Text(p).Replace('\n', ' ').Replace('\t', ' '));
            if (text.Length == 0) continue;
            if (sb.Length > 0) sb.Append(Paragraphs.EndsSentence(sb.ToString()) || sb[^1] == ',' ? " " : "; ");
            sb.Append(text);
        }
        return sb.ToString();
    }

    private static string Text(W.Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var e in p.Descendants())
        {
            switch (e)
            {
                case W.Text t: sb.Append(t.Text); break;
                case W.TabChar: sb.Append('\t'); break;
                case W.Break or W.CarriageReturn: sb.Append('\n'); break;
                case W.NoBreakHyphen: sb.Append('-'); break;
            }
        }
        return sb.ToString();
    }
}
