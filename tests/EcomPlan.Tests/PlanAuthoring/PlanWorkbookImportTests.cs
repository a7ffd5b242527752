using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.PlanAuthoring;
using Microsoft.EntityFrameworkCore;
using static EcomPlan.Web.Features.PlanAuthoring.PlanWorkbook;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>
/// Plans imported from Excel through the API: a new draft, then its export imported back over it; every bad file
/// refused with each problem at its sheet, row and column in Vietnamese, and nothing written.
/// </summary>
[Collection(AuthoringCollection.Name)]
public class PlanWorkbookImportTests(AuthoringApp app)
{
    private const string HaNoi = "01";
    private const string CanTho = "92";

    private async Task<HttpClient> AdminOfAsync(string province)
    {
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = province });
        return app.ClientWithToken(await app.TokenForAsync(id));
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Body)> ImportAsync(HttpClient client, byte[] file, string? planId = null,
        bool createAgencies = false, string fileName = "ke-hoach.xlsx")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } };
        if (planId is not null) form.Add(new StringContent(planId), "planId");
        if (createAgencies) form.Add(new StringContent("true"), "createAgencies");
        var response = await client.PostAsync("/api/v1/plans/import", form);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject());
    }

    private static List<WorkbookProblem> ProblemsOf(JsonObject body) =>
        body["problems"]!.AsArray().Select(p => p!).Select(p => new WorkbookProblem(p.Str("sheet"), p["row"]!.GetValue<int>(), p.Str("column"), p.Str("message"))).ToList();

    /// <summary>What an import would change: plans, their items, agencies, import audit entries.</summary>
    internal static async Task<(int Plans, int Targets, int Tasks, int Agencies, int Imports)> CountsAsync(EcomPlanApp app)
    {
        await using var db = app.CreateDbContext();
        return (await db.Plans.CountAsync(), await db.Targets.CountAsync(), await db.Tasks.CountAsync(), await db.Agencies.CountAsync(),
            await db.AuditEntries.CountAsync(e => e.EntityType == "PlanImport"));
    }

    private async Task<PlanContent> StoredAsync(string planId)
    {
        await using var db = app.CreateDbContext();
        return (await PlanContentStore.ReadAsync(db, planId, CancellationToken.None))!;
    }

    [Fact]
    public async Task A_new_plan_is_imported_then_its_export_takes_a_new_task_and_imports_back_over_it()
    {
        var admin = await AdminOfAsync(HaNoi);
        var before = await CountsAsync(app);
        var (status, body) = await ImportAsync(admin, WorkbookFiles.Of(WorkbookFiles.Sample()).Bytes());
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        var id = body.Str("planId");
        Assert.Equal("ha-noi-2026-2030", id);
        Assert.Equal((before.Plans + 1, before.Targets + 2, before.Tasks + 1, before.Imports + 1), (await CountsAsync(app)) is var c ? (c.Plans, c.Targets, c.Tasks, c.Imports) : default);
        var plan = await admin.GetJsonAsync($"/api/v1/plans/{id}");
        Assert.Equal(("draft", "01", "national-2026-2030"), (plan.Str("status"), plan.Str("provinceCode"), plan.Str("nationalPlanId")));

        // The plan being authored: exported, a task added in Excel by copying a row, imported back into it.
        var stored = await StoredAsync(id);
        var export = await admin.GetByteArrayAsync($"/api/v1/plans/{id}/workbook");
        var edited = WorkbookFiles.Of(export).CopyRow(TaskSheet, 2, ("Số TT", "2"), ("Nội dung", "Tổ chức hội chợ thương mại điện tử hằng năm"), ("Năm bắt đầu", "2027"));
        (status, body) = await ImportAsync(admin, edited.Bytes(), planId: id);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        var after = await StoredAsync(id);
        Assert.Equal(stored.Targets.Select(t => t.Id), after.Targets.Select(t => t.Id));
        Assert.Equal(stored.Tasks.Single().Id, after.Tasks.First().Id);
        var added = Assert.Single(PlanDiff.Compare(stored, after).Tasks);
        Assert.Equal((ChangeKind.Added, "Tổ chức hội chợ thương mại điện tử hằng năm"), (added.Kind, added.Title));

        // The unchanged export imported again changes nothing.
        (status, _) = await ImportAsync(admin, await admin.GetByteArrayAsync($"/api/v1/plans/{id}/workbook"), planId: id);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(PlanDiff.Compare(after, await StoredAsync(id)).IsEmpty);
        Assert.Equal(after.Tasks.Select(t => t.Id), (await StoredAsync(id)).Tasks.Select(t => t.Id));
    }

    public static TheoryData<string> BadFiles => new(["not-a-zip", "zip-without-sheets", "missing-sheet", "bad-number-date-year", "unknown-kind",
        "duplicate-keys", "out-of-range", "unknown-indicator", "unknown-agency", "csv"]);

    private static (byte[] File, string Name, WorkbookProblem Expected) BadFile(string name)
    {
        var sample = WorkbookFiles.Of(WorkbookFiles.Sample(CanTho, "thành phố Cần Thơ"));
        switch (name)
        {
            case "not-a-zip": return ("PK không phải tệp nén"u8.ToArray(), "ke-hoach.xlsx", new("", 0, "", "Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel."));
            case "zip-without-sheets":
                using (var zip = new MemoryStream())
                {
                    using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                    using (var writer = new StreamWriter(archive.CreateEntry("xl/workbook.xml").Open()))
                        writer.Write("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");
                    return (zip.ToArray(), "ke-hoach.xlsx", new("", 0, "", "Bảng tính không có trang nào."));
                }
            case "csv": return ("Mục,Giá trị\n"u8.ToArray(), "ke-hoach.csv", new("", 0, "",
                "Chỉ nhận tệp Excel (.xlsx) theo mẫu kế hoạch: tải mẫu hoặc xuất Excel một kế hoạch rồi điền vào."));
            case "missing-sheet": return (sample.Without(TargetSheet).Bytes(), "ke-hoach.xlsx", new(TargetSheet, 0, "",
                "Thiếu trang “Chỉ tiêu”. Tệp phải theo mẫu kế hoạch (các trang Kế hoạch, Chỉ tiêu, Nhiệm vụ); tải mẫu ở trang Nhập kế hoạch."));
            case "bad-number-date-year": return (sample.Set(TargetSheet, 2, "Giá trị", "70 phần trăm").SetPlan("Ngày văn bản", "32/01/2026")
                .Set(TaskSheet, 2, "Năm kết thúc", "hai nghìn").Bytes(), "ke-hoach.xlsx",
                new(TargetSheet, 2, "Giá trị", "'70 phần trăm' không phải là số (ví dụ 60,82 hoặc 60.82)."));
            case "unknown-kind": return (sample.Set(TargetSheet, 2, "Loại", "Vượt").Bytes(), "ke-hoach.xlsx", new(TargetSheet, 2, "Loại",
                "Loại chỉ tiêu 'Vượt' không có: dùng một loại của trang “Giá trị cho phép”, bằng tên (ví dụ 'Tối thiểu') hoặc mã (floor)."));
            case "duplicate-keys": return (sample.CopyRow(TargetSheet, 2, ("Nội dung", "Một chỉ tiêu khác cùng mã")).Bytes(), "ke-hoach.xlsx",
                new(TargetSheet, 4, "Mã", "Mã chỉ tiêu 'I.1' bị trùng trong kế hoạch."));
            case "out-of-range": return (sample.Set(TargetSheet, 2, "Giá trị", "170").Bytes(), "ke-hoach.xlsx",
                new(TargetSheet, 2, "Giá trị", "Tỷ lệ phần trăm phải từ 0 đến 100."));
            case "unknown-indicator": return (sample.Set(TargetSheet, 2, "Chỉ số", "ty_le_chua_co").Bytes(), "ke-hoach.xlsx", new(TargetSheet, 2, "Chỉ số",
                "Chỉ số 'ty_le_chua_co' chưa có trong danh mục: chọn chỉ số có sẵn, hoặc đề xuất chỉ số mới với Bộ Công Thương."));
            default: return (sample.Set(TaskSheet, 2, "Phối hợp", "Sở Công Thương").Bytes(), "ke-hoach.xlsx", new(TaskSheet, 2, "Phối hợp",
                "Cơ quan 'Sở Công Thương' chưa có trong danh sách cơ quan của tỉnh: sửa tên cho đúng, hoặc chọn 'Tạo các cơ quan chưa có' khi nhập."));
        }
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_Vietnamese_problem_at_its_sheet_row_and_column_and_nothing_is_written(string bad)
    {
        var admin = await AdminOfAsync(CanTho);
        var (file, name, expected) = BadFile(bad);
        var before = await CountsAsync(app);
        var (status, body) = await ImportAsync(admin, file, fileName: name);
        Assert.True(status == HttpStatusCode.BadRequest, body.ToJsonString());
        Assert.Contains(expected, ProblemsOf(body));
        Assert.EndsWith("Chưa có gì được ghi; hãy sửa rồi nhập lại.", body.Str("detail"));
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Every_problem_of_a_file_is_in_one_report()
    {
        var admin = await AdminOfAsync(CanTho);
        var file = WorkbookFiles.Of(WorkbookFiles.Sample(CanTho, "thành phố Cần Thơ"))
            .Set(TargetSheet, 2, "Giá trị", "170").Set(TargetSheet, 3, "Thời hạn", "năm 2030").Set(TargetSheet, 3, "Chỉ số", "ty_le_chua_co")
            .CopyRow(TargetSheet, 2, ("Nội dung", "Trùng mã"), ("Giá trị", "50")).Set(TaskSheet, 2, "Chủ trì", "Sở Công Thương");
        var before = await CountsAsync(app);
        var (status, body) = await ImportAsync(admin, file.Bytes());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problems = ProblemsOf(body);
        Assert.Equal(
            [(TargetSheet, 3, "Thời hạn"), (TargetSheet, 2, "Giá trị"), (TargetSheet, 3, "Chỉ số"), (TargetSheet, 4, "Mã"), (TaskSheet, 2, "Chủ trì")],
            problems.Select(p => (p.Sheet, p.Row, p.Column)));
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task An_unknown_agency_is_refused_then_created_with_the_kind_the_agencies_sheet_gives_it()
    {
        var admin = await AdminOfAsync(CanTho);
        var file = WorkbookFiles.Of(WorkbookFiles.Sample(CanTho, "thành phố Cần Thơ")).Set(TaskSheet, 2, "Phối hợp", "Trung tâm Xúc tiến Thương mại Cần Thơ")
            .Set(AgencySheet, 3, "Tên", "Trung tâm Xúc tiến Thương mại Cần Thơ").Set(AgencySheet, 3, "Loại", "Sở, ngành tỉnh").Bytes();
        var before = await CountsAsync(app);
        var (status, body) = await ImportAsync(admin, file);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("chọn 'Tạo các cơ quan chưa có'", Assert.Single(ProblemsOf(body)).Message);
        Assert.Equal(before, await CountsAsync(app));

        (status, body) = await ImportAsync(admin, file, createAgencies: true);
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        await using var db = app.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Name == "Trung tâm Xúc tiến Thương mại Cần Thơ");
        Assert.Equal((CanTho, "department"), (agency.ProvinceCode, agency.Kind));
        Assert.Equal(before.Agencies + 1, (await CountsAsync(app)).Agencies);
    }

    [Fact]
    public async Task Another_provinces_plan_or_file_is_refused_and_nothing_is_written()
    {
        var khanhHoa = await AdminOfAsync("56");
        var before = await CountsAsync(app);
        var dongThap = WorkbookFiles.Of(WorkbookFiles.Sample("82", "tỉnh Đồng Tháp")).Bytes();
        // Into Đồng Tháp's plan: not theirs.
        var (status, body) = await ImportAsync(khanhHoa, dongThap, planId: "dong-thap-2026-2030");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Chỉ cơ quan quản lý kế hoạch này", body.Str("detail"));
        // A new plan from a file that says Đồng Tháp.
        (status, body) = await ImportAsync(khanhHoa, dongThap);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("bạn chỉ nhập được kế hoạch của tỉnh mình", body.Str("detail"));
        Assert.Equal(before, await CountsAsync(app));

        // Into their own draft, a file that says Đồng Tháp: the file's province is refused where it is written.
        (status, body) = await ImportAsync(khanhHoa, WorkbookFiles.Of(WorkbookFiles.Sample("56", "tỉnh Khánh Hòa")).Bytes());
        Assert.Equal(HttpStatusCode.Created, status);
        var draft = body.Str("planId");
        before = await CountsAsync(app);
        (status, body) = await ImportAsync(khanhHoa, dongThap, planId: draft);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(new WorkbookProblem(PlanSheet, 4, "Giá trị", "Tệp là kế hoạch của một cấp hoặc một tỉnh khác với kế hoạch đang nhập vào."), ProblemsOf(body));
        Assert.Equal(before, await CountsAsync(app));

        // The issued plan of their own province needs an amendment first; an unknown plan is not found; a viewer may not import.
        (status, _) = await ImportAsync(khanhHoa, dongThap, planId: "khanh-hoa-2026-2030");
        Assert.Equal(HttpStatusCode.Conflict, status);
        (status, _) = await ImportAsync(khanhHoa, dongThap, planId: "khong-co");
        Assert.Equal(HttpStatusCode.NotFound, status);
        var (viewer, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        (status, _) = await ImportAsync(app.ClientWithToken(await app.TokenForAsync(viewer)), dongThap);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Keys_that_change_places_an_unknown_national_plan_or_an_oversized_source_are_refused_not_a_server_error()
    {
        var admin = await AdminOfAsync("96");
        var (status, body) = await ImportAsync(admin, WorkbookFiles.Of(WorkbookFiles.Sample("96", "tỉnh Cà Mau")).Bytes());
        Assert.Equal(HttpStatusCode.Created, status);
        var id = body.Str("planId");
        var export = await admin.GetByteArrayAsync($"/api/v1/plans/{id}/workbook");
        var before = await CountsAsync(app);

        (status, body) = await ImportAsync(admin, WorkbookFiles.Of(export).Set(TargetSheet, 2, "Mã", "I.10").Set(TargetSheet, 3, "Mã", "I.1").Bytes(), planId: id);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(new WorkbookProblem(TargetSheet, 0, "",
            "Chỉ tiêu I.1, I.10 đổi mã cho nhau: không ghi được trong một lần. Hãy đổi sang mã tạm, nhập, rồi nhập lại với mã đúng."), Assert.Single(ProblemsOf(body)));

        (status, body) = await ImportAsync(admin, WorkbookFiles.Of(export).SetPlan("Kế hoạch quốc gia", "khong-co").Bytes(), planId: id);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(new WorkbookProblem(PlanSheet, 12, "Giá trị", "Không có kế hoạch quốc gia mã 'khong-co'."), Assert.Single(ProblemsOf(body)));

        // Sizes the database holds: PostgreSQL refuses a longer value with an error where SQLite keeps it.
        (status, body) = await ImportAsync(admin, WorkbookFiles.Of(export).Set(TaskSheet, 2, "Nguồn", new string('x', 201))
            .SetPlan("Cơ quan ban hành", new string('y', 201)).Bytes(), planId: id);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([new(PlanSheet, 9, "Giá trị", "Cơ quan ban hành dài quá 200 ký tự."), new(TaskSheet, 2, "Nguồn", "Nguồn dài quá 200 ký tự.")], ProblemsOf(body));
        Assert.Equal(before, await CountsAsync(app));

        // Keys moved along a chain (I.10 → I.11, I.1 → I.10) are written.
        (status, body) = await ImportAsync(admin, WorkbookFiles.Of(export).Set(TargetSheet, 2, "Mã", "I.10").Set(TargetSheet, 3, "Mã", "I.11").Bytes(), planId: id);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(["I.10", "I.11"], (await StoredAsync(id)).Targets.Select(t => t.Key));
    }
}
