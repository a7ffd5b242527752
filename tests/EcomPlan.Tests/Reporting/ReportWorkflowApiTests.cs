using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Reporting;

[Collection(ReportingCollection.Name)]
public class ReportWorkflowApiTests(ReportingApp app)
{
    private static object Edit(JsonNode report, string? summary, int percent = 40, string state = "in_progress") => new
    {
        revision = report["revision"]!.GetValue<int>(),
        summary,
        difficulties = "Thiếu kinh phí cho hội nghị.",
        proposals = "Đề nghị bố trí kinh phí năm 2027.",
        tasks = report["tasks"]!.AsArray().Select(t => new { taskId = t!["taskId"]!.GetValue<int>(), state, percent, results = "Đã tổ chức 2 lớp tập huấn.", difficulties = (string?)null }),
    };

    [Fact]
    public async Task A_report_goes_draft_submitted_returned_resubmitted_accepted_reopened_and_keeps_every_version()
    {
        var (department, reporter, reporterEmail, agency) = await app.ActorsAsync();
        var (cycle, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – quy trình");

        var report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal("not_started", report.Str("status"));
        Assert.True(report["tasks"]!.AsArray().Count > 10, "Sở Công Thương leads many tasks of the plan");
        Assert.True(report["canWrite"]!.GetValue<bool>());
        // The targets the Department monitors, with the latest approved value of their indicator (Đồng Tháp's 2021–2025 results).
        var monitored = report["monitoredTargets"]!.AsArray();
        Assert.NotEmpty(monitored);
        Assert.Contains(monitored, t => t!["value"] is not null && t.Str("valueStatus") == "approved");

        // Draft, then a stale copy of the form is refused: no lost update.
        var saved = await reporter.PutAsJsonAsync($"/api/v1/reports/{id}", Edit(report, "Bản nháp"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stale = await reporter.PutAsJsonAsync($"/api/v1/reports/{id}", Edit(report, "Bản cũ ghi đè"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal(("draft", "Bản nháp"), (report.Str("status"), report.Str("summary")));

        // Bad lines: nothing written, every problem named.
        var bad = Edit(report, "x", percent: 140);
        var refused = await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("phải từ 0 đến 100", await refused.Content.ReadAsStringAsync());
        var doneButHalf = await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", Edit(report, "x", percent: 50, state: "done"));
        Assert.Contains("100%", await doneButHalf.Content.ReadAsStringAsync());
        var noSummary = await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", Edit(report, "  "));
        Assert.Contains("kết quả thực hiện chung", await noSummary.Content.ReadAsStringAsync());
        Assert.Equal("draft", (await reporter.GetJsonAsync($"/api/v1/reports/{id}")).Str("status"));

        // Submit: a version is kept; the reporter can no longer change it.
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", Edit(report, "Kết quả 6 tháng: đạt 40%."))).StatusCode);
        report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal("submitted", report.Str("status"));
        var locked = await reporter.PutAsJsonAsync($"/api/v1/reports/{id}", Edit(report, "Sửa sau khi gửi"));
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("chờ Sở xem xét", await locked.Content.ReadAsStringAsync());

        // The reporter cannot review their own report; the Department must give a reason to return it.
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "accept" })).StatusCode);
        var noReason = await department.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "return", comment = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("lý do trả lại", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await department.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "return", comment = "Bổ sung số lớp tập huấn ở xã." })).StatusCode);
        report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal(("returned", "Bổ sung số lớp tập huấn ở xã."), (report.Str("status"), report.Str("reviewComment")));
        // The reporter is told by e-mail, with the reason.
        var notice = await SmtpTestServer.Instance.WaitForMessageAsync(reporterEmail);
        Assert.Contains("trả lại", notice.Subject);
        Assert.Contains("Bổ sung số lớp tập huấn ở xã.", notice.TextBody);

        // Fix and resubmit; accept; accepted is locked; reopening needs a reason and is audited.
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", Edit(report, "Kết quả: 2 lớp ở 5 xã.", 60))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await department.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "reopen", comment = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "accept" })).StatusCode);
        report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal("accepted", report.Str("status"));
        var afterAccept = await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", Edit(report, "Sửa khi đã khóa"));
        Assert.Contains("khóa", await afterAccept.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await department.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "reopen" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "reopen", comment = "Bộ yêu cầu bổ sung số liệu." })).StatusCode);

        var versions = (await reporter.GetJsonAsync($"/api/v1/reports/{id}"))["versions"]!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(["accepted", "returned"], versions.Select(v => v!.Str("outcome")));
        var first = await reporter.GetJsonAsync($"/api/v1/reports/{id}/versions/1");
        Assert.Equal("Kết quả 6 tháng: đạt 40%.", first.Str("summary"));
        Assert.Equal(40, first["tasks"]![0]!["percent"]!.GetValue<int>());

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Report) && a.EntityId == id.ToString()).ToListAsync();
        Assert.True(audit.Count >= 7, $"every step audited, found {audit.Count}");
        Assert.Contains(audit, a => a.NewValues!.Contains("Bộ yêu cầu bổ sung số liệu.") && a.OldValues!.Contains("Accepted"));
        Assert.All(audit, a => Assert.Equal("82", a.ProvinceCode));

        // Completeness of the cycle shows the submission.
        var view = await department.GetJsonAsync($"/api/v1/reporting-cycles/{cycle}");
        Assert.Equal(1, view["submitted"]!.GetValue<int>());
        Assert.True(view["expected"]!.GetValue<int>() > 100, "agencies and the 102 communes of Đồng Tháp");
    }

    [Fact]
    public async Task Other_units_and_other_provinces_cannot_read_or_write_a_report()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – phạm vi");
        var report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        var otherAgency = await app.AgencyIdAsync("82", "Sở Khoa học và Công nghệ");
        var (otherId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = otherAgency });
        var (khAdmin, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        foreach (var intruder in new[] { app.ClientWithToken(await app.TokenForAsync(otherId)), app.ClientWithToken(await app.TokenForAsync(khAdmin)) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/reports/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.PutAsJsonAsync($"/api/v1/reports/{id}", Edit(report, "Ghi hộ"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { action = "accept" })).StatusCode);
        }
        // The Department reads but does not write the agency's report.
        Assert.Equal(HttpStatusCode.NotFound, (await department.PutAsJsonAsync($"/api/v1/reports/{id}", Edit(report, "Sở ghi hộ"))).StatusCode);
        Assert.Equal("not_started", (await reporter.GetJsonAsync($"/api/v1/reports/{id}")).Str("status"));
    }

    [Fact]
    public async Task Attachments_are_checked_by_size_type_and_content_and_nothing_is_stored_when_refused()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – tệp");
        async Task<HttpResponseMessage> Upload(byte[] content, string name) =>
            await reporter.PostAsync($"/api/v1/reports/{id}/attachments", new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } });

        var big = new byte[ReportAttachments.MaxBytes + 1];
        Unit.ReportAttachmentTests.Pdf.CopyTo(big, 0);
        var cases = new (byte[] Content, string Name, string Message)[]
        {
            (big, "qua-lon.pdf", "vượt giới hạn"),
            ("MZ\u0090\0this is a program"u8.ToArray(), "chuong-trinh.exe", "chỉ nhận PDF"),
            (Unit.ReportAttachmentTests.Pdf, "doi-duoi.docx", "không đúng định dạng DOCX"),
            ("<html>not a pdf</html>"u8.ToArray(), "gia.pdf", "không đúng định dạng PDF"),
        };
        foreach (var (content, name, message) in cases)
        {
            var response = await Upload(content, name);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
        await using (var db = app.CreateDbContext())
            Assert.Equal(0, await db.ReportAttachments.CountAsync(a => a.ReportId == id));

        Assert.Equal(HttpStatusCode.OK, (await Upload(Unit.ReportAttachmentTests.Pdf, "Biên bản hội nghị.pdf")).StatusCode);
        var report = await reporter.GetJsonAsync($"/api/v1/reports/{id}");
        var attachment = report["attachments"]!.AsArray().Single()!;
        Assert.Equal("Biên bản hội nghị.pdf", attachment.Str("fileName"));
        var download = await department.GetAsync($"/api/v1/reports/{id}/attachments/{attachment["id"]}");
        Assert.Equal(Unit.ReportAttachmentTests.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);

        // Once submitted, files can no longer be added.
        await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/submit", Edit(report, "Có biên bản kèm theo."));
        var late = await Upload(Unit.ReportAttachmentTests.Png, "anh.png");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        await using (var db = app.CreateDbContext())
            Assert.Equal(1, await db.ReportAttachments.CountAsync(a => a.ReportId == id));
    }
}
