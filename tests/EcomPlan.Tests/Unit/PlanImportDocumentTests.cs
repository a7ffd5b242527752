using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EcomPlan.Web.Features.PlanImport;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace EcomPlan.Tests.Unit;

/// <summary>Uploaded DOCX and PDF files become lines the parser reads; a scan or a broken file is refused in Vietnamese.</summary>
public class PlanImportDocumentTests
{
    private static Paragraph P(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableCell Cell(params string[] paragraphs) => new(paragraphs.Select(P));

    private static MemoryStream Docx()
    {
        var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var mergeStart = Cell("Sở Công Thương");
            mergeStart.Append(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }));
            var mergeContinue = Cell("");
            mergeContinue.Append(new TableCellProperties(new VerticalMerge()));
            main.Document = new Document(new Body(
                P("Số: 12/KH-UBND"),
                P("2. Mục tiêu cụ thể"),
                P("a) Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử đạt trên 80%;"),
                P("b) Hơn 5.000 lượt người được tập huấn."),
                P("Phụ lục 1"),
                P("NHIỆM VỤ THỰC HIỆN KẾ HOẠCH"),
                new Table(
                    new TableRow(Cell("TT"), Cell("Nội dung"), Cell("Cơ quan chủ trì"), Cell("Thời gian")),
                    new TableRow(Cell("I"), Cell("Thể chế"), Cell(""), Cell("")),
                    new TableRow(Cell("1"), Cell("Xây dựng quy chế phối hợp"), mergeStart, Cell("2026 - 2030")),
                    new TableRow(Cell("2"), Cell("Kiểm tra, xử lý vi phạm", "trên môi trường mạng"), mergeContinue, Cell("Hằng năm")),
                    new TableRow(Cell("3"), Cell("Tuyên truyền"), Cell("Sở Văn hóa, Thể thao và Du lịch", "Báo và Đài Phát thanh - Truyền hình tỉnh"), Cell("Thường xuyên")))));
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void A_docx_gives_paragraphs_and_table_rows_the_parser_reads()
    {
        var lines = DocumentText.Read("ke-hoach.docx", Docx());
        Assert.Contains("1\tXây dựng quy chế phối hợp\tSở Công Thương\t2026 - 2030", lines);
        var text = PlanTextParser.Parse(lines);
        Assert.Equal("12/KH-UBND", text.Metadata.DocumentNumber);
        Assert.Equal([(PhraseKind.Floor, 80m, true), (PhraseKind.Count, 5000m, true)], text.Targets.Select(t => (t.Reading.Kind, t.Reading.Value!.Value, t.Reading.Exclusive)));
        Assert.Equal(
            new[]
            {
                ("Xây dựng quy chế phối hợp", "Sở Công Thương", "2026 - 2030"),
                ("Kiểm tra, xử lý vi phạm; trên môi trường mạng", "Sở Công Thương", "Hằng năm"),
                ("Tuyên truyền", "Sở Văn hóa, Thể thao và Du lịch|Báo và Đài Phát thanh - Truyền hình tỉnh", "Thường xuyên"),
            },
            text.Tasks.Select(t => (t.Text, string.Join("|", t.Lead), t.Timeframe!)).ToArray());
        Assert.All(text.Tasks, t => Assert.Equal(("I", "Thể chế"), (t.Group!.Code, t.Group.Title)));
    }

    private static MemoryStream Pdf(Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont> draw)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        draw(builder.AddPage(595, 842), font);
        return new MemoryStream(builder.Build());
    }

    [Fact]
    public void A_pdf_with_a_text_layer_gives_its_lines_and_keeps_table_cells_apart()
    {
        var pdf = Pdf((page, font) =>
        {
            page.AddText("Muc tieu cu the", 12, new PdfPoint(50, 760), font);
            page.AddText("a) Ty le doanh nghiep dat 70%;", 12, new PdfPoint(50, 740), font);
            page.AddText("1", 11, new PdfPoint(50, 700), font);
            page.AddText("Xay dung quy che", 11, new PdfPoint(90, 700), font);
            page.AddText("So Cong Thuong", 11, new PdfPoint(330, 700), font);
        });
        var lines = DocumentText.Read("plan.pdf", pdf);
        Assert.Equal(["Muc tieu cu the", "a) Ty le doanh nghiep dat 70%;", "1\tXay dung quy che\tSo Cong Thuong"], lines);
        Assert.Equal(70m, PlanTextParser.Parse(lines).Targets.Single().Reading.Value);
    }

    [Fact]
    public void A_pdf_without_text_is_refused_as_a_scan()
    {
        var scan = Pdf((page, _) => page.DrawRectangle(new PdfPoint(50, 50), 300, 400, 2, fill: false));
        var e = Assert.Throws<FormatException>(() => DocumentText.FromPdf(scan));
        Assert.StartsWith("Tệp PDF không có lớp chữ (bản quét)", e.Message);
    }

    [Theory]
    [InlineData("plan.pdf", "Không đọc được tệp PDF")]
    [InlineData("plan.docx", "Không đọc được tệp DOCX")]
    [InlineData("plan.xlsx", "Chỉ nhận tệp DOCX, PDF")]
    public void A_broken_or_unknown_file_is_a_vietnamese_format_error(string name, string message)
    {
        var e = Assert.Throws<FormatException>(() => DocumentText.Read(name, new MemoryStream("đây không phải tệp hợp lệ"u8.ToArray())));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Empty_and_oversized_input_are_refused()
    {
        Assert.StartsWith("Tệp PDF rỗng", Assert.Throws<FormatException>(() => DocumentText.FromPdf(new MemoryStream())).Message);
        Assert.StartsWith("Văn bản quá dài", Assert.Throws<FormatException>(() => DocumentText.FromPastedText(new string('a', DocumentText.MaxCharacters + 1))).Message);
    }

    [Fact]
    public void Pasted_text_keeps_its_lines_whatever_the_line_endings()
    {
        Assert.Equal(["a) Đạt 70%;", "b) Dưới 10%."], DocumentText.FromPastedText("\uFEFFa) Đạt 70%;\r\nb) Dưới 10%."));
    }
}
