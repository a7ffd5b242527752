using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Indicators;

[Collection(MutationCollection.Name)]
public class ImportValuesTests(MutationApp app)
{
    private const string Header = "ma_chi_so,ma_don_vi,ky,gia_tri,tu_so,mau_so,nguon,ghi_chu";

    private async Task<HttpClient> MachineAs(params RoleAssignment[] roles)
    {
        var (id, _) = await app.CreateUserAsync(roles);
        return app.ClientWithToken(await app.TokenForAsync(id));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Report)> Import(HttpClient client, byte[] content, string fileName, bool confirm = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync($"/api/v1/values/import?confirmOutliers={confirm.ToString().ToLowerInvariant()}", form);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines]) + "\n");

    private async Task<int> ValueCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.DataValues.CountAsync();
    }

    private static List<(int Row, string Column, string Message)> Errors(JsonObject report) =>
        report["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>(), e["message"]!.GetValue<string>())).ToList();

    [Theory]
    [InlineData("60,82", 60.82)]
    [InlineData("1.000.000", 1000000)]
    [InlineData("1.000.000,5", 1000000.5)]
    [InlineData("60.82", 60.82)]
    [InlineData("70", 70)]
    [InlineData("-3,5", -3.5)]
    public void Numbers_are_read_the_Vietnamese_way(string raw, double expected) =>
        Assert.Equal((decimal)expected, ImportValues.ParseNumber(raw, invariant: false));

    [Theory]
    [InlineData("100.125")]   // thousands or decimals? refused, not guessed
    [InlineData("sáu mươi")]
    [InlineData("1,2,3")]
    public void Ambiguous_or_non_numbers_are_refused(string raw) => Assert.Null(ImportValues.ParseNumber(raw, invariant: false));

    [Fact]
    public async Task A_provincial_administrator_imports_values_that_are_approved_and_change_the_status()
    {
        var admin = await MachineAs(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var (status, report) = await Import(admin, Csv(
            "universities_teaching_ecommerce,56,2026,30,,,Sở Giáo dục và Đào tạo Khánh Hòa,",
            "universities_teaching_ecommerce,56,2027,,12,30,Sở Giáo dục và Đào tạo Khánh Hòa,tử số/mẫu số"), "so-lieu.csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, report["written"]!.GetValue<int>());
        Assert.Equal(2, report["approved"]!.GetValue<int>());

        var progress = await app.CreateClient().GetJsonAsync("/api/v1/plans/khanh-hoa-2026-2030/progress");
        var target = progress["targets"]!.Items().Single(t => t["target"]!.Str("key") == "II.2.m");
        Assert.Equal(40m, target["progress"]!["latest"]!["value"]!.GetValue<decimal>()); // 12 ÷ 30 × 100
        Assert.NotEqual("insufficient_data", target["progress"]!.Str("status"));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_row_and_column_and_nothing_is_written()
    {
        var admin = await MachineAs(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var before = await ValueCountAsync();
        var (status, report) = await Import(admin, Csv(
            "cashless_payment_share,56,2026,50,,,Nguồn,",              // row 2: fine
            "khong_co_chi_so,56,2026,50,,,Nguồn,",                     // row 3: unknown indicator
            "cashless_payment_share,99,2026,50,,,Nguồn,",              // row 4: unknown unit
            "cashless_payment_share,56,26,50,,,Nguồn,",                // row 5: period format
            "cashless_payment_share,56,2027,năm mươi,,,Nguồn,",        // row 6: not a number
            "cashless_payment_share,56,2028,150,,,Nguồn,",             // row 7: share above 100
            "cashless_payment_share,56,2029,,40,30,Nguồn,",            // row 8: denominator < numerator
            "cashless_payment_share,56,2026,55,,,Nguồn,",              // row 9: duplicate of row 2
            "cashless_payment_share,82,2026,50,,,Nguồn,",              // row 10: another province
            "cashless_payment_share,56,2026-H1,50,,,Nguồn,",           // row 11: half-year for a yearly indicator
            "cashless_payment_share,56,2030,50,,,,"),                  // row 12: no source
            "loi.csv");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = Errors(report);
        Assert.Contains(errors, e => e is (3, "ma_chi_so", _) && e.Message.Contains("khong_co_chi_so"));
        Assert.Contains(errors, e => e is (4, "ma_don_vi", _));
        Assert.Contains(errors, e => e is (5, "ky", _));
        Assert.Contains(errors, e => e is (6, "gia_tri", _) && e.Message.Contains("không phải là số"));
        Assert.Contains(errors, e => e is (7, "gia_tri", _) && e.Message.Contains("0–100"));
        Assert.Contains(errors, e => e is (8, "mau_so", _) && e.Message.Contains("nhỏ hơn tử số"));
        Assert.Contains(errors, e => e is (9, "ky", _) && e.Message.Contains("Trùng với dòng 2"));
        Assert.Contains(errors, e => e is (10, "ma_don_vi", _) && e.Message.Contains("ngoài phạm vi"));
        Assert.Contains(errors, e => e is (11, "ky", _));
        Assert.Contains(errors, e => e is (12, "nguon", _));
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Equal(before, await ValueCountAsync());
    }

    [Fact]
    public async Task One_bad_row_among_thousands_writes_nothing()
    {
        var admin = await MachineAs(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        string[] communes;
        await using (var db = app.CreateDbContext())
            communes = await db.Communes.Where(c => c.ProvinceCode == "82").Select(c => c.Code).ToArrayAsync();
        var lines = new List<string>();
        foreach (var commune in communes)
            for (var year = 2010; year < 2040; year++)
                lines.Add($"communes_with_online_merchants,{commune},{year},{(year % 2 == 0 ? 100 : 0)},,,Báo cáo xã,");
        lines[lines.Count / 2] = lines[lines.Count / 2].Replace(",Báo cáo xã,", ",Báo cáo xã,").Replace("communes_with_online_merchants,", "communes_with_online_merchant,");
        var before = await ValueCountAsync();
        var (status, report) = await Import(admin, Csv([.. lines]), "nhieu-dong.csv");
        Assert.True(lines.Count > 3000, $"{lines.Count} rows");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(Errors(report));
        Assert.Equal(lines.Count / 2 + 2, error.Row);
        Assert.Equal(before, await ValueCountAsync());
    }

    [Fact]
    public async Task Malformed_files_are_refused_with_a_clear_message()
    {
        var admin = await MachineAs(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var (s1, r1) = await Import(admin, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5], "hong.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, s1);
        Assert.Contains("bị hỏng", Errors(r1).Single().Message);
        var (s2, r2) = await Import(admin, Encoding.UTF8.GetBytes("hello"), "so-lieu.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Contains(".csv", Errors(r2).Single().Message);
        var (s3, r3) = await Import(admin, Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n"), "sai-cot.csv");
        Assert.Equal(HttpStatusCode.BadRequest, s3);
        Assert.Contains("Dòng tiêu đề phải có các cột", Errors(r3).Single().Message);
        var (s4, r4) = await Import(admin, [.. Encoding.UTF8.GetBytes(Header + "\n"), 0xC3, 0x28, (byte)'\n'], "latin.csv");
        Assert.Equal(HttpStatusCode.BadRequest, s4);
        Assert.Contains("UTF-8", Errors(r4).Single().Message);
    }

    [Fact]
    public async Task An_oversized_upload_is_refused()
    {
        var admin = await MachineAs(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var big = new byte[ImportValues.MaxBytes + 1];
        Array.Fill(big, (byte)'a');
        var (status, report) = await Import(admin, big, "qua-lon.csv");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("quá lớn", Errors(report).Single().Message);
    }

    [Fact]
    public async Task An_approved_value_is_not_overwritten_and_outliers_need_confirmation()
    {
        var admin = await MachineAs(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        Assert.Equal(HttpStatusCode.OK, (await Import(admin, Csv("green_packaging_enterprises,56,2026,20,,,Sở Công Thương,"), "a.csv")).Status);
        var (conflict, report) = await Import(admin, Csv("green_packaging_enterprises,56,2026,25,,,Sở Công Thương,"), "b.csv");
        Assert.Equal(HttpStatusCode.BadRequest, conflict);
        Assert.Contains("Đã có giá trị đã duyệt", Errors(report).Single().Message);

        var before = await ValueCountAsync();
        var (needs, warn) = await Import(admin, Csv("green_packaging_enterprises,56,2027,45,,,Sở Công Thương,"), "c.csv");
        Assert.Equal(HttpStatusCode.Conflict, needs);
        Assert.Contains("khác xa năm trước", warn["warnings"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(before, await ValueCountAsync());
        var (confirmed, done) = await Import(admin, Csv("green_packaging_enterprises,56,2027,45,,,Sở Công Thương,"), "c.csv", confirm: true);
        Assert.Equal(HttpStatusCode.OK, confirmed);
        Assert.Equal(1, done["written"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reporters_submit_only_what_they_monitor_and_their_values_await_approval()
    {
        var tax = await app.AgencyIdAsync("82", "Thuế tỉnh");
        var reporter = await MachineAs(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = tax });
        var (ok, report) = await Import(reporter, Csv("ecommerce_transactions_with_einvoice,82,2026,40,,,Thuế tỉnh Đồng Tháp,"), "thue.csv");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(1, report["submitted"]!.GetValue<int>());
        Assert.Equal(0, report["approved"]!.GetValue<int>());
        var (refused, errors) = await Import(reporter, Csv("cashless_payment_share,82,2026,40,,,Thuế tỉnh Đồng Tháp,"), "khac.csv");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("ngoài phạm vi", Errors(errors).Single().Message);
        // Submitted, not approved: the dashboard does not use it.
        var progress = await app.CreateClient().GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/progress");
        var series = progress["targets"]!.Items().Single(t => t["target"]!.Str("key") == "II.2")["series"]!.Items();
        Assert.DoesNotContain(series, p => p["year"]!.GetValue<int>() == 2026);
    }

    [Fact]
    public async Task Xlsx_files_import_like_csv_and_the_template_and_export_download()
    {
        var admin = await MachineAs(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var xlsx = Spreadsheet.WriteXlsx("So lieu", [ImportValues.Columns, ["recyclable_packaging_share", "56", "2026", "12.5", "", "", "Sở Công Thương", ""]]);
        var (status, report) = await Import(admin, xlsx, "so-lieu.xlsx");
        Assert.True(status == HttpStatusCode.OK, report.ToJsonString());
        Assert.Equal(1, report["written"]!.GetValue<int>());

        var anonymous = app.CreateClient();
        var template = await anonymous.GetAsync("/api/v1/plans/khanh-hoa-2026-2030/values-template?format=xlsx");
        template.EnsureSuccessStatusCode();
        var rows = Spreadsheet.Read(await template.Content.ReadAsStreamAsync(), "mau.xlsx");
        Assert.Equal(ValuesTemplate.Header, rows[0]);
        Assert.Contains(rows, r => r[0] == "ecommerce_index_rank" && r[3] == "56");
        var csv = await anonymous.GetStringAsync("/api/v1/plans/dong-thap-2021-2025/progress/export?format=csv");
        Assert.Contains("Không đạt", csv);
        Assert.Contains(",60.82,", csv);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/plans/dong-thap-2021-2025/progress/export?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_import_API_is_for_token_clients_only()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var browser = await app.SignInAsync(email);
        var (status, _) = await Import(browser, Csv("recyclable_packaging_share,56,2027,13,,,Sở Công Thương,"), "cookie.csv");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}

[Collection(MutationCollection.Name)]
public class LargeImportTests(MutationApp app)
{
    [Fact]
    public async Task A_file_of_every_commune_times_thirty_values_is_accepted()
    {
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.SystemAdministrator });
        var client = app.ClientWithToken(await app.TokenForAsync(id));
        client.Timeout = TimeSpan.FromMinutes(5);
        string[] communes;
        await using (var db = app.CreateDbContext())
            communes = await db.Communes.Select(c => c.Code).ToArrayAsync();
        var sb = new StringBuilder("ma_chi_so,ma_don_vi,ky,gia_tri,tu_so,mau_so,nguon,ghi_chu\n");
        foreach (var commune in communes)
            for (var year = 2000; year < 2030; year++)
                sb.Append("communes_with_online_merchants,").Append(commune).Append(',').Append(year).Append(",100,,,Báo cáo cấp xã,\n");
        var file = Encoding.UTF8.GetBytes(sb.ToString());
        long auditBefore;
        await using (var db = app.CreateDbContext())
            auditBefore = await db.AuditEntries.MaxAsync(a => a.Id);
        var report = await ImportAsync(client, file);
        Assert.Equal(communes.Length * 30, report["written"]!.GetValue<int>());
        Assert.True(communes.Length * 30 > 99_000);
        await using (var check = app.CreateDbContext())
        {
            Assert.Equal(communes.Length * 30, await check.DataValues.CountAsync(v => v.Code == "communes_with_online_merchants" && v.UnitCode.Length == 5 && v.IsCurrent));
            // One audit entry for the whole file: who, which file (name and hash), what it did; no row per value.
            var audit = await check.AuditEntries.Where(a => a.Id > auditBefore).ToListAsync();
            var entry = Assert.Single(audit);
            Assert.Equal(("ValueImport", "Imported", id), (entry.EntityType, entry.Action, entry.UserId));
            var logged = JsonNode.Parse(entry.NewValues!)!;
            Assert.Equal("toan-quoc.csv", logged["File"]!.GetValue<string>());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)), logged["Sha256"]!.GetValue<string>());
            Assert.Equal(communes.Length * 30, logged["Written"]!.GetValue<int>());
        }

        // The same file again changes nothing; changing approved values is refused whole, with a bounded report.
        Assert.Equal(communes.Length * 30, (await ImportAsync(client, file))["unchanged"]!.GetValue<int>());
        var changed = Encoding.UTF8.GetBytes(sb.ToString().Replace(",2029,100,", ",2029,90,"));
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(changed), "file", "toan-quoc.csv" } })
        {
            var refused = JsonNode.Parse(await (await client.PostAsync("/api/v1/values/import", form)).Content.ReadAsStringAsync())!;
            Assert.Equal((0, 1001), (refused["written"]!.GetValue<int>(), refused["errors"]!.AsArray().Count));
        }
        // Once those values await approval again, the file writes new versions of them only, and the earlier versions
        // stay as history, no longer current.
        await using (var db = app.CreateDbContext())
            await db.DataValues.Where(v => v.Code == "communes_with_online_merchants" && v.Period == "2029" && v.IsCurrent && v.UnitCode.Length == 5)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, ValueStatus.Submitted));
        var second = await ImportAsync(client, changed);
        Assert.Equal((communes.Length, communes.Length * 29), (second["written"]!.GetValue<int>(), second["unchanged"]!.GetValue<int>()));
        await using var after = app.CreateDbContext();
        var versions = await after.DataValues.Where(v => v.Code == "communes_with_online_merchants" && v.UnitCode == communes[0] && v.Period == "2029")
            .OrderBy(v => v.Version).Select(v => new { v.Version, v.Value, v.IsCurrent }).ToListAsync();
        Assert.Equal([(1, 100m, false), (2, 90m, true)], versions.Select(v => (v.Version, v.Value, v.IsCurrent)));
        Assert.Equal(communes.Length * 30, await after.DataValues.CountAsync(v => v.Code == "communes_with_online_merchants" && v.UnitCode.Length == 5 && v.IsCurrent));
        Assert.Equal(2, await after.AuditEntries.CountAsync(a => a.Id > auditBefore));
    }

    private static async Task<JsonNode> ImportAsync(HttpClient client, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "toan-quoc.csv" } };
        var response = await client.PostAsync("/api/v1/values/import", form);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToJsonString()[..Math.Min(500, report.ToJsonString().Length)]);
        return report;
    }
}

[Collection(MutationCollection.Name)]
public class ReviewValuesTests(MutationApp app)
{
    private async Task<HttpClient> MachineAs(RoleAssignment role)
    {
        var (id, _) = await app.CreateUserAsync(role);
        return app.ClientWithToken(await app.TokenForAsync(id));
    }

    [Fact]
    public async Task The_department_approves_a_submitted_value_reopens_it_and_a_new_version_replaces_it()
    {
        var reporter = await MachineAs(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = await app.AgencyIdAsync("82", "Thuế tỉnh") });
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("ma_chi_so,ma_don_vi,ky,gia_tri,nguon\necommerce_transactions_with_einvoice,82,2027,55,Thuế tỉnh\n")), "file", "a.csv" } })
            Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsync("/api/v1/values/import", form)).StatusCode);

        var adminKh = await MachineAs(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var adminDt = await MachineAs(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        Assert.DoesNotContain((await adminKh.GetJsonAsync("/api/v1/values/pending")).Items(), v => v.Str("code") == "ecommerce_transactions_with_einvoice" && v.Str("period") == "2027");
        var pending = (await adminDt.GetJsonAsync("/api/v1/values/pending")).Items().Single(v => v.Str("code") == "ecommerce_transactions_with_einvoice" && v.Str("period") == "2027");
        var id = pending["id"]!.GetValue<long>();

        Assert.Equal(HttpStatusCode.NotFound, (await adminKh.PostAsync($"/api/v1/values/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsync($"/api/v1/values/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await adminDt.PostAsync($"/api/v1/values/{id}/reopen", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await adminDt.PostAsync($"/api/v1/values/{id}/approve", null)).StatusCode);

        var progress = await app.CreateClient().GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/progress");
        Assert.Equal(55m, progress["targets"]!.Items().Single(t => t["target"]!.Str("key") == "II.2")["progress"]!["latest"]!["value"]!.GetValue<decimal>());

        // Reopen, then the reporter's corrected value becomes version 2 and version 1 stays.
        Assert.Equal(HttpStatusCode.NoContent, (await adminDt.PostAsync($"/api/v1/values/{id}/reopen", null)).StatusCode);
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("ma_chi_so,ma_don_vi,ky,gia_tri,nguon\necommerce_transactions_with_einvoice,82,2027,57,Thuế tỉnh\n")), "file", "b.csv" } })
            Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsync("/api/v1/values/import", form)).StatusCode);
        await using var db = app.CreateDbContext();
        var versions = await db.DataValues.Where(v => v.Code == "ecommerce_transactions_with_einvoice" && v.UnitCode == "82" && v.Period == "2027").OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([false, true], versions.Select(v => v.IsCurrent));
        Assert.Equal(57m, versions[1].Value);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "DataValue" && a.EntityId == id.ToString() && a.Action == "Modified" && a.NewValues!.Contains("Approved")));
    }
}

[Collection(MutationCollection.Name)]
public class JsonValuesTests(MutationApp app)
{
    [Fact]
    public async Task A_machine_client_posts_values_as_json_with_the_same_checks()
    {
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var client = app.ClientWithToken(await app.TokenForAsync(id));
        var bad = await client.PostAsJsonAsync("/api/v1/values", new
        {
            rows = new object[]
            {
                new { indicator = "sme_on_ecommerce_platforms", unit = "56", period = "2026", value = 31.5, source = "Hệ thống thống kê" },
                new { indicator = "sme_on_ecommerce_platforms", unit = "56", period = "2027", numerator = 50, denominator = 40, source = "Hệ thống thống kê" },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        Assert.Equal(3, Assert.Single(errors)!["row"]!.GetValue<int>());
        await using (var db = app.CreateDbContext())
            Assert.False(await db.DataValues.AnyAsync(v => v.Code == "sme_on_ecommerce_platforms" && v.UnitCode == "56"));

        var good = await client.PostAsJsonAsync("/api/v1/values", new
        {
            rows = new object[] { new { indicator = "sme_on_ecommerce_platforms", unit = "56", period = "2026", value = 31.5, source = "Hệ thống thống kê" } },
        });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        await using var check = app.CreateDbContext();
        Assert.Equal(31.5m, await check.DataValues.Where(v => v.Code == "sme_on_ecommerce_platforms" && v.UnitCode == "56").Select(v => v.Value).SingleAsync());
    }
}

[Collection(MutationCollection.Name)]
public class CatalogueEditingTests(MutationApp app)
{
    [Fact]
    public async Task The_Ministry_edits_an_indicators_wording_bad_input_is_refused_and_the_change_is_audited()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.MinistryEditor });
        var editor = app.ClientWithToken(await app.TokenForAsync(id));
        var empty = await editor.PutAsJsonAsync("/api/v1/indicators/plastic_packaging_share", new { nameVi = "", nameEn = "x", definition = "y" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("nameVi"));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PutAsJsonAsync("/api/v1/indicators/khong_co", new { nameVi = "a", nameEn = "b", definition = "c" })).StatusCode);

        var ok = await editor.PutAsJsonAsync("/api/v1/indicators/plastic_packaging_share",
            new { nameVi = "Tỷ lệ sản phẩm TMĐT dùng bao bì nhựa", nameEn = "Share of e-commerce products in plastic packaging", definition = "Định nghĩa mới.", note = "Sửa thử." });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var detail = await app.CreateClient().GetJsonAsync("/api/v1/indicators/plastic_packaging_share");
        Assert.Equal("Định nghĩa mới.", detail["indicator"]!.Str("definition"));
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.Where(a => a.EntityType == "Indicator" && a.EntityId == "plastic_packaging_share").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(email, entry.UserName);
        Assert.Contains("Định nghĩa mới.", entry.NewValues);
    }
}

[Collection(MutationCollection.Name)]
public class EntryFormTests(MutationApp app)
{
    [Fact]
    public async Task A_department_enters_values_for_its_province_and_a_bad_number_writes_nothing()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var client = await app.SignInAsync(email);
        const string page = "/values/entry?unit=56&period=2024";
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        var codes = System.Text.RegularExpressions.Regex.Matches(html, "name=\"Codes\\[(\\d+)\\]\" value=\"([a-z_]+)\"")
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        Assert.Contains("ecommerce_index_rank", codes.Keys);
        var k = codes["enterprises_applying_ecommerce"];

        // As a browser posts the form: every row's inputs, most of them empty.
        Dictionary<string, string> Form(string value)
        {
            var fields = new Dictionary<string, string> { ["Unit"] = "56", ["Period"] = "2024" };
            foreach (var i in codes.Values) { fields[$"Values[{i}]"] = ""; fields[$"Sources[{i}]"] = ""; }
            fields[$"Values[{k}]"] = value;
            fields[$"Sources[{k}]"] = "Sở Công Thương";
            return fields;
        }
        var bad = await client.PostFormAsync(page, "entry", Form("nhiều"));
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.True(badHtml.Contains("Không đọc được số «nhiều»"), badHtml[Math.Max(0, badHtml.IndexOf("<main", StringComparison.Ordinal))..][..Math.Min(1500, badHtml.Length - Math.Max(0, badHtml.IndexOf("<main", StringComparison.Ordinal)))]);
        await using (var db = app.CreateDbContext())
            Assert.False(await db.DataValues.AnyAsync(v => v.Code == "enterprises_applying_ecommerce" && v.UnitCode == "56" && v.Period == "2024"));

        var ok = await client.PostFormAsync(page, "entry", Form("62,5"));
        Assert.Contains("Đã ghi 1 giá trị (1 đã duyệt", WebUtility.HtmlDecode(await ok.Content.ReadAsStringAsync()));
        await using var check = app.CreateDbContext();
        Assert.Equal(62.5m, await check.DataValues.Where(v => v.Code == "enterprises_applying_ecommerce" && v.UnitCode == "56" && v.Period == "2024").Select(v => v.Value).SingleAsync());
    }
}

[Collection(MutationCollection.Name)]
public class QualitativeAssessmentTests(MutationApp app)
{
    [Fact]
    public async Task The_owner_sets_a_qualitative_targets_status_with_evidence()
    {
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.MinistryEditor });
        var editor = app.ClientWithToken(await app.TokenForAsync(id));
        var targets = (await editor.GetJsonAsync("/api/v1/plans/national-2026-2030/targets")).Items().ToList();
        var plastic = targets.Single(t => t.Str("key") == "2.4.1")["id"]!.GetValue<int>();
        var quantitative = targets.Single(t => t.Str("key") == "2.1.1")["id"]!.GetValue<int>();
        var url = $"/api/v1/plans/national-2026-2030/targets/{plastic}/assessment";

        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync(url, new { status = "on_track", evidence = "ngắn" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync(url, new { status = "insufficient_data", evidence = "Báo cáo năm 2026 của Bộ." })).StatusCode);
        // "Not achieved" is a verdict of an ended plan, never the status of a running one.
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync(url, new { status = "not_achieved", evidence = "Báo cáo năm 2026 của Bộ." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync($"/api/v1/plans/national-2026-2030/targets/{quantitative}/assessment",
            new { status = "on_track", evidence = "Báo cáo năm 2026 của Bộ." })).StatusCode);
        var (khId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientWithToken(await app.TokenForAsync(khId)).PostAsJsonAsync(url,
            new { status = "on_track", evidence = "Báo cáo năm 2026 của Bộ." })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync(url,
            new { status = "needs_acceleration", evidence = "Khảo sát 2026: 62% đơn hàng còn dùng bao bì nhựa." })).StatusCode);
        var progress = await app.CreateClient().GetJsonAsync("/api/v1/plans/national-2026-2030/progress");
        var row = progress["targets"]!.Items().Single(t => t["target"]!.Str("key") == "2.4.1");
        Assert.Equal("needs_acceleration", row["progress"]!.Str("status"));
        Assert.Contains("62% đơn hàng", row["progress"]!.Str("explanation"));
    }
}

[Collection(MutationCollection.Name)]
public class BackgroundImportTests(MutationApp app)
{
    [Fact]
    public async Task A_large_file_is_imported_in_the_background_with_a_progress_page_only_its_owner_sees()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var client = await app.SignInAsync(email);
        string[] communes;
        await using (var db = app.CreateDbContext())
            communes = await db.Communes.Where(c => c.ProvinceCode == "56").Select(c => c.Code).ToArrayAsync();
        var sb = new StringBuilder("ma_chi_so,ma_don_vi,ky,gia_tri,nguon\n");
        foreach (var commune in communes)
            for (var year = 2000; year < 2100; year++)
                sb.Append("ecommerce_trainees_share,").Append(commune).Append(',').Append(year).Append(",50,Báo cáo cấp xã Khánh Hòa\n");
        var content = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.True(content.Length > EcomPlan.Web.Features.Indicators.Pages.ImportPage.BackgroundBytes);

        var page = await client.GetStringAsync("/values/import");
        var hidden = TestAccounts.HiddenFieldsOf(page, "import");
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in hidden) form.Add(new StringContent(v), k);
        form.Add(new ByteArrayContent(content), "file", "khanh-hoa-xa.csv");
        var posted = await client.PostAsync("/values/import", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var jobUrl = new Uri(new Uri("http://localhost"), posted.Headers.Location!).PathAndQuery;
        Assert.StartsWith("/values/import/", jobUrl);

        var first = WebUtility.HtmlDecode(await client.GetStringAsync(jobUrl));
        Assert.True(first.Contains("<progress") && first.Contains("http-equiv=\"refresh\"") || first.Contains("Đã ghi"), first);
        // Someone else cannot look at it.
        var (_, other) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(other)).GetAsync(jobUrl)).StatusCode);

        var deadline = DateTime.UtcNow.AddMinutes(2);
        string html;
        do
        {
            await Task.Delay(500);
            html = WebUtility.HtmlDecode(await client.GetStringAsync(jobUrl));
        } while (!html.Contains("Đã ghi") && !html.Contains("lỗi") && DateTime.UtcNow < deadline);
        Assert.Contains($"Đã ghi {communes.Length * 100} giá trị ({communes.Length * 100} đã duyệt", html);
        await using var check = app.CreateDbContext();
        var audit = await check.AuditEntries.Where(a => a.EntityType == "ValueImport").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(email, audit.UserName); // the background job records who started it
        Assert.Contains("khanh-hoa-xa.csv", audit.NewValues);
        Assert.NotNull(audit.UserId);
        Assert.Equal("56", audit.ProvinceCode);
    }
}

[Collection(MutationCollection.Name)]
public class PeerOutlierTests(MutationApp app)
{
    [Fact]
    public async Task A_value_far_from_the_other_provinces_needs_confirmation()
    {
        var (adminId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.SystemAdministrator });
        var admin = app.ClientWithToken(await app.TokenForAsync(adminId));
        var peers = new[] { ("01", 20), ("04", 22), ("08", 18), ("11", 21), ("12", 19) }
            .Select(p => new { indicator = "sustainable_ecommerce_enterprises", unit = p.Item1, period = "2028", value = p.Item2, source = "Khảo sát" }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/values", new { rows = peers })).StatusCode);

        var (khId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var kh = app.ClientWithToken(await app.TokenForAsync(khId));
        var far = new { rows = new[] { new { indicator = "sustainable_ecommerce_enterprises", unit = "56", period = "2028", value = 90, source = "Sở Công Thương" } } };
        var response = await kh.PostAsJsonAsync("/api/v1/values", far);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("các đơn vị cùng cấp (trung vị 20)", await response.Content.ReadAsStringAsync());
        var near = new { rows = new[] { new { indicator = "sustainable_ecommerce_enterprises", unit = "56", period = "2028", value = 25, source = "Sở Công Thương" } } };
        Assert.Equal(HttpStatusCode.OK, (await kh.PostAsJsonAsync("/api/v1/values", near)).StatusCode);
    }
}

[Collection(MutationCollection.Name)]
public class DraftValuesTests(MutationApp app)
{
    [Fact]
    public async Task A_reporter_saves_a_draft_then_submits_it_and_the_department_approves_it()
    {
        var reporter = app.ClientWithToken(await app.TokenForAsync((await app.CreateUserAsync(
            new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = await app.AgencyIdAsync("82", "Ngân hàng Nhà nước chi nhánh Khu vực 13") })).Id));
        var row = new { indicator = "cashless_payment_share", unit = "82", period = "2029", value = 44, source = "NHNN chi nhánh Khu vực 13" };
        var draft = await reporter.PostAsJsonAsync("/api/v1/values", new { rows = new[] { row }, draft = true });
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal(1, (await draft.Content.ReadFromJsonAsync<JsonObject>())!["drafts"]!.GetValue<int>());

        var admin = app.ClientWithToken(await app.TokenForAsync((await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" })).Id));
        bool Pending(JsonNode list) => list.Items().Any(v => v.Str("code") == "cashless_payment_share" && v.Str("period") == "2029");
        Assert.False(Pending(await admin.GetJsonAsync("/api/v1/values/pending")));   // a draft is not sent yet

        var sent = await reporter.PostAsJsonAsync("/api/v1/values", new { rows = new[] { row } });
        Assert.Equal(1, (await sent.Content.ReadFromJsonAsync<JsonObject>())!["submitted"]!.GetValue<int>());
        Assert.True(Pending(await admin.GetJsonAsync("/api/v1/values/pending")));
        await using var db = app.CreateDbContext();
        Assert.Equal([ValueStatus.Draft, ValueStatus.Submitted],
            await db.DataValues.Where(v => v.Code == "cashless_payment_share" && v.UnitCode == "82" && v.Period == "2029").OrderBy(v => v.Version).Select(v => v.Status).ToListAsync());
    }
}
