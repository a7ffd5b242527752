using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Unit;

/// <summary>The Word and Excel files of an official report (Nghị định 30/2020/NĐ-CP layout).</summary>
public partial class OfficialDocumentTests
{
    private static WordprocessingDocument OpenDocx(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static Body BodyOf(WordprocessingDocument docx) => docx.MainDocumentPart!.Document!.Body!;

    internal static string ValidationErrors(OpenXmlPackage package) =>
        string.Join("\n", new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));

    [Fact]
    public void Docx_validates_against_Office_2019()
    {
        using var docx = OpenDocx(OfficialDocx.Write(OfficialDocumentSample.Report()));
        var errors = ValidationErrors(docx);
        Assert.True(errors.Length == 0, errors);
    }

    [Fact]
    public void Docx_has_the_decree_header_and_the_sections_tables()
    {
        using var docx = OpenDocx(OfficialDocx.Write(OfficialDocumentSample.Report()));
        var body = BodyOf(docx);
        var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("UBND TỈNH ĐỒNG THÁP", paragraphs);
        Assert.Contains("SỞ CÔNG THƯƠNG", paragraphs);
        Assert.Contains("Số: 125/BC-SCT", paragraphs);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", paragraphs);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", paragraphs);
        Assert.Contains("Đồng Tháp, ngày 10 tháng 6 năm 2026", paragraphs);
        Assert.Contains("BÁO CÁO", paragraphs);
        Assert.Contains("GIÁM ĐỐC", paragraphs);
        Assert.Contains("Nguyễn Văn An", paragraphs);
        Assert.Contains("- Lưu: VT, QLTM.", paragraphs);

        // Header, the two section tables, signature: none nested.
        var tables = body.Descendants<Table>().ToList();
        Assert.Equal(4, tables.Count);
        Assert.All(tables, t => Assert.Empty(t.Descendants<Table>()));

        var targets = tables[1];
        Assert.Contains(targets.Descendants<TableCell>(), c => c.InnerText == "60,82");
        var header = targets.Elements<TableRow>().First();
        Assert.NotNull(header.TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(OfficialDocumentSample.TargetColumns, header.Elements<TableCell>().Select(c => c.InnerText));
        Assert.All(header.Descendants<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));

        var group = tables[2].Elements<TableRow>().Single(r => r.InnerText.StartsWith("Nhóm 1."));
        var cell = Assert.Single(group.Elements<TableCell>());
        Assert.Equal(OfficialDocumentSample.TaskColumns.Length, cell.TableCellProperties?.GridSpan?.Val?.Value);
        Assert.Equal(OfficialDocumentSample.TaskColumns.Length, tables[2].GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
    }

    [Fact]
    public void Docx_defaults_to_Times_New_Roman_14_pt()
    {
        using var docx = OpenDocx(OfficialDocx.Write(OfficialDocumentSample.Report()));
        var defaults = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        var fonts = defaults.RunFonts!;
        Assert.All(new[] { fonts.Ascii, fonts.HighAnsi, fonts.ComplexScript, fonts.EastAsia }, f => Assert.Equal("Times New Roman", f?.Value));
        Assert.Equal("28", defaults.FontSize?.Val?.Value);
        // No run may name another font.
        Assert.Empty(BodyOf(docx).Descendants<RunFonts>());
    }

    [Fact]
    public void Docx_page_is_A4_with_the_decree_margins()
    {
        using var docx = OpenDocx(OfficialDocx.Write(OfficialDocumentSample.Report()));
        var section = BodyOf(docx).Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width?.Value, size.Height?.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.InRange((int)margin.Left!.Value, 1700, 1702);  // 30 mm
        Assert.InRange((int)margin.Right!.Value, 849, 851);   // 15 mm
        Assert.InRange(margin.Top!.Value, 1133, 1135);         // 20 mm
        Assert.InRange(margin.Bottom!.Value, 1133, 1135);
    }

    [Fact]
    public void A_draft_says_so_above_the_kind_and_a_final_report_does_not()
    {
        using var draft = OpenDocx(OfficialDocx.Write(OfficialDocumentSample.Report(isDraft: true)));
        var texts = BodyOf(draft).Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(texts.IndexOf("BÁO CÁO") - 1, texts.IndexOf("DỰ THẢO"));
        Assert.True(texts.IndexOf("DỰ THẢO") > 0);
        using var final = OpenDocx(OfficialDocx.Write(OfficialDocumentSample.Report()));
        Assert.DoesNotContain("DỰ THẢO", BodyOf(final).InnerText);
    }

    [Theory]
    [InlineData(2026, 2, 5, "Đồng Tháp, ngày 05 tháng 02 năm 2026")]
    [InlineData(2026, 12, 14, "Đồng Tháp, ngày 14 tháng 12 năm 2026")]
    [InlineData(2026, 1, 31, "Đồng Tháp, ngày 31 tháng 01 năm 2026")]
    // The decree pads only days below 10 and the months 1 and 2.
    [InlineData(2026, 6, 10, "Đồng Tháp, ngày 10 tháng 6 năm 2026")]
    [InlineData(2026, 3, 9, "Đồng Tháp, ngày 09 tháng 3 năm 2026")]
    public void The_date_line_pads_as_the_decree_says(int year, int month, int day, string expected) =>
        Assert.Equal(expected, OfficialDocx.DateLine("Đồng Tháp", new DateOnly(year, month, day)));

    [Fact]
    public void A_report_without_a_number_leaves_room_to_write_it()
    {
        var report = OfficialDocumentSample.Report(isDraft: true);
        report = report with { Header = report.Header with { Number = "", ParentBody = null } };
        using var docx = OpenDocx(OfficialDocx.Write(report));
        var texts = BodyOf(docx).Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(texts, t => t.StartsWith("Số:") && !t.Contains("125"));
        Assert.DoesNotContain("UBND TỈNH ĐỒNG THÁP", texts);
        var errors = ValidationErrors(docx);
        Assert.True(errors.Length == 0, errors);
    }

    [Fact]
    public void Markup_and_control_characters_in_the_input_neither_break_the_files_nor_get_lost()
    {
        var report = OfficialDocumentSample.Report();
        var unsafeSection = new DocumentSection("V. <b>&</b> \"ký tự\"\u0001",
            ["Dòng một <b>&amp;\u0001\u0008\u001F\uFFFF\uD800 hết\r\nDòng hai\tcó tab"],
            new DocumentTable("a/b:c*d?[e]\\f 'dài hơn ba mươi mốt ký tự'", ["STT", "<x>"], [new(["1", "R&D \u0002 <ok>"])]));
        report = report with { Sections = [.. report.Sections, unsafeSection], Subject = "Báo cáo <b>&</b>\u0001", SignerName = "A & B" };

        using var docx = OpenDocx(OfficialDocx.Write(report));
        var errors = ValidationErrors(docx);
        Assert.True(errors.Length == 0, errors);
        var body = BodyOf(docx);
        Assert.Contains("V. <b>&</b> \"ký tự\"", body.InnerText);
        Assert.Contains("Dòng một <b>&amp; hết", body.InnerText);
        Assert.Contains(body.Descendants<Paragraph>(), p => p.InnerText.StartsWith("Dòng một") && p.Descendants<Break>().Count() == 1 && p.Descendants<TabChar>().Count() == 1);

        using var xlsx = OpenXlsx(OfficialXlsx.Write(report));
        errors = ValidationErrors(xlsx);
        Assert.True(errors.Length == 0, errors);
        var sheets = SheetNames(xlsx);
        Assert.All(sheets, n => Assert.True(n.Length <= 31 && n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n));
        Assert.Equal("R&D  <ok>", CellText(xlsx, sheets[2], "B3"));
    }

    [Fact]
    public void Column_widths_fill_the_text_width_with_a_narrow_order_column()
    {
        var table = OfficialDocumentSample.Report().Sections[0].Table!;
        var widths = OfficialDocxTable.ColumnWidths(table, OfficialDocx.TextWidth);
        Assert.Equal(OfficialDocx.TextWidth, widths.Sum());
        Assert.Equal(widths.Max(), widths[1]);
        Assert.True(widths[0] * 4 < widths[1], $"STT {widths[0]}, Chỉ tiêu {widths[1]}");
        // Neither "STT" nor a year may wrap.
        Assert.True(widths[0] >= (int)(216 + OfficialDocxTable.Measure("STT", bold: true)), $"STT: {widths[0]}");
        Assert.True(widths[4] >= (int)(216 + OfficialDocxTable.Measure("2026", bold: false)), $"Năm: {widths[4]}");
    }
}
