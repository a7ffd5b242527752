using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Unit;

public partial class OfficialDocumentTests
{
    private static SpreadsheetDocument OpenXlsx(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    private static List<string> SheetNames(SpreadsheetDocument xlsx) =>
        xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    private static Cell? CellAt(SpreadsheetDocument xlsx, string sheet, string reference)
    {
        var id = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var part = (WorksheetPart)xlsx.WorkbookPart.GetPartById(id);
        return part.Worksheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);
    }

    private static string? CellText(SpreadsheetDocument xlsx, string sheet, string reference) =>
        CellAt(xlsx, sheet, reference) is { } cell ? cell.InlineString?.InnerText ?? cell.CellValue?.Text : null;

    [Fact]
    public void Xlsx_validates_with_one_sheet_per_table()
    {
        using var xlsx = OpenXlsx(OfficialXlsx.Write(OfficialDocumentSample.Report()));
        var errors = ValidationErrors(xlsx);
        Assert.True(errors.Length == 0, errors);
        Assert.Equal(["Chỉ tiêu", "Nhiệm vụ"], SheetNames(xlsx));
        // Title, then the header row in a bold font.
        Assert.StartsWith("Tình hình thực hiện Kế hoạch", CellText(xlsx, "Chỉ tiêu", "A1"));
        Assert.Equal(OfficialDocumentSample.TargetColumns, new[] { "A2", "B2", "C2", "D2", "E2", "F2" }.Select(r => CellText(xlsx, "Chỉ tiêu", r)));
        var fonts = xlsx.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ToList();
        var formats = xlsx.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool IsBold(Cell cell) => fonts[(int)formats[(int)cell.StyleIndex!.Value].FontId!.Value].Bold is not null;
        Assert.True(IsBold(CellAt(xlsx, "Chỉ tiêu", "B2")!));
        Assert.False(IsBold(CellAt(xlsx, "Chỉ tiêu", "B3")!));
        Assert.True(IsBold(CellAt(xlsx, "Nhiệm vụ", "A3")!));
        Assert.Equal("Nhóm 1. Hoàn thiện cơ chế, chính sách và nâng cao nhận thức", CellText(xlsx, "Nhiệm vụ", "A3"));
    }

    [Fact]
    public void Xlsx_stores_Vietnamese_numbers_as_numbers_and_keeps_codes_dates_and_words_as_text()
    {
        using var xlsx = OpenXlsx(OfficialXlsx.Write(OfficialDocumentSample.Report()));
        void IsNumber(string sheet, string reference, string value)
        {
            var cell = CellAt(xlsx, sheet, reference)!;
            Assert.Equal((CellValues.Number, value), (cell.DataType!.Value, cell.CellValue?.Text));
        }
        void IsText(string sheet, string reference, string value)
        {
            var cell = CellAt(xlsx, sheet, reference)!;
            Assert.Equal((CellValues.InlineString, value), (cell.DataType!.Value, cell.InlineString?.InnerText));
        }
        IsNumber("Chỉ tiêu", "D3", "60.82");
        IsNumber("Chỉ tiêu", "C4", "1200");
        IsNumber("Chỉ tiêu", "D4", "1250.5");
        IsNumber("Chỉ tiêu", "D6", "-3.5");
        IsText("Chỉ tiêu", "A3", "1");
        IsText("Chỉ tiêu", "F3", "Đạt");
        IsText("Nhiệm vụ", "A5", "1.2");
        IsText("Nhiệm vụ", "D5", "15/06/2026");
        IsNumber("Nhiệm vụ", "E5", "75.5");
    }

    [Fact]
    public void Xlsx_round_trips_Vietnamese_text()
    {
        using var xlsx = OpenXlsx(OfficialXlsx.Write(OfficialDocumentSample.Report()));
        Assert.Equal("Tỷ lệ doanh nghiệp trên địa bàn tỉnh có website hoặc tham gia sàn thương mại điện tử (%)", CellText(xlsx, "Chỉ tiêu", "B3"));
        Assert.Equal("Sở Công Thương; UBND các xã, phường", CellText(xlsx, "Nhiệm vụ", "C7"));
        Assert.Equal("Chưa đạt", CellText(xlsx, "Chỉ tiêu", "F5"));
    }

    [Fact]
    public void A_report_without_tables_makes_one_sheet_with_its_subject()
    {
        var report = OfficialDocumentSample.Report();
        report = report with { Sections = [.. report.Sections.Select(s => s with { Table = null })] };
        using var xlsx = OpenXlsx(OfficialXlsx.Write(report));
        var errors = ValidationErrors(xlsx);
        Assert.True(errors.Length == 0, errors);
        Assert.Equal(["Báo cáo"], SheetNames(xlsx));
        Assert.StartsWith("Tình hình thực hiện", CellText(xlsx, "Báo cáo", "A1"));
    }

    [Theory]
    [InlineData("Chỉ tiêu", "Chỉ tiêu")]
    [InlineData("chỉ TIÊU", "chỉ TIÊU (2)")]
    [InlineData("Nhiệm vụ/Giải pháp [2026]: 6 tháng?", "Nhiệm vụ-Giải pháp -2026-- 6 th")]
    [InlineData("'Trích dẫn'", "Trích dẫn")]
    [InlineData("  ", "Bảng")]
    [InlineData("history", "history (2)")]
    public void Sheet_names_are_made_valid_and_unique(string wanted, string expected)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Chỉ tiêu" };
        if (wanted == "Chỉ tiêu") taken.Clear();
        var name = OfficialXlsx.SheetName(wanted, taken);
        Assert.Equal(expected, name);
        Assert.True(name.Length <= 31);
    }

    [Theory]
    [InlineData("60,82", true)]
    [InlineData("1.000.000", true)]
    [InlineData("-3,5", true)]
    [InlineData("2026", true)]
    [InlineData("0,5", true)]
    [InlineData("1.2", false)]
    [InlineData("15/06/2026", false)]
    [InlineData("1.00", false)]
    [InlineData("007", false)]
    [InlineData("60.82", false)]
    [InlineData("1,000", true)]
    [InlineData("", false)]
    [InlineData("5%", false)]
    [InlineData("١٢", false)]
    public void Only_whole_cells_in_the_Vietnamese_number_format_are_numbers(string text, bool number) =>
        Assert.Equal(number, VietnameseNumber.IsNumber(text));
}
