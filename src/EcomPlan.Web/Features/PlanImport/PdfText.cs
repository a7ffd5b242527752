using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// PDF (with a text layer) → lines: words on the same baseline form a line, read left to right; a gap much
/// wider than a space becomes a tab, so table cells side by side stay apart; a blank line between pages.
/// A PDF without any text is a scan: it is refused with a message saying so (no character recognition here).
/// </summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Lines(MemoryStream content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (pdf.NumberOfPages > DocumentText.MaxPages)
                throw new FormatException($"Tệp PDF có {pdf.NumberOfPages} trang, quá giới hạn {DocumentText.MaxPages} trang.");
            var lines = new List<string>();
            var budget = new DocumentText.Budget();
            var letters = 0;
            for (var n = 1; n <= pdf.NumberOfPages; n++)
            {
                var page = pdf.GetPage(n);
                letters += page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
                if (n > 1) lines.Add("");
                foreach (var line in PageLines(page)) { budget.Spend(line.Length); lines.Add(line); }
            }
            if (letters == 0)
                throw new FormatException("Tệp PDF không có lớp chữ (bản quét): hệ thống không đọc được chữ trong ảnh. "
                    + "Hãy tải lên tệp DOCX hoặc PDF xuất trực tiếp từ Word, hoặc dán nội dung văn bản.");
            return lines.Select(ImportText.CleanLine).ToList();
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new FormatException("Tệp PDF được đặt mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.", e);
        }
        catch (Exception e) when (e.GetType() != typeof(FormatException) && e is not OutOfMemoryException)
        {
            throw new FormatException("Không đọc được tệp PDF: tệp bị hỏng hoặc không đúng định dạng PDF.", e);
        }
    }

    private static IEnumerable<string> PageLines(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).OrderByDescending(w => w.BoundingBox.Bottom).ToList();
        var rows = new List<List<Word>>();
        foreach (var w in words)
        {
            var row = rows.FirstOrDefault(r => Math.Abs(r[0].BoundingBox.Bottom - w.BoundingBox.Bottom) <= Math.Max(1, 0.5 * Math.Min(r[0].BoundingBox.Height, w.BoundingBox.Height)));
            if (row is null) rows.Add([w]);
            else row.Add(w);
        }
        foreach (var row in rows)
        {
            var sorted = row.OrderBy(w => w.BoundingBox.Left).ToList();
            var sb = new StringBuilder(sorted[0].Text);
            for (var i = 1; i < sorted.Count; i++)
            {
                var previous = sorted[i - 1].BoundingBox;
                var charWidth = previous.Width / Math.Max(1, sorted[i - 1].Text.Length);
                var gap = sorted[i].BoundingBox.Left - previous.Right;
                sb.Append(gap > Math.Max(4 * charWidth, 15) ? '\t' : ' ').Append(sorted[i].Text);
            }
            yield return sb.ToString();
        }
    }
}
