using System.Text;
using System.Xml;

namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// XmlReader for untrusted package parts. No DTD or external resolution (no XXE, no entity expansion). XmlReader
/// streams text nodes, but it keeps a whole tag (names and attribute values), every distinct name and one node
/// per open element in memory, so <see cref="MarkupGuard"/> and <see cref="BoundedNameTable"/> bound those.
/// </summary>
internal static class SafeXml
{
    public const int MaxMarkupCharacters = 64 * 1024;
    public const int MaxDepth = 100;
    public const int MaxNameCharacters = 256 * 1024;

    public static XmlReader Create(Stream part)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            // Whitespace between elements is passed over by the readers, which look at elements only; XmlReader's
            // IgnoreWhitespace would also drop a cell holding only spaces, which the DOM reader kept.
            IgnoreWhitespace = false,
            IgnoreProcessingInstructions = true,
            NameTable = new BoundedNameTable(MaxNameCharacters),
            CloseInput = true,
        };
        // Decoding here (UTF-8 or a BOM's UTF-16) so the guard sees characters; packages are written in UTF-8.
        var text = new StreamReader(part, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        return XmlReader.Create(new MarkupGuard(text), settings);
    }

    public static FormatException Unusual() =>
        new("Tệp .xlsx có cấu trúc XML bất thường (thẻ quá dài hoặc lồng quá sâu): có thể là tệp độc hại.");

    /// <summary>Leaves the reader on the end of the current element, having read past its content without keeping it.</summary>
    public static void SkipElement(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement) return;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth) { }
    }

    /// <summary>
    /// Appends the text of the current element in chunks, so a huge text node is refused once past
    /// <paramref name="max"/> characters instead of being read whole. Leaves the reader on the element's end.
    /// </summary>
    public static bool AppendText(XmlReader reader, StringBuilder text, char[] buffer, int max)
    {
        if (reader.IsEmptyElement) return true;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            int read;
            while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                if (text.Length + read > max) return false;
                text.Append(buffer, 0, read);
            }
        }
        return true;
    }

    /// <summary>Atomised names: without a bound, a part made of ever-new element names would grow the table without end.</summary>
    private sealed class BoundedNameTable(int maxCharacters) : XmlNameTable
    {
        private readonly NameTable names = new();
        private int characters;

        public override string Add(char[] array, int offset, int length) => names.Get(array, offset, length) ?? Count(names.Add(array, offset, length));

        public override string Add(string array) => names.Get(array) ?? Count(names.Add(array));

        public override string? Get(char[] array, int offset, int length) => names.Get(array, offset, length);

        public override string? Get(string array) => names.Get(array);

        private string Count(string name) => (characters += name.Length) > maxCharacters ? throw Unusual() : name;
    }
}
