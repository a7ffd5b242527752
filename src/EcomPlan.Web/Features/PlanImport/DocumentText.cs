namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Text lines of an uploaded plan, in the shape <see cref="PlanTextParser"/> reads: paragraphs one per line,
/// table rows one per line with cells separated by tabs. Bounded (size, pages, characters); any failure is a
/// <see cref="FormatException"/> with a Vietnamese message for the person who uploaded the file.
/// </summary>
public static class DocumentText
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxPages = 300;
    public const int MaxCharacters = 1_000_000;

    /// <summary>Chooses the reader by the file's extension: .docx, .pdf, .txt.</summary>
    public static IReadOnlyList<string> Read(string fileName, Stream content) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".docx" => FromDocx(content),
            ".pdf" => FromPdf(content),
            ".txt" => FromPastedText(ReadText(content)),
            ".doc" => throw new FormatException("Tệp .doc (Word 97-2003) chưa được hỗ trợ: hãy lưu lại dưới dạng .docx hoặc PDF."),
            _ => throw new FormatException("Chỉ nhận tệp DOCX, PDF hoặc văn bản thuần (.txt)."),
        };

    public static IReadOnlyList<string> FromDocx(Stream content) => DocxText.Lines(Buffer(content, "DOCX"));

    public static IReadOnlyList<string> FromPdf(Stream content) => PdfText.Lines(Buffer(content, "PDF"));

    /// <summary>Pasted text: any line ending, no byte-order mark or zero-width characters.</summary>
    public static IReadOnlyList<string> FromPastedText(string text)
    {
        if (text.Length > MaxCharacters) throw TooLong();
        return text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(ImportText.CleanLine).ToList();
    }

    internal static FormatException TooLong() =>
        new($"Văn bản quá dài (quá {MaxCharacters:N0} ký tự): hãy tách phần kế hoạch và phụ lục cần nhập.".Replace(',', '.'));

    /// <summary>Keeps a running count of characters so a huge document fails early instead of filling memory.</summary>
    internal sealed class Budget
    {
        private int used;

        public void Spend(int characters)
        {
            used += characters;
            if (used > MaxCharacters) throw TooLong();
        }
    }

    private static MemoryStream Buffer(Stream content, string kind)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                    throw new FormatException($"Tệp {kind} quá lớn (tối đa {MaxBytes / 1024 / 1024} MB).");
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException e)
        {
            throw new FormatException($"Không đọc được tệp {kind} đã tải lên.", e);
        }
        if (buffer.Length == 0) throw new FormatException($"Tệp {kind} rỗng.");
        buffer.Position = 0;
        return buffer;
    }

    private static string ReadText(Stream content)
    {
        using var buffer = Buffer(content, "văn bản");
        using var reader = new StreamReader(buffer, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
