using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Tests.Unit;

/// <summary>Tables read from and written to CSV and XLSX; the hostile files are in SpreadsheetTests.Hostile.cs.</summary>
public partial class SpreadsheetTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    internal static Action<Stream> Text(string xml) => part => part.Write(Encoding.UTF8.GetBytes(xml));

    internal static Action<Stream> Sheet(string rows) => Text($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>{rows}</sheetData></worksheet>""");

    private static Action<Stream> SharedStrings(string items) => Text($"""<sst xmlns="{Main}">{items}</sst>""");

    /// <summary>
    /// A workbook built by hand, as other programs write them: targets alternately relative and absolute. Sheets and
    /// shared strings are written by callbacks, so a test can stream a huge part through the deflate entry.
    /// </summary>
    internal static byte[] Workbook(IReadOnlyList<(string Name, Action<Stream> Write)> sheets, Action<Stream>? sharedStrings = null,
        CompressionLevel level = CompressionLevel.Optimal, string? workbookXml = null)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, Action<Stream> write)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                write(stream);
            }
            Part("[Content_Types].xml", Text("""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"""));
            Part("_rels/.rels", Text($"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            var list = string.Concat(sheets.Select((s, i) => $"""<sheet name="{s.Name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""));
            Part("xl/workbook.xml", Text(workbookXml ?? $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets>{list}</sheets></workbook>"""));
            var rels = string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="{Rel}/worksheet" Target="{(i % 2 == 0 ? "worksheets/" : "/xl/worksheets/")}sheet{i + 1}.xml"/>"""));
            if (sharedStrings is not null) rels += $"""<Relationship Id="rId99" Type="{Rel}/sharedStrings" Target="sharedStrings.xml"/>""";
            Part("xl/_rels/workbook.xml.rels", Text($"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"""));
            for (var i = 0; i < sheets.Count; i++) Part($"xl/worksheets/sheet{i + 1}.xml", sheets[i].Write);
            if (sharedStrings is not null) Part("xl/sharedStrings.xml", sharedStrings);
        }
        return memory.ToArray();
    }

    internal static byte[] Workbook(Action<Stream> sheet, Action<Stream>? sharedStrings = null, CompressionLevel level = CompressionLevel.Optimal) =>
        Workbook([("Trang 1", sheet)], sharedStrings, level);

    private static List<string[]> Read(byte[] file, string name = "bang.xlsx", SpreadsheetLimits? limits = null) =>
        Spreadsheet.Read(new MemoryStream(file), name, limits ?? SpreadsheetLimits.Default);

    [Fact]
    public void A_workbook_written_by_WriteXlsx_reads_back_as_written()
    {
        string[][] rows =
        [
            ["ma_chi_so", "ma_don_vi", "ky", "gia_tri", "nguon", "ghi_chu"],
            ["cashless_payment_share", "56", "2026", "60.82", "Sở Công Thương Khánh Hòa", ""],
            ["b2c_revenue", "VN", "2025-H1", "-3.5", "Sách trắng \"TMĐT\", 2025", "hai\ndòng"],
            ["x", "", "", "1000000", "  có khoảng trắng ở đầu", "=1+1"],
            ["   ", "\t"],
        ];
        Assert.Equal(rows, Read(Spreadsheet.WriteXlsx("Số liệu", rows)));
    }

    [Fact]
    public void Shared_strings_rich_text_missing_references_skipped_rows_booleans_and_numbers_read_right()
    {
        var shared = SharedStrings("""
            <si><t>Mã chỉ số</t></si>
            <si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Giá </t></r><r><t>trị</t></r></si>
            <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
            """);
        var sheet = Text($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="{Main}">
              <sheetPr/><dimension ref="A1:F6"/>
              <!-- a comment -->
              <sheetData>
                <row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s" s="2"><v>2</v></c></row>
                <row r="3">
                  <c t="inlineStr"><is><t>x</t></is></c><c><v>60.82</v></c><c t="b"><v>1</v></c>
                  <c t="str"><f>A3&amp;"y"</f><v>xy</v></c><c r="F3" t="e"><v>#DIV/0!</v></c>
                </row>
                <row><c r="B4" t="b"><v>0</v></c><c r="C4" t="n"><v>1.5E-3</v></c><c r="D4" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>
                <row r="6" s="1" customFormat="1"><c r="A6" s="1"/></row>
              </sheetData>
              <mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>
            </worksheet>
            """.Trim());
        var rows = Read(Workbook(sheet, shared));
        Assert.Equal(4, rows.Count); // row 6 holds formatting only
        Assert.Equal(["Mã chỉ số", "Giá trị", "東京"], rows[0]);
        Assert.Empty(rows[1]); // row 2 is missing: still row index 1, so messages about row 3 say row 3
        Assert.Equal(["x", "60.82", "1", "xy", "", "#DIV/0!"], rows[2]);
        Assert.Equal(["", "0", "1.5E-3", "ab"], rows[3]);
    }

    [Fact]
    public void Several_sheets_are_written_and_read_back_in_workbook_order()
    {
        (string, IEnumerable<IReadOnlyList<string>>)[] sheets =
        [
            ("Kế hoạch", [["ma", "ten"], ["kh-2026", "Kế hoạch TMĐT 2026–2030"]]),
            ("Chỉ tiêu", [["ma", "gia_tri"], ["I.1", "70"], ["I.2", "12.5"]]),
            ("Nhiệm vụ", [["so", "noi_dung"]]),
            ("Cơ quan", [["ten"], ["Sở Công Thương"], ["Thuế tỉnh"]]),
        ];
        var xlsx = Spreadsheet.WriteXlsx(sheets);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
            Assert.Empty(OfficialDocumentTests.ValidationErrors(document));

        var read = Spreadsheet.ReadSheets(new MemoryStream(xlsx), "ke-hoach.xlsx");
        Assert.Equal(["Kế hoạch", "Chỉ tiêu", "Nhiệm vụ", "Cơ quan"], read.Select(s => s.Name));
        for (var i = 0; i < sheets.Length; i++) Assert.Equal(sheets[i].Item2, read[i].Rows);
        Assert.Equal(read[0].Rows, Read(xlsx));
    }

    [Fact]
    public void Hand_written_sheets_with_relative_and_absolute_targets_are_read_and_a_refusal_names_the_sheet()
    {
        var xlsx = Workbook([("Kế hoạch", Sheet("""<row r="1"><c r="A1"><v>1</v></c></row>""")),
            ("Chỉ tiêu", Sheet("""<row r="2"><c r="B2" t="inlineStr"><is><t>quá mười một ký tự</t></is></c></row>"""))]);
        var read = Spreadsheet.ReadSheets(new MemoryStream(xlsx), "a.xlsx");
        Assert.Equal([["1"]], read[0].Rows);
        Assert.Equal([[], ["", "quá mười một ký tự"]], read[1].Rows);

        var error = Assert.Throws<FormatException>(() => Spreadsheet.ReadSheets(new MemoryStream(xlsx), "a.xlsx", SpreadsheetLimits.Default with { MaxCellCharacters = 10 }));
        Assert.Equal("Ô B2 (trang “Chỉ tiêu”) dài hơn 10 ký tự.", error.Message);
    }

    [Fact]
    public void Csv_with_quotes_commas_line_breaks_and_a_BOM_is_read()
    {
        var csv = "\uFEFFma,\"b,c\",\"nói \"\"có\"\"\"\r\n\"hai\ndòng\",2,\r\n\n";
        var rows = Read(Encoding.UTF8.GetBytes(csv), "a.csv");
        Assert.Equal([["ma", "b,c", "nói \"có\""], ["hai\ndòng", "2", ""], [""]], rows);
    }

    [Fact]
    public void WriteCsv_reads_back_as_written_apart_from_neutralised_formulas()
    {
        string[][] rows = [["ma", "ghi chú"], ["a,b", "nói \"có\"\nhai dòng"], ["-5", "=1+1"]];
        var read = Read(Spreadsheet.WriteCsv(rows), "a.csv");
        Assert.Equal([["ma", "ghi chú"], ["a,b", "nói \"có\"\nhai dòng"], ["-5", "'=1+1"]], read);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("- gạch đầu dòng", "'- gạch đầu dòng")]
    [InlineData("-", "'-")]
    [InlineData("-1e5", "'-1e5")]
    [InlineData("-5", "-5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("+3", "+3")]
    [InlineData("60.82", "60.82")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void WriteCsv_neutralises_what_a_spreadsheet_would_run_as_a_formula(string value, string written)
    {
        var csv = Encoding.UTF8.GetString(Spreadsheet.WriteCsv([[value]]));
        Assert.Equal("\uFEFF" + written + "\n", csv);
    }

    [Fact]
    public void WriteXlsx_writes_a_value_beginning_with_equals_as_an_inline_string_never_a_formula()
    {
        const string formula = "=HYPERLINK(\"http://x\",\"y\")";
        var xlsx = Spreadsheet.WriteXlsx("Số liệu", [["a", "b"], [formula, "=1+1"]]);
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        XDocument xml;
        using (var stream = sheet.Open()) xml = XDocument.Load(stream);
        XNamespace main = Main;
        Assert.Empty(xml.Descendants(main + "f"));
        var cells = xml.Descendants(main + "c").Where(c => c.Value.StartsWith('=')).ToList();
        Assert.Equal(2, cells.Count);
        Assert.All(cells, c => Assert.Equal("inlineStr", (string?)c.Attribute("t")));
        Assert.Equal(formula, Read(xlsx)[1][0]);
    }

    [Fact]
    public void WriteXlsx_writes_only_plain_numbers_as_number_cells()
    {
        string[][] rows = [["a", "b", "c", "d", "e"], ["-3.5", "2026", "1,5", "5-", "+3"]];
        var xlsx = Spreadsheet.WriteXlsx("Số liệu", rows);
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        XDocument xml;
        using (var stream = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Open()) xml = XDocument.Load(stream);
        XNamespace main = Main;
        var types = xml.Descendants(main + "row").Last().Elements(main + "c").Select(c => (string?)c.Attribute("t")).ToList();
        Assert.Equal(["n", "n", "inlineStr", "inlineStr", "inlineStr"], types);
        Assert.Equal(rows, Read(xlsx));
    }
}
