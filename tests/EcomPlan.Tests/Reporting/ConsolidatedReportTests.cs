using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Reporting;

[Collection(ReportingCollection.Name)]
public class ConsolidatedReportTests(ReportingApp app)
{
    [Fact]
    public async Task The_province_report_is_a_valid_DOCX_with_the_reported_tasks_and_becomes_fixed_when_final()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (cycle, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – tổng hợp");
        var report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        var tasks = report["tasks"]!.AsArray();
        var firstTask = tasks[0]!["taskId"]!.GetValue<int>();
        var submit = await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", new
        {
            revision = report["revision"]!.GetValue<int>(), summary = "Hoàn thành sàn giao dịch tỉnh.",
            difficulties = "Doanh nghiệp nhỏ thiếu nhân lực số.", proposals = "Hỗ trợ chi phí gian hàng trên sàn.",
            tasks = new[] { new { taskId = firstTask, state = "done", percent = 100, results = "Sàn OCOP Đồng Tháp vận hành, 412 gian hàng." } },
        });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "accept" })).StatusCode);

        var docx = await department.GetByteArrayAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/docx");
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var body = document.MainDocumentPart!.Document!.Body!;
            var text = body.InnerText;
            Assert.Contains("UBND TỈNH ĐỒNG THÁP", text);
            Assert.Contains("SỞ CÔNG THƯƠNG", text);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
            Assert.Contains("DỰ THẢO", text);
            Assert.Contains("Doanh nghiệp nhỏ thiếu nhân lực số.", text);
            Assert.Contains("Hỗ trợ chi phí gian hàng trên sàn.", text);
            var tables = body.Descendants<Table>().ToList();
            var taskTable = tables.Single(t => t.InnerText.Contains("Cơ quan chủ trì") && t.InnerText.Contains("% hoàn thành"));
            var row = taskTable.Descendants<TableRow>().Single(r => r.InnerText.Contains("412 gian hàng"));
            Assert.Contains("Hoàn thành", row.InnerText);
            Assert.Contains("100", row.InnerText);
            // Đồng Tháp 2021–2025's ratio 60,82 is not this plan's; the target table lists the 2026–2030 plan's 16 targets.
            var targetTable = tables.Single(t => t.InnerText.Contains("Mục tiêu") && t.InnerText.Contains("Tình trạng") && !t.InnerText.Contains("Cơ quan chủ trì"));
            Assert.True(targetTable.Descendants<TableRow>().Count() >= 16 + 1);
            var reporting = tables.Single(t => t.InnerText.Contains("Ngày gửi"));
            Assert.Contains(reporting.Descendants<TableRow>(), r => r.InnerText.Contains("Sở Công Thương") && r.InnerText.Contains("Đúng hạn"));
        }
        var xlsx = await department.GetByteArrayAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/xlsx");
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(workbook));
            var sheets = workbook.WorkbookPart!.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["Chỉ tiêu", "Nhiệm vụ", "Gửi báo cáo"], sheets);
        }

        // Editing: number and proposals; a stale revision is refused; then final, and the issued file no longer changes.
        Assert.Equal(HttpStatusCode.NoContent, (await department.PutAsJsonAsync($"/api/v1/reporting-cycles/{cycle}/consolidated",
            new { revision = 0, number = "125/BC-SCT", date = "2026-12-10", proposals = "Đề nghị Bộ hỗ trợ đào tạo.", signerName = "Nguyễn Văn A" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await department.PutAsJsonAsync($"/api/v1/reporting-cycles/{cycle}/consolidated",
            new { revision = 0, number = "126/BC-SCT", date = "2026-12-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PutAsJsonAsync($"/api/v1/reporting-cycles/{cycle}/consolidated",
            new { revision = 1, number = "1/BC", date = "2026-12-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await department.PostAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/finalize?revision=1&confirm=true", null)).StatusCode);
        var final = await department.GetByteArrayAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/docx");
        using (var document = WordprocessingDocument.Open(new MemoryStream(final), false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("125/BC-SCT", text);
            Assert.Contains("ngày 10 tháng 12 năm 2026", text);
            Assert.Contains("Đề nghị Bộ hỗ trợ đào tạo.", text);
            Assert.Contains("Nguyễn Văn A", text);
            Assert.DoesNotContain("DỰ THẢO", text);
            Assert.DoesNotContain("@", text);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await department.PutAsJsonAsync($"/api/v1/reporting-cycles/{cycle}/consolidated",
            new { revision = 2, number = "127/BC-SCT", date = "2026-12-11" })).StatusCode);
        // Later changes of the data do not change what was issued.
        Assert.Equal(HttpStatusCode.OK, (await department.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "reopen", comment = "Sửa số gian hàng." })).StatusCode);
        Assert.Equal(final, await department.GetByteArrayAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/docx"));
        Assert.Equal(HttpStatusCode.BadRequest, (await department.GetAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/pdf")).StatusCode);
    }

    [Fact]
    public async Task Issuing_asks_for_confirmation_with_the_missing_reports_and_the_days_to_the_due_date_and_writes_nothing_without_it()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (cycle, _) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – xác nhận ban hành", daysToDue: 13);
        Assert.Equal(HttpStatusCode.NoContent, (await department.PutAsJsonAsync($"/api/v1/reporting-cycles/{cycle}/consolidated",
            new { revision = 0, number = "130/BC-SCT", date = "2026-12-01", signerName = "Trần Thị Bình" })).StatusCode);
        int expected, received;
        await using (var db = app.CreateDbContext())
        {
            expected = await db.Reports.CountAsync(r => r.CycleId == cycle);
            received = await db.Reports.CountAsync(r => r.CycleId == cycle && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted));
        }
        Assert.True(expected > received);

        // Without the confirmation: the notice, and nothing issued.
        var ask = await department.PostAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/finalize?revision=1", null);
        Assert.Equal(HttpStatusCode.BadRequest, ask.StatusCode);
        var problem = (await ask.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(expected - received, problem["missing"]!.GetValue<int>());
        Assert.Equal(expected, problem["expected"]!.GetValue<int>());
        Assert.Equal(13, problem["daysBeforeDue"]!.GetValue<int>());
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains($"Còn thiếu {expected - received} báo cáo", detail);
        Assert.Contains("còn 13 ngày nữa mới đến hạn", detail);
        Assert.Contains("Không thể hoàn tác", detail);
        Assert.Equal(HttpStatusCode.BadRequest, (await department.PostAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/finalize?revision=1&confirm=false", null)).StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var row = await db.ConsolidatedReports.AsNoTracking().SingleAsync(c => c.Key == $"cycle-{cycle}");
            Assert.False(row.IsFinal);
            Assert.Null(row.FinalDocx);
            Assert.Equal(1, row.Revision);
        }
        Assert.Contains("DỰ THẢO", await DocxTextAsync(department, cycle));

        // Another province's Department and the reporter may not issue it, even confirmed.
        var (otherId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var other = app.ClientWithToken(await app.TokenForAsync(otherId));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/finalize?revision=1&confirm=true", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/finalize?revision=1&confirm=true", null)).StatusCode);
        Assert.Contains("DỰ THẢO", await DocxTextAsync(department, cycle));

        // Confirmed: issued, stamped with the issuer's name and role, not an e-mail address.
        Assert.Equal(HttpStatusCode.NoContent, (await department.PostAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/finalize?revision=1&confirm=true", null)).StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var row = await db.ConsolidatedReports.AsNoTracking().SingleAsync(c => c.Key == $"cycle-{cycle}");
            Assert.True(row.IsFinal);
            Assert.DoesNotContain("@", row.FinalizedBy);
            Assert.StartsWith("Người dùng thử", row.FinalizedBy);
            Assert.Contains("Quản trị cấp tỉnh", row.FinalizedBy);
        }
        Assert.DoesNotContain("DỰ THẢO", await DocxTextAsync(department, cycle));
    }

    [Fact]
    public async Task The_DOCX_is_right_for_the_day_it_is_generated_numbered_with_units_annexes_and_a_named_signer()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (cycle, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – nội dung văn bản", daysToDue: 13);
        var report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", new
        {
            revision = report["revision"]!.GetValue<int>(), summary = "Đúng kế hoạch.",
            tasks = new[] { new { taskId = report["tasks"]![0]!["taskId"]!.GetValue<int>(), state = "inProgress", percent = 40, results = "Hai lớp tập huấn." } },
        })).StatusCode);
        // An approved value of a target measured in a unit, for the year of the cycle.
        string unit;
        decimal value = 61.5m;
        await using (var db = app.CreateDbContext())
        {
            var target = await db.Targets.AsNoTracking().Where(t => t.PlanId == ReportingApp.Plan && t.Indicator != null && t.Unit != null && t.Unit != "")
                .OrderBy(t => t.Id).FirstAsync();
            unit = target.Unit!;
            foreach (var old in await db.DataValues.Where(v => v.Code == target.Indicator && v.UnitCode == "82" && v.IsCurrent).ToListAsync()) old.IsCurrent = false;
            db.DataValues.Add(new DataValue { Code = target.Indicator!, UnitCode = "82", Period = "2026", Year = 2026, Value = value, Source = "Kiểm thử",
                Status = ValueStatus.Approved, IsCurrent = true, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var due = today.AddDays(13);
        int expected;
        await using (var db = app.CreateDbContext()) expected = await db.Reports.CountAsync(r => r.CycleId == cycle);
        Assert.Equal(HttpStatusCode.NoContent, (await department.PutAsJsonAsync($"/api/v1/reporting-cycles/{cycle}/consolidated",
            new { revision = 0, number = "132/BC-SCT", date = today.ToString("yyyy-MM-dd"), assessment = "Tiến độ chung đạt yêu cầu." })).StatusCode);

        var draft = await department.GetByteArrayAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/docx");
        // For looking at the document (not an assertion), as the browser tests save screenshots.
        if (Environment.GetEnvironmentVariable("ECOMPLAN_SCREENSHOTS") is { Length: > 0 } folder) await File.WriteAllBytesAsync(Path.Combine(folder, "consolidated-draft.docx"), draft);
        using (var document = WordprocessingDocument.Open(new MemoryStream(draft), false))
        {
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
            var body = document.MainDocumentPart!.Document!.Body!;
            var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            // Counts as of today; the due date as the due date.
            var intro = paragraphs.Single(p => p.StartsWith("Thực hiện"));
            Assert.Contains($"đến ngày {today:dd/MM/yyyy} Sở Công Thương nhận được báo cáo của 1/{expected} đơn vị", intro);
            Assert.Contains($"hạn gửi báo cáo là ngày {due:dd/MM/yyyy} (còn 13 ngày)", intro);
            Assert.DoesNotContain($"đến ngày {due:dd/MM/yyyy}", body.InnerText);
            // Headings numbered I, II, III… with no unnumbered one between them; the assessment before the proposals.
            var headings = paragraphs.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^[IVX]+\. [A-ZĐÀ-Ỹ]")).ToList();
            Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII"], headings.Select(h => h[..h.IndexOf('.')]));
            Assert.Equal("VI. ĐÁNH GIÁ CHUNG", headings[5]);
            Assert.Equal("VII. KIẾN NGHỊ, ĐỀ XUẤT", headings[6]);
            Assert.DoesNotContain("ĐÁNH GIÁ CHUNG", paragraphs);
            // The value with its unit of measure.
            var targets = body.Elements<Table>().Single(t => t.InnerText.Contains("Mục tiêu") && t.InnerText.Contains("Giá trị"));
            Assert.Contains(targets.Descendants<TableCell>(), c => c.InnerText == TargetText.WithUnit(value, unit));
            // The task and reporting tables are annexes on landscape pages, after the signature.
            Assert.Contains("(Chi tiết tại Phụ lục I kèm theo.)", paragraphs);
            Assert.Contains("(Chi tiết tại Phụ lục II kèm theo.)", paragraphs);
            var landscape = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
            Assert.Equal(PageOrientationValues.Landscape, landscape.Orient?.Value);
            var children = body.ChildElements.ToList();
            var signature = children.IndexOf(body.Elements<Table>().Single(t => t.InnerText.Contains("Nơi nhận:")));
            Assert.True(children.IndexOf(body.Elements<Table>().Single(t => t.InnerText.Contains("Cơ quan chủ trì"))) > signature);
            Assert.True(children.IndexOf(body.Elements<Table>().Single(t => t.InnerText.Contains("Ngày gửi"))) > signature);
            Assert.NotNull(((Paragraph)children[signature - 1]).ParagraphProperties?.KeepNext);
        }

        // The signer is a named person: an e-mail address is refused, and a report without a signer's name is not issued.
        var refused = await department.PutAsJsonAsync($"/api/v1/reporting-cycles/{cycle}/consolidated",
            new { revision = 1, number = "132/BC-SCT", date = today.ToString("yyyy-MM-dd"), signerName = "giamdoc@dongthap.gov.vn" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("không phải địa chỉ thư", await refused.Content.ReadAsStringAsync());
        var unsigned = await department.PostAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/finalize?revision=1&confirm=true", null);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Contains("họ tên người ký", await unsigned.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await department.PutAsJsonAsync($"/api/v1/reporting-cycles/{cycle}/consolidated",
            new { revision = 1, number = "132/BC-SCT", date = today.ToString("yyyy-MM-dd"), assessment = "Tiến độ chung đạt yêu cầu.", signerTitle = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", signerName = "Lê Văn Cường" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await department.PostAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/finalize?revision=2&confirm=true", null)).StatusCode);
        var text = await DocxTextAsync(department, cycle);
        Assert.Contains("PHÓ GIÁM ĐỐC", text);
        Assert.Contains("Lê Văn Cường", text);
        Assert.DoesNotContain("@", text);
    }

    private static async Task<string> DocxTextAsync(HttpClient client, int cycle)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/reporting-cycles/{cycle}/consolidated/docx")), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Fact]
    public async Task The_Ministry_rolls_up_provinces_for_a_year()
    {
        var (department, _, _, agency) = await app.ActorsAsync();
        var (cycle, _) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – toàn quốc");
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(10).Year;
        var (ministryId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.MinistryEditor });
        var ministry = app.ClientWithToken(await app.TokenForAsync(ministryId));
        var docx = await ministry.GetByteArrayAsync($"/api/v1/reporting/national/{year}/consolidated/docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("BỘ CÔNG THƯƠNG", text);
        var provinces = document.MainDocumentPart.Document.Body!.Descendants<Table>().Single(t => t.InnerText.Contains("Tỉnh, thành phố"));
        Assert.Contains(provinces.Descendants<TableRow>(), r => r.InnerText.Contains("Đồng Tháp"));
        // A Department does not issue the national report.
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/v1/reporting/national/{year}/consolidated/docx")).StatusCode);
        Assert.True(cycle > 0);
    }
}
