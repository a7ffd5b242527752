using DocumentFormat.OpenXml.Wordprocessing;
using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Unit;

/// <summary>Numbering, the landscape annex of a wide table, and a signature block that never stands alone.</summary>
public partial class OfficialDocumentTests
{
    /// <summary>The sample with its task table moved to an annex, as the consolidated report does.</summary>
    private static OfficialDocument WithAnnex()
    {
        var report = OfficialDocumentSample.Report();
        return report with { Sections = [.. report.Sections.Select(s => s.Table?.SheetName == "Nhiệm vụ" ? s with { Annex = "Tình hình thực hiện nhiệm vụ" } : s)] };
    }

    [Fact]
    public void Sections_are_numbered_in_order_whatever_is_inserted_between_them()
    {
        var sections = DocumentSection.Numbered(new[] { "TÌNH HÌNH", "KHÓ KHĂN", "ĐÁNH GIÁ CHUNG", "KIẾN NGHỊ" }.Select(h => new DocumentSection(h, [])));
        Assert.Equal(["I. TÌNH HÌNH", "II. KHÓ KHĂN", "III. ĐÁNH GIÁ CHUNG", "IV. KIẾN NGHỊ"], sections.Select(s => s.Heading));
        Assert.Equal(["I", "IV", "V", "VI", "VII", "IX", "XIV"], new[] { 1, 4, 5, 6, 7, 9, 14 }.Select(DocumentSection.Roman));
    }

    [Fact]
    public void A_wide_table_goes_to_a_landscape_annex_after_the_signature_and_the_section_refers_to_it()
    {
        var bytes = OfficialDocx.Write(WithAnnex());
        using var docx = OpenDocx(bytes);
        Assert.True(ValidationErrors(docx).Length == 0, ValidationErrors(docx));
        var body = BodyOf(docx);

        // Two sections: the report on portrait A4, closed by a paragraph's section properties; the annex on landscape A4.
        var portrait = Assert.Single(body.Elements<Paragraph>().Select(p => p.ParagraphProperties?.SectionProperties).OfType<SectionProperties>());
        var portraitSize = portrait.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (portraitSize.Width?.Value, portraitSize.Height?.Value));
        Assert.NotNull(portrait.GetFirstChild<TitlePage>());
        var landscape = body.Elements<SectionProperties>().Single();
        var landscapeSize = landscape.GetFirstChild<PageSize>()!;
        Assert.Equal((16838u, 11906u, PageOrientationValues.Landscape), (landscapeSize.Width?.Value, landscapeSize.Height?.Value, landscapeSize.Orient?.Value));

        var children = body.ChildElements.ToList();
        var sectionEnd = children.FindIndex(e => e is Paragraph p && p.ParagraphProperties?.SectionProperties is not null);
        var tables = body.Elements<Table>().ToList();
        var signature = tables.Single(t => t.InnerText.Contains("Nơi nhận:"));
        var taskTable = tables.Single(t => t.InnerText.Contains("Cơ quan chủ trì"));
        Assert.True(children.IndexOf(signature) < sectionEnd && sectionEnd < children.IndexOf(taskTable), "the task table follows the signature, in the landscape section");
        // The annex table fills the landscape width; the target table stays in the body at portrait width.
        Assert.Equal(OfficialDocx.LandscapeTextWidth, taskTable.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!)));
        var targetTable = tables.Single(t => t.InnerText.Contains("Mục tiêu"));
        Assert.True(children.IndexOf(targetTable) < children.IndexOf(signature));
        Assert.Equal(OfficialDocx.TextWidth, targetTable.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!)));

        var texts = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("(Chi tiết tại Phụ lục I kèm theo.)", texts);
        Assert.Contains("PHỤ LỤC I", texts);
        Assert.Contains("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", texts);
        Assert.Contains("(Kèm theo Báo cáo số 125/BC-SCT ngày 10/06/2026 của Sở Công Thương)", texts);
        // Without an annex, a single portrait section as before.
        using var plain = OpenDocx(OfficialDocx.Write(OfficialDocumentSample.Report()));
        Assert.DoesNotContain(BodyOf(plain).Descendants<Paragraph>(), p => p.ParagraphProperties?.SectionProperties is not null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_signature_block_is_kept_with_the_paragraphs_before_it(bool annex)
    {
        using var docx = OpenDocx(OfficialDocx.Write(annex ? WithAnnex() : OfficialDocumentSample.Report()));
        var children = BodyOf(docx).ChildElements.ToList();
        var signature = children.OfType<Table>().Single(t => t.InnerText.Contains("Nơi nhận:"));
        var at = children.IndexOf(signature);
        var spacer = Assert.IsType<Paragraph>(children[at - 1]);
        Assert.NotNull(spacer.ParagraphProperties?.KeepNext);
        var last = Assert.IsType<Paragraph>(children[at - 2]);
        Assert.Equal("Đề nghị Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch năm 2027.", last.InnerText);
        Assert.NotNull(last.ParagraphProperties?.KeepNext);
        Assert.NotNull(last.ParagraphProperties?.KeepLines);
        Assert.NotNull(signature.Elements<TableRow>().Single().TableRowProperties?.GetFirstChild<CantSplit>());
        // The signer: title, room to sign, then the name.
        var signer = signature.Descendants<TableCell>().Last().Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("GIÁM ĐỐC", signer[0]);
        Assert.Equal("Nguyễn Văn An", signer[^1]);
    }

    [Fact]
    public void A_long_description_column_takes_the_width_rather_than_a_column_of_short_names()
    {
        var table = new DocumentTable("Nhiệm vụ", ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Tình trạng", "% hoàn thành", "Kết quả"],
        [
            .. Enumerable.Range(1, 30).Select(i => new DocumentRow([$"{i}", string.Join(' ', Enumerable.Repeat("Hỗ trợ doanh nghiệp tham gia sàn thương mại điện tử", 4)),
                "Sở Công Thương", "Đang thực hiện", "40", ""])),
            new(["31", "Tuyên truyền", "Sở Công Thương; Sở Khoa học và Công nghệ; Ủy ban nhân dân các xã, phường; Hội Doanh nghiệp", "Chưa báo cáo", "–", ""]),
        ]);
        var widths = OfficialDocxTable.ColumnWidths(table, OfficialDocx.LandscapeTextWidth);
        Assert.Equal(OfficialDocx.LandscapeTextWidth, widths.Sum());
        Assert.True(widths[1] > 2 * widths[2], $"Nhiệm vụ {widths[1]}, Cơ quan chủ trì {widths[2]}");
        // The longest word of each column still fits.
        Assert.True(widths[3] >= (int)(216 + OfficialDocxTable.Measure("Đang", bold: false)), $"Tình trạng {widths[3]}");
        Assert.True(widths[4] >= (int)(216 + OfficialDocxTable.Measure("thành", bold: true)), $"% hoàn thành {widths[4]}");
    }

    [Fact]
    public void LibreOffice_puts_a_long_task_table_on_a_few_landscape_pages()
    {
        var soffice = SofficePaths.FirstOrDefault(File.Exists);
        if (soffice is null) return;
        var report = WithAnnex();
        var tasks = report.Sections.Single(s => s.Annex is not null).Table!;
        var many = tasks with
        {
            Rows = [.. Enumerable.Range(1, 60).Select(i => new DocumentRow([$"{i}", $"Nhiệm vụ số {i}: hỗ trợ doanh nghiệp, hợp tác xã tham gia sàn thương mại điện tử và đào tạo kỹ năng số",
                "Sở Công Thương; UBND các xã, phường", "Đang thực hiện", "40", "Tổ chức 3 lớp tập huấn cho 120 học viên."]))],
        };
        report = report with { Sections = [.. report.Sections.Select(s => s.Annex is null ? s : s with { Table = many })] };
        var work = Directory.CreateTempSubdirectory("ecomplan-annex-");
        try
        {
            var file = Path.Combine(work.FullName, "phu-luc.docx");
            File.WriteAllBytes(file, OfficialDocx.Write(report));
            ConvertToPdf(soffice, work.FullName, file);
            var pages = PageCount(Path.ChangeExtension(file, ".pdf"));
            output.WriteLine($"LibreOffice pages with a 60-task annex: {pages}");
            Assert.InRange(pages, 3, 12);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
