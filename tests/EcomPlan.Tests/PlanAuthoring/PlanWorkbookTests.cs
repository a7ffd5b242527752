using System.IO.Compression;
using System.Text.Json;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using static EcomPlan.Web.Features.PlanAuthoring.PlanWorkbook;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>The workbook as pure functions: written, read back, and every problem of a file placed at its sheet, row and column.</summary>
public class PlanWorkbookTests
{
    private static WorkbookRead Read(byte[] xlsx, string name = "ke-hoach.xlsx") => PlanWorkbook.Read(new MemoryStream(xlsx), name);

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public void A_plan_written_and_read_back_is_the_same_content_codes_and_keys_kept_as_text()
    {
        var sample = WorkbookFiles.Sample();
        var read = Read(PlanWorkbook.Write(sample, WorkbookCatalogue.Empty));
        Assert.Empty(read.Problems);
        // References come back as a list (the sheet is there, empty): "none" rather than "keep what is stored".
        var expected = sample with { TargetGroups = [.. sample.TargetGroups.Select(g => g with { Targets = [.. g.Targets.Select(t => t with { References = [] })] })] };
        Assert.Equal(Json(expected), Json(read.Content!));
        Assert.Equal("01", read.Content!.Header.ProvinceCode);
        Assert.Equal("I.10", read.Content.Targets.Last().Key);
    }

    [Fact]
    public void Codes_and_keys_are_text_cells_so_Excel_keeps_01_and_1_10_and_numbers_are_number_cells()
    {
        var sample = WorkbookFiles.Sample();
        sample = sample with { TargetGroups = [sample.TargetGroups[0] with { Code = "1", Targets = [sample.TargetGroups[0].Targets[0] with { Key = "1.10" }] }] };
        using var zip = new ZipArchive(new MemoryStream(PlanWorkbook.Write(sample, WorkbookCatalogue.Empty)));
        string Sheet(int n) => new StreamReader(zip.GetEntry($"xl/worksheets/sheet{n}.xml")!.Open()).ReadToEnd();
        Assert.Contains("<x:c r=\"B4\" t=\"inlineStr\"><x:is><x:t>01</x:t>", Sheet(1));
        var targets = Sheet(2);
        Assert.Contains("<x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t>1</x:t>", targets);
        Assert.Contains("<x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>1.10</x:t>", targets);
        Assert.Contains("<x:c r=\"G2\" t=\"n\"><x:v>70</x:v>", targets);
    }

    [Fact]
    public void The_template_has_every_sheet_with_Vietnamese_headers_and_the_allowed_values()
    {
        var catalogue = new WorkbookCatalogue([("online_shoppers_population_share", "Tỷ lệ dân số tham gia mua sắm trực tuyến", "%")], [("01", "Hà Nội")],
            new Dictionary<string, string>());
        var sheets = Spreadsheet.ReadSheets(new MemoryStream(PlanWorkbook.Write(null, catalogue)), "mau.xlsx");
        Assert.Equal([PlanSheet, TargetSheet, TaskSheet, AgencySheet, ReferenceSheet, AllowedSheet], sheets.Select(s => s.Name));
        Assert.Equal(TargetColumns.Select(c => c.Header), sheets[1].Rows[0]);
        Assert.Contains("Đơn vị theo dõi", sheets[1].Rows[0]);
        var allowed = sheets[5].Rows;
        Assert.Contains(allowed, r => r[0] == "Loại chỉ tiêu" && r[1] == "floor" && r[2] == "Tối thiểu");
        Assert.Contains(allowed, r => r[0] == "Loại cơ quan" && r[1] == "department" && r[2] == "Sở, ngành tỉnh");
        Assert.Contains(allowed, r => r[0] == "Tỉnh" && r[1] == "01" && r[2] == "Hà Nội");
        Assert.Contains(allowed, r => r[0] == "Chỉ số" && r[1] == "online_shoppers_population_share");
        // The empty template reads as a plan without a title or issuer: the rules, not the reader, say so.
        var read = Read(PlanWorkbook.Write(null, catalogue));
        Assert.Contains(read.Problems, p => p.Sheet == PlanSheet && p.Message.Contains("năm đầu"));
    }

    [Theory]
    [InlineData("Tối thiểu", TargetKind.Floor)]
    [InlineData("floor", TargetKind.Floor)]
    [InlineData("toi thieu, co muc phan dau", TargetKind.Band)]
    [InlineData("share_of_share", TargetKind.ShareOfShare)]
    [InlineData("Tăng trưởng hằng năm", TargetKind.Growth)]
    public void A_kind_is_taken_by_its_code_or_its_Vietnamese_name(string written, TargetKind kind) =>
        Assert.Equal(kind, WorkbookCells.Kind(written).Value);

    [Theory]
    [InlineData("60.82", "60.82")]
    [InlineData("60,82", "60.82")]
    [InlineData("1.000.000", "1000000")]
    [InlineData("70%", "70")]
    [InlineData("1E3", "1000")]
    public void Numbers_are_read_from_number_cells_and_as_Vietnamese_type_them(string raw, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkbookCells.Number(raw).Value);

    [Fact]
    public void Dates_are_read_as_dd_MM_yyyy_or_as_an_Excel_day_number()
    {
        Assert.Equal(new DateOnly(2025, 9, 12), WorkbookCells.Date("12/09/2025").Value);
        Assert.Equal(new DateOnly(2025, 9, 12), WorkbookCells.Date("2025-09-12").Value);
        Assert.Equal(new DateOnly(2025, 9, 12), WorkbookCells.Date("45912").Value);
        Assert.Contains("không hợp lệ", WorkbookCells.Date("31/02/2025").Error);
    }

    [Fact]
    public void Bad_numbers_dates_years_and_kinds_are_each_reported_at_their_sheet_row_and_column()
    {
        var file = WorkbookFiles.Of(WorkbookFiles.Sample())
            .SetPlan("Ngày văn bản", "15/13/2026")
            .Set(TargetSheet, 2, "Giá trị", "bảy mươi")
            .Set(TargetSheet, 3, "Loại", "rất tốt")
            .Set(TargetSheet, 3, "Thời hạn", "20300")
            .Set(TaskSheet, 2, "Năm bắt đầu", "năm sau");
        var read = Read(file.Bytes());
        Assert.Contains(new WorkbookProblem(PlanSheet, 8, "Giá trị", "Ngày '15/13/2026' không hợp lệ (ghi ngày/tháng/năm, ví dụ 12/09/2025)."), read.Problems);
        Assert.Contains(new WorkbookProblem(TargetSheet, 2, "Giá trị", "'bảy mươi' không phải là số (ví dụ 60,82 hoặc 60.82)."), read.Problems);
        Assert.Contains(read.Problems, p => p is { Sheet: TargetSheet, Row: 3, Column: "Loại" } && p.Message.StartsWith("Loại chỉ tiêu 'rất tốt' không có"));
        Assert.Contains(new WorkbookProblem(TargetSheet, 3, "Thời hạn", "Năm '20300' không hợp lệ (ghi bốn chữ số, ví dụ 2027)."), read.Problems);
        Assert.Contains(new WorkbookProblem(TaskSheet, 2, "Năm bắt đầu", "Năm 'năm sau' không hợp lệ (ghi bốn chữ số, ví dụ 2027)."), read.Problems);
        Assert.Equal(5, read.Problems.Count);
        // The rules' "needs a value" about the unreadable 'bảy mươi' would only repeat it.
        var all = read.With(PlanContentRules.Check(read.Content!, new ContentContext(PlanLevel.Provincial, "01",
            new Dictionary<string, string> { ["online_shoppers_population_share"] = "higher" }, new HashSet<string> { "bo cong thuong" }, false)));
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public void A_file_that_is_not_an_xlsx_or_misses_a_sheet_or_a_column_says_so()
    {
        Assert.Equal("Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.", Assert.Single(Read("không phải zip"u8.ToArray()).Problems).Message);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open())) writer.Write("không có trang nào");
        Assert.Null(Read(zip.ToArray()).Content);
        Assert.Single(Read(zip.ToArray()).Problems);
        Assert.StartsWith("Chỉ nhận tệp Excel (.xlsx)", Assert.Single(Read("a,b"u8.ToArray(), "ke-hoach.csv").Problems).Message);

        var missing = Read(WorkbookFiles.Of(WorkbookFiles.Sample()).Without(TaskSheet).Bytes());
        Assert.Null(missing.Content);
        Assert.StartsWith("Thiếu trang “Nhiệm vụ”.", Assert.Single(missing.Problems).Message);

        var noColumn = Read(WorkbookFiles.Of(WorkbookFiles.Sample()).Set(TargetSheet, 1, "Loại", "Kiểu").Bytes());
        Assert.Equal(new WorkbookProblem(TargetSheet, 1, "Loại", "Thiếu cột “Loại” ở dòng tiêu đề (dòng 1) của trang “Chỉ tiêu”."), Assert.Single(noColumn.Problems));
    }

    [Fact]
    public void A_plan_sheet_without_level_period_or_province_gives_no_content()
    {
        var read = Read(WorkbookFiles.Of(WorkbookFiles.Sample()).SetPlan("Mã tỉnh", "").SetPlan("Giai đoạn đến", "").Bytes());
        Assert.Null(read.Content);
        Assert.Equal(
            [new(PlanSheet, 4, "Giá trị", "Kế hoạch cấp tỉnh cần mã tỉnh (xem trang “Giá trị cho phép”)."), new(PlanSheet, 6, "Giá trị", "Ghi năm cuối của giai đoạn (ví dụ 2030).")],
            read.Problems);
    }

    [Fact]
    public void A_copied_row_is_a_new_item_and_a_group_row_alone_is_an_empty_group()
    {
        var read = Read(WorkbookFiles.Of(WorkbookFiles.Sample() with { TaskGroups = [.. WorkbookFiles.Sample().TaskGroups.Select(g => g with
            {
                Tasks = [.. g.Tasks.Select(t => t with { Id = 41 })],
            })] })
            .CopyRow(TaskSheet, 2, ("Số TT", "2"), ("Nội dung", "Nhiệm vụ thêm bằng cách chép dòng trên"))
            .CopyRow(TaskSheet, 2, ("Nhóm", "2"), ("Tên nhóm", "Phát triển hạ tầng"), ("Số TT", ""), ("Nội dung", ""), ("Chủ trì", ""), ("Năm bắt đầu", ""),
                ("Năm kết thúc", ""), ("Mã nội bộ", ""))
            .Bytes());
        Assert.Empty(read.Problems);
        var groups = read.Content!.TaskGroups;
        Assert.Equal([41, null], groups[0].Tasks.Select(t => t.Id));
        Assert.Equal(("2", "Phát triển hạ tầng", 0), (groups[1].Code, groups[1].Title, groups[1].Tasks.Count));
    }

    [Fact]
    public void The_rules_problems_point_at_the_rows_their_items_came_from()
    {
        var file = WorkbookFiles.Of(WorkbookFiles.Sample())
            .Set(TargetSheet, 2, "Giá trị", "170")
            .CopyRow(TargetSheet, 2, ("Nội dung", "Chỉ tiêu trùng mã"))
            .Set(TargetSheet, 3, "Chỉ số", "chi_so_chua_co")
            .Set(TaskSheet, 2, "Chủ trì", "Sở Công Thương; Bộ Công Thương");
        var read = Read(file.Bytes());
        Assert.Empty(read.Problems);
        var all = read.With(PlanContentRules.Check(read.Content!, new ContentContext(PlanLevel.Provincial, "01",
            new Dictionary<string, string> { ["online_shoppers_population_share"] = "higher" }, new HashSet<string> { "bo cong thuong" }, false)));
        Assert.Contains(new WorkbookProblem(TargetSheet, 2, "Giá trị", "Tỷ lệ phần trăm phải từ 0 đến 100."), all);
        Assert.Contains(new WorkbookProblem(TargetSheet, 4, "Mã", "Mã chỉ tiêu 'I.1' bị trùng trong kế hoạch."), all);
        Assert.Contains(all, p => p is { Sheet: TargetSheet, Row: 3, Column: "Chỉ số" } && p.Message.Contains("đề xuất chỉ số mới"));
        Assert.Contains(new WorkbookProblem(TaskSheet, 2, "Chủ trì",
            "Cơ quan 'Sở Công Thương' chưa có trong danh sách cơ quan của tỉnh: sửa tên cho đúng, hoặc chọn 'Tạo các cơ quan chưa có' khi nhập."), all);
    }

    [Fact]
    public void The_agencies_sheet_gives_the_kind_of_the_agencies_an_import_creates()
    {
        var file = WorkbookFiles.Of(WorkbookFiles.Sample())
            .Set(AgencySheet, 3, "Tên", "Trung tâm Xúc tiến Thương mại").Set(AgencySheet, 3, "Loại", "Sở, ngành tỉnh")
            .Set(AgencySheet, 4, "Tên", "Hội Doanh nhân trẻ").Set(AgencySheet, 4, "Loại", "loại lạ");
        var read = Read(file.Bytes());
        Assert.Equal("department", read.AgencyKinds["trung tam xuc tien thuong mai"]);
        Assert.Equal("ministry", read.AgencyKinds["bo cong thuong"]);
        Assert.Equal(new WorkbookProblem(AgencySheet, 4, "Loại", "Loại cơ quan 'loại lạ' không có: dùng một loại của trang “Giá trị cho phép”."), Assert.Single(read.Problems));
    }
}
