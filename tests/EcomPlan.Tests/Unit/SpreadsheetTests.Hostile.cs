using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Tests.Unit;

/// <summary>
/// Small hostile uploads that once took gigabytes or minutes. Each must be refused with a Vietnamese message that
/// does not repeat the file's content, and reading must stay bounded: the allocation check is about behaviour
/// (nothing big is loaded), not timing.
/// </summary>
public partial class SpreadsheetTests
{
    private const long MiB = 1024 * 1024;
    private const long Little = 64 * MiB;

    /// <summary>head, then count bytes of filler streamed 1 MB at a time (never held whole), then tail.</summary>
    internal static Action<Stream> Huge(string head, char filler, long count, string tail) => part =>
    {
        part.Write(Encoding.UTF8.GetBytes(head));
        var chunk = new byte[MiB];
        Array.Fill(chunk, (byte)filler);
        for (var left = count; left > 0; left -= chunk.Length) part.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
        part.Write(Encoding.UTF8.GetBytes(tail));
    };

    private static Action<Stream> HugeInlineString(long characters) =>
        Huge($"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>""", 'A', characters, "</t></is></c></row></sheetData></worksheet>");

    internal static Action<Stream> HugeSharedString(long characters) =>
        Huge($"""<sst xmlns="{Main}"><si><t>""", 'A', characters, "</t></si></sst>");

    private static (string Message, long Allocated) Refused(Func<object> read)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<FormatException>(read);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.DoesNotContain("AAAAAAAA", error.Message);
        return (error.Message, allocated);
    }

    private static void AssertLittle(long allocated) => Assert.True(allocated < Little, $"{allocated / MiB} MB allocated");

    [Fact]
    public void A_1_GiB_inline_string_compressed_1000_to_1_is_refused_before_it_is_decompressed()
    {
        var xlsx = Workbook(HugeInlineString(1024 * MiB));
        Assert.True(xlsx.Length < 2 * MiB);
        var (message, allocated) = Refused(() => Read(xlsx));
        Assert.Equal("Tệp nén bất thường (tỉ lệ nén quá lớn): có thể là tệp độc hại.", message);
        AssertLittle(allocated);
    }

    [Fact]
    public void A_1_GiB_inline_string_compressed_100_to_1_is_refused_by_its_declared_size()
    {
        var xlsx = Workbook(HugeInlineString(1024 * MiB), level: CompressionLevel.Fastest);
        var (message, allocated) = Refused(() => Read(xlsx));
        Assert.Equal("Tệp .xlsx có một phần lớn hơn 256 MB khi giải nén.", message);
        AssertLittle(allocated);
    }

    [Fact]
    public void A_1_GiB_inline_string_is_refused_once_it_passes_the_cell_limit_even_with_the_size_limits_lifted()
    {
        var xlsx = Workbook(HugeInlineString(1024 * MiB), level: CompressionLevel.Fastest);
        var lifted = SpreadsheetLimits.Default with { MaxPartBytes = 4096 * MiB, MaxTotalUncompressedBytes = 4096 * MiB };
        var (message, allocated) = Refused(() => Read(xlsx, limits: lifted));
        Assert.Equal("Ô A1 dài hơn 8.000 ký tự.", message);
        AssertLittle(allocated);
    }

    [Fact]
    public void A_200_MB_shared_string_is_refused_once_it_passes_the_cell_limit()
    {
        // Compressed about 100:1, under the ratio limit, and 200 MB is under the part limit: the reader must stream it.
        var xlsx = Workbook(Sheet("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""), HugeSharedString(200 * MiB), CompressionLevel.Fastest);
        var (message, allocated) = Refused(() => Read(xlsx));
        Assert.Equal("Chuỗi dùng chung thứ 1 của tệp dài hơn 8.000 ký tự.", message);
        AssertLittle(allocated);

        var packed = Workbook(Sheet("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""), HugeSharedString(200 * MiB));
        Assert.Contains("tỉ lệ nén quá lớn", Refused(() => Read(packed)).Message);
    }

    [Fact]
    public void A_sheet_of_1_048_576_rows_is_refused_at_the_row_limit()
    {
        var xlsx = Workbook(part =>
        {
            using var writer = new StreamWriter(part, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write($"""<worksheet xmlns="{Main}"><sheetData>""");
            for (var r = 1; r <= 1_048_576; r++) writer.Write($"""<row r="{r}"><c r="A{r}"><v>{r % 10}</v></c></row>""");
            writer.Write("</sheetData></worksheet>");
        });
        var (message, allocated) = Refused(() => Read(xlsx));
        Assert.Equal("Tệp có hơn 200.001 dòng; hãy chia thành nhiều tệp nhỏ hơn.", message);
        AssertLittle(allocated);
    }

    [Theory]
    [InlineData("""<row r="1"><c r="XFD1"><v>1</v></c></row>""", "Ô XFD1 nằm ngoài 64 cột cho phép (A–BL).")]
    [InlineData("""<row r="7"><c r="BM7" t="inlineStr"><is><t>x</t></is></c></row>""", "Ô BM7 nằm ngoài 64 cột cho phép (A–BL).")]
    [InlineData("""<row r="2"><c r="ZZZZZZZZ2"><v>1</v></c></row>""", "Một ô ở dòng 2 nằm ngoài 64 cột cho phép (A–BL).")]
    public void A_cell_beyond_the_column_limit_is_refused(string rows, string expected)
    {
        Assert.Equal(expected, Assert.Throws<FormatException>(() => Read(Workbook(Sheet(rows)))).Message);
        // Formatting alone out there (an empty cell) is no reason to refuse a file.
        Assert.Equal([["1"]], Read(Workbook(Sheet("""<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="3"/></row>"""))));
    }

    [Fact]
    public void Cells_without_references_past_the_column_limit_are_refused()
    {
        var cells = string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 65));
        Assert.Equal("Ô BM1 nằm ngoài 64 cột cho phép (A–BL).", Assert.Throws<FormatException>(() => Read(Workbook(Sheet($"<row>{cells}</row>")))).Message);
    }

    /// <summary>Sets the uncompressed size an entry declares, in its local header and in the central directory.</summary>
    private static void Declare(byte[] zip, string entry, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            var (sizeAt, nameAt) = signature switch { 0x04034b50 => (22, 30), 0x02014b50 => (24, 46), _ => (-1, -1) };
            if (sizeAt > 0 && zip.AsSpan(i + nameAt).StartsWith(name)) BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + sizeAt), size);
        }
    }

    [Fact]
    public void A_zip_declaring_a_small_size_for_a_300_MB_part_gives_no_more_than_it_declared()
    {
        // Declared 4 kB: it passes the size and ratio checks, but the reader stops at 4 kB, mid-text.
        var xlsx = Workbook(HugeInlineString(300 * MiB), level: CompressionLevel.Fastest);
        Declare(xlsx, "xl/worksheets/sheet1.xml", 4_000);
        var (message, allocated) = Refused(() => Read(xlsx));
        Assert.Equal("Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.", message);
        AssertLittle(allocated);
    }

    [Fact]
    public void A_stored_part_longer_than_it_declares_is_refused()
    {
        var xlsx = Workbook(Sheet("""<row r="1"><c r="A1"><v>1</v></c></row>"""), level: CompressionLevel.NoCompression);
        Declare(xlsx, "xl/worksheets/sheet1.xml", 20);
        var message = Assert.Throws<FormatException>(() => Read(xlsx)).Message;
        Assert.Equal("Tệp nén bất thường (kích thước giải nén khác với khai báo): có thể là tệp độc hại.", message);
    }

    [Theory]
    [InlineData("""<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&xxe;" sheetId="1"/></sheets></workbook>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><workbook><sheets><sheet name="&lol2;"/></sheets></workbook>""")]
    public void A_workbook_with_a_DTD_or_external_entity_is_refused(string workbookXml)
    {
        var xlsx = Workbook([("Trang 1", Sheet(""))], workbookXml: workbookXml);
        var message = Assert.Throws<FormatException>(() => Read(xlsx)).Message;
        Assert.Equal("Tệp .xlsx chứa khai báo DTD (<!DOCTYPE…>), không được phép: có thể là tệp độc hại.", message);
        Assert.DoesNotContain("passwd", message);
    }

    [Fact]
    public void Tags_too_long_and_elements_too_deep_are_refused_before_XmlReader_buffers_them()
    {
        var longTag = Workbook(Huge($"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" x=" """, 'A', 100 * MiB, "\"/></row></sheetData></worksheet>"),
            level: CompressionLevel.Fastest);
        var (message, allocated) = Refused(() => Read(longTag));
        Assert.Equal("Tệp .xlsx có cấu trúc XML bất thường (thẻ quá dài hoặc lồng quá sâu): có thể là tệp độc hại.", message);
        AssertLittle(allocated);

        var deep = Workbook(Text($"""<worksheet xmlns="{Main}">{string.Concat(Enumerable.Repeat("<a>", 100_000))}"""));
        Assert.Contains("cấu trúc XML bất thường", Refused(() => Read(deep)).Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5 })] // a zip's signature, then nothing
    [InlineData(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F })]           // "hello" renamed .xlsx
    [InlineData(new byte[0])]
    public void A_corrupt_zip_or_a_file_that_is_no_zip_is_refused(byte[] file) =>
        Assert.Equal("Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.", Assert.Throws<FormatException>(() => Read(file)).Message);

    [Fact]
    public void A_truncated_workbook_or_a_csv_renamed_xlsx_is_refused_as_corrupt()
    {
        var xlsx = Spreadsheet.WriteXlsx("Số liệu", [["a"], ["1"]]);
        Assert.Contains("bị hỏng", Assert.Throws<FormatException>(() => Read(xlsx[..(xlsx.Length / 2)])).Message);
        Assert.Contains("bị hỏng", Assert.Throws<FormatException>(() => Read(Spreadsheet.WriteCsv([["a"], ["1"]]))).Message);
    }

    [Fact]
    public void A_zip_of_more_than_10_000_entries_is_refused_before_they_are_listed()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i <= 10_000; i++) zip.CreateEntry($"x/{i}");
        Assert.Equal("Tệp .xlsx có hơn 10.000 phần nén: có thể là tệp độc hại.", Assert.Throws<FormatException>(() => Read(memory.ToArray())).Message);
    }

    [Fact]
    public void Too_many_shared_strings_are_refused()
    {
        var xlsx = Workbook(Sheet(""), SharedStrings(string.Concat(Enumerable.Repeat("<si><t>a</t></si>", 11))));
        var limits = SpreadsheetLimits.Default with { MaxSharedStrings = 10 };
        Assert.Equal("Tệp có hơn 10 chuỗi dùng chung.", Assert.Throws<FormatException>(() => Read(xlsx, limits: limits)).Message);
    }

    [Fact]
    public void A_20_MB_csv_field_with_an_unterminated_quote_is_refused_at_the_field_limit()
    {
        var csv = new byte[20 * MiB];
        Array.Fill(csv, (byte)'A');
        Encoding.UTF8.GetBytes("ma,ten\n1,\"").CopyTo(csv, 0);
        var (message, allocated) = Refused(() => Read(csv, "a.csv"));
        Assert.Equal("Ô B2 (dòng 2) dài hơn 8.000 ký tự (có thể thiếu dấu \" đóng).", message);
        AssertLittle(allocated);
    }

    [Fact]
    public void A_csv_of_too_many_rows_or_columns_is_refused_naming_the_row()
    {
        var rows = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("1\n", 200_002)));
        var (message, allocated) = Refused(() => Read(rows, "a.csv"));
        Assert.Equal("Tệp có hơn 200.001 dòng; hãy chia thành nhiều tệp nhỏ hơn.", message);
        AssertLittle(allocated);

        var wide = Encoding.UTF8.GetBytes("a\nb\n" + string.Join(",", Enumerable.Repeat("x", 65)) + "\n");
        Assert.Equal("Dòng 3 có hơn 64 cột.", Assert.Throws<FormatException>(() => Read(wide, "a.csv")).Message);
    }
}
