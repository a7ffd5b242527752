using System.Net;
using System.Net.Http.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Tests.Api;

/// <summary>
/// Every endpoint and page the application exposes, for every role (anonymous and users of another province
/// included): allowed or denied. An endpoint that is not in this table fails the test, so a new endpoint
/// cannot ship without someone deciding who may use it. Probes aim at Đồng Tháp, so Khánh Hòa users are the
/// "other province".
/// </summary>
[Collection(MutationCollection.Name)]
public class AuthorizationMatrixTests(MutationApp app)
{
    public enum Who { Anonymous, SystemAdmin, MinistryEditor, MinistryViewer, AdminKh, AdminDt, ReporterKh, CommuneKh, ViewerKh, ViewerCountry }

    private static readonly Who[] Everyone = Enum.GetValues<Who>();
    private static readonly Who[] SignedIn = Everyone.Where(w => w != Who.Anonymous).ToArray();
    private static readonly Who[] UserAdmins = [Who.SystemAdmin, Who.AdminKh, Who.AdminDt];
    private static readonly Who[] OwnersOfDongThap = [Who.SystemAdmin, Who.AdminDt];
    /// <summary>Đồng Tháp's reporting cycles and reports: its Department and the whole-country roles; no Khánh Hòa user.</summary>
    private static readonly Who[] DongThapCycleReaders = [Who.SystemAdmin, Who.MinistryEditor, Who.MinistryViewer, Who.AdminDt, Who.ViewerCountry];
    private static readonly Who[] WholeCountry = [Who.SystemAdmin, Who.MinistryEditor, Who.MinistryViewer, Who.ViewerCountry];
    private static readonly Who[] Ministry = [Who.SystemAdmin, Who.MinistryEditor];

    /// <summary>What one endpoint is probed with and who must get through.</summary>
    private sealed record Probe(string Method, Func<Context, string> Url, Who[] Allowed, Func<Context, object?>? Body = null, bool IsPage = false,
        int? EveryoneGets = null, int? AllowedStatus = null, Func<HttpContent>? Content = null);

    /// <summary>The Ministry's editors, the Ministry's viewers and each province's administrators (their own province's proposals).</summary>
    private static readonly Who[] ProposalReaders = [Who.SystemAdmin, Who.MinistryEditor, Who.MinistryViewer, Who.AdminKh, Who.AdminDt];
    private static readonly Who[] DongThapProposalReaders = [Who.SystemAdmin, Who.MinistryEditor, Who.MinistryViewer, Who.AdminDt];

    /// <summary>A valid new indicator, with a code of its own for every call (the allowed ones create it).</summary>
    private static object NewIndicator() => new
    {
        code = $"matrix_{Guid.NewGuid():N}", nameVi = "Tỷ lệ thử của ma trận phân quyền", nameEn = "Matrix probe share",
        definition = "Chỉ số thử do ma trận phân quyền tạo.", unit = "%", direction = "higher", periodType = "year", kind = "ratio",
        numerator = "online_shoppers", denominator = "population", factor = 100, rollup = "ratio_of_sums",
    };

    private static object NewProposal() => new
    {
        provinceCode = "82", code = $"matrix_{Guid.NewGuid():N}", nameVi = "Tỷ lệ đề xuất của ma trận phân quyền", nameEn = "Matrix probe proposal",
        definition = "Chỉ số thử do ma trận phân quyền đề xuất.", unit = "%", direction = "higher", periodType = "year", kind = "ratio",
        numerator = "online_shoppers", denominator = "population", factor = 100, rollup = "ratio_of_sums", reason = "Ma trận phân quyền: thử.",
    };

    /// <summary>Đồng Tháp's plan as a workbook, posted into the issued plan itself: its owners are told an amendment is needed (409), nothing is written.</summary>
    private static HttpContent DongThapWorkbookUpload() => new MultipartFormDataContent
    {
        { new ByteArrayContent(EcomPlan.Web.Features.PlanAuthoring.PlanWorkbook.Write(PlanAuthoring.WorkbookFiles.Sample("82", "tỉnh Đồng Tháp"),
            EcomPlan.Web.Features.PlanAuthoring.WorkbookCatalogue.Empty)), "file", "ke-hoach.xlsx" },
        { new StringContent("dong-thap-2026-2030"), "planId" },
    };

    private static HttpContent EmptyCsvUpload() => new MultipartFormDataContent { { new ByteArrayContent([]), "file", "rong.csv" } };

    private sealed class Context
    {
        public required Dictionary<Who, (int Id, string Token)> Users { get; init; }
        public required int DtAgency { get; init; }
        public required int DtTask { get; init; }
        public required int DtTarget { get; init; }
        public required int DtUser { get; init; }
        public required int DtCycle { get; init; }
        public required int DtReport { get; init; }
        public required int DtProposal { get; init; }
        public required MutationApp App { get; init; }

        public async Task<string> StampOfDtUserAsync()
        {
            await using var db = App.CreateDbContext();
            return await db.Users.Where(u => u.Id == DtUser).Select(u => u.ConcurrencyStamp!).SingleAsync();
        }
    }

    private static readonly Dictionary<string, Probe> Probes = new()
    {
        // Public read API and pages: published plans and reference data.
        ["GET /api/v1/plans/"] = new("GET", _ => "/api/v1/plans", Everyone),
        ["GET /api/v1/plans/{id}"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030", Everyone),
        ["GET /api/v1/plans/{id}/targets"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/targets", Everyone),
        ["GET /api/v1/plans/{id}/tasks"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/tasks", Everyone),
        ["GET /api/v1/plans/{id}/alignment"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/alignment", Everyone),
        ["GET /api/v1/plans/{id}/document"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/document", Everyone),
        ["GET /api/v1/agencies/"] = new("GET", _ => "/api/v1/agencies", Everyone),
        ["GET /api/v1/agencies/{id:int}"] = new("GET", c => $"/api/v1/agencies/{c.DtAgency}", Everyone),
        ["GET /api/v1/regions"] = new("GET", _ => "/api/v1/regions", Everyone),
        ["GET /api/v1/provinces"] = new("GET", _ => "/api/v1/provinces", Everyone),
        ["GET /api/v1/provinces/{code}"] = new("GET", _ => "/api/v1/provinces/82", Everyone),
        ["GET /api/v1/provinces/{code}/communes"] = new("GET", _ => "/api/v1/provinces/82/communes", Everyone),
        ["GET /api/v1/plans/{id}/progress"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/progress", Everyone),
        ["GET /plans/{Id}/progress"] = new("GET", _ => "/plans/dong-thap-2026-2030/progress", Everyone, IsPage: true),
        ["GET /progress-method"] = new("GET", _ => "/progress-method", Everyone, IsPage: true),
        ["GET /api/v1/plans/{id}/values-template"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/values-template", Everyone),
        ["GET /api/v1/plans/{id}/progress/export"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/progress/export", Everyone),
        // Every signed-in token client may call it (what it may write is checked row by row); no file is a 400.
        ["POST /api/v1/values/import"] = new("POST", _ => "/api/v1/values/import", SignedIn, AllowedStatus: 400, Content: EmptyCsvUpload),
        ["POST /api/v1/values"] = new("POST", _ => "/api/v1/values", SignedIn, _ => new { rows = Array.Empty<object>() }, AllowedStatus: 400),
        ["GET /values/entry"] = new("GET", _ => "/values/entry", SignedIn, IsPage: true),
        // Someone else's (here: no) import job is "not found" to everybody signed in.
        ["GET /values/import/{Id:guid}"] = new("GET", _ => $"/values/import/{Guid.Empty}", [], IsPage: true),
        ["GET /values/import"] = new("GET", _ => "/values/import", SignedIn, IsPage: true),
        // A target of Đồng Tháp's plan that is quantitative: its owners get through to the 400 that says so.
        ["POST /api/v1/plans/{id}/targets/{targetId:int}/assessment"] = new("POST", c => $"/api/v1/plans/dong-thap-2026-2030/targets/{c.DtTarget}/assessment",
            OwnersOfDongThap, _ => new { status = "on_track", evidence = "Ma trận phân quyền: thử." }, AllowedStatus: 400),
        ["GET /api/v1/indicators/"] = new("GET", _ => "/api/v1/indicators", Everyone),
        ["GET /api/v1/indicators/{code}"] = new("GET", _ => "/api/v1/indicators/b2c_revenue", Everyone),
        ["PUT /api/v1/indicators/{code}"] = new("PUT", _ => "/api/v1/indicators/b2c_revenue", [Who.SystemAdmin, Who.MinistryEditor],
            c => new { nameVi = "Doanh số thương mại điện tử B2C", nameEn = "B2C e-commerce revenue", definition = "Tổng giá trị bán lẻ trực tuyến B2C trong năm (tỷ USD)." }),
        ["GET /indicators/{Code}/edit"] = new("GET", _ => "/indicators/b2c_revenue/edit", [Who.SystemAdmin, Who.MinistryEditor], IsPage: true),
        ["GET /api/v1/indicators/{code}/values/export"] = new("GET", _ => "/api/v1/indicators/b2c_revenue/values/export", Everyone),
        ["GET /indicators"] = new("GET", _ => "/indicators", Everyone, IsPage: true),
        ["GET /indicators/{Code}"] = new("GET", _ => "/indicators/b2c_revenue", Everyone, IsPage: true),
        // The catalogue grows: the Ministry adds indicators and data elements; provinces propose, the Ministry decides.
        ["POST /api/v1/indicators"] = new("POST", _ => "/api/v1/indicators", Ministry, _ => NewIndicator()),
        ["GET /indicators/new"] = new("GET", _ => "/indicators/new", Ministry, IsPage: true),
        ["GET /api/v1/data-elements/"] = new("GET", _ => "/api/v1/data-elements", Everyone),
        ["POST /api/v1/data-elements/"] = new("POST", _ => "/api/v1/data-elements", Ministry,
            _ => new { code = $"matrix_{Guid.NewGuid():N}", nameVi = "Số thử của ma trận", nameEn = "Matrix probe count", unit = "người" }),
        ["GET /data-elements"] = new("GET", _ => "/data-elements", Everyone, IsPage: true),
        ["GET /data-elements/new"] = new("GET", _ => "/data-elements/new", Ministry, IsPage: true),
        ["GET /api/v1/indicator-proposals/"] = new("GET", _ => "/api/v1/indicator-proposals", ProposalReaders),
        ["GET /api/v1/indicator-proposals/{id:int}"] = new("GET", c => $"/api/v1/indicator-proposals/{c.DtProposal}", DongThapProposalReaders),
        // For Đồng Tháp: its administrators only (Khánh Hòa's cannot propose in its name, the Ministry adds directly).
        ["POST /api/v1/indicator-proposals/"] = new("POST", _ => "/api/v1/indicator-proposals", [Who.AdminDt], _ => NewProposal()),
        // A code that is not one: the Ministry gets through to the 400, and the proposal stays undecided for the next probe.
        ["POST /api/v1/indicator-proposals/{id:int}/accept"] = new("POST", c => $"/api/v1/indicator-proposals/{c.DtProposal}/accept", Ministry,
            _ => new { code = "Mã Sai" }, AllowedStatus: 400),
        ["POST /api/v1/indicator-proposals/{id:int}/refuse"] = new("POST", c => $"/api/v1/indicator-proposals/{c.DtProposal}/refuse", Ministry,
            _ => new { reason = " " }, AllowedStatus: 400),
        ["GET /indicator-proposals"] = new("GET", _ => "/indicator-proposals", ProposalReaders, IsPage: true),
        ["GET /indicator-proposals/new"] = new("GET", _ => "/indicator-proposals/new", [Who.AdminKh, Who.AdminDt], IsPage: true),
        ["GET /indicator-proposals/{Id:int}"] = new("GET", c => $"/indicator-proposals/{c.DtProposal}", DongThapProposalReaders, IsPage: true),
        ["GET /api/v1/values/pending"] = new("GET", _ => "/api/v1/values/pending", SignedIn),
        // A value of another unit, or none: "not found" for everyone signed in.
        ["POST /api/v1/values/{id:long}/approve"] = new("POST", _ => "/api/v1/values/999999999/approve", []),
        ["POST /api/v1/values/{id:long}/reopen"] = new("POST", _ => "/api/v1/values/999999999/reopen", []),
        ["POST /api/v1/values/{id:long}/return"] = new("POST", _ => "/api/v1/values/999999999/return", [], _ => new { reason = "Số liệu chưa khớp với báo cáo năm." }),
        ["GET /values/review"] = new("GET", _ => "/values/review", SignedIn, IsPage: true),
        // Reporting cycles of Đồng Tháp's plan. No role of the matrix reports for a Đồng Tháp agency, so writes are denied to all;
        // reviews and openings reach their owners, who get the 400 that an unsent report or an unknown cycle deserves.
        ["GET /api/v1/plans/{id}/reporting-regime"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/reporting-regime", DongThapCycleReaders),
        ["PUT /api/v1/plans/{id}/reporting-regime"] = new("PUT", _ => "/api/v1/plans/dong-thap-2026-2030/reporting-regime", OwnersOfDongThap,
            _ => new { agenciesReport = true, communesReport = true, remindDaysBefore = 5, rules = new object[] {
                new { kind = "six_monthly", due = "14/06", cutOff = "31/05", opensDaysBefore = 30 }, new { kind = "yearly", due = "14/12", cutOff = "30/11", opensDaysBefore = 30 } } }),
        ["GET /api/v1/plans/{id}/reporting-cycles"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/reporting-cycles", DongThapCycleReaders),
        ["POST /api/v1/plans/{id}/reporting-cycles"] = new("POST", _ => "/api/v1/plans/dong-thap-2026-2030/reporting-cycles", OwnersOfDongThap,
            _ => new { key = "Yearly-1999" }, AllowedStatus: 400),
        ["GET /api/v1/reporting-cycles/{id:int}"] = new("GET", c => $"/api/v1/reporting-cycles/{c.DtCycle}", DongThapCycleReaders),
        ["GET /api/v1/reports/mine"] = new("GET", _ => "/api/v1/reports/mine", SignedIn),
        ["GET /api/v1/reports/{id:int}"] = new("GET", c => $"/api/v1/reports/{c.DtReport}", DongThapCycleReaders),
        ["PUT /api/v1/reports/{id:int}"] = new("PUT", c => $"/api/v1/reports/{c.DtReport}", [], _ => new { revision = 0, summary = "Ghi hộ", tasks = Array.Empty<object>() }),
        ["POST /api/v1/reports/{id:int}/submit"] = new("POST", c => $"/api/v1/reports/{c.DtReport}/submit", [], _ => new { revision = 0, summary = "Gửi hộ", tasks = Array.Empty<object>() }),
        ["POST /api/v1/reports/{id:int}/review"] = new("POST", c => $"/api/v1/reports/{c.DtReport}/review", OwnersOfDongThap, _ => new { action = "accept" }, AllowedStatus: 400),
        ["GET /api/v1/reports/{id:int}/versions/{number:int}"] = new("GET", c => $"/api/v1/reports/{c.DtReport}/versions/1", []),
        ["GET /api/v1/reports/{id:int}/attachments/{attachmentId:int}"] = new("GET", c => $"/api/v1/reports/{c.DtReport}/attachments/999999", []),
        ["DELETE /api/v1/reports/{id:int}/attachments/{attachmentId:int}"] = new("DELETE", c => $"/api/v1/reports/{c.DtReport}/attachments/999999", []),
        ["POST /api/v1/reports/{id:int}/attachments"] = new("POST", c => $"/api/v1/reports/{c.DtReport}/attachments", [],
            Content: () => new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "a.pdf" } }),
        ["GET /api/v1/reporting-cycles/{id:int}/consolidated/{format}"] = new("GET", c => $"/api/v1/reporting-cycles/{c.DtCycle}/consolidated/xlsx", DongThapCycleReaders),
        ["PUT /api/v1/reporting-cycles/{id:int}/consolidated"] = new("PUT", c => $"/api/v1/reporting-cycles/{c.DtCycle}/consolidated", OwnersOfDongThap,
            _ => new { revision = -1, date = "2026-12-01" }, AllowedStatus: 409),
        ["POST /api/v1/reporting-cycles/{id:int}/consolidated/finalize"] = new("POST", c => $"/api/v1/reporting-cycles/{c.DtCycle}/consolidated/finalize?revision=-1", OwnersOfDongThap,
            AllowedStatus: 409),
        ["GET /api/v1/reporting/national/{id:int}/consolidated/{format}"] = new("GET", _ => "/api/v1/reporting/national/2026/consolidated/xlsx", WholeCountry),
        ["PUT /api/v1/reporting/national/{id:int}/consolidated"] = new("PUT", _ => "/api/v1/reporting/national/2026/consolidated", Ministry,
            _ => new { revision = -1, date = "2026-12-01" }, AllowedStatus: 409),
        ["POST /api/v1/reporting/national/{id:int}/consolidated/finalize"] = new("POST", _ => "/api/v1/reporting/national/2026/consolidated/finalize?revision=-1", Ministry,
            AllowedStatus: 409),
        ["GET /reporting"] = new("GET", _ => "/reporting", SignedIn, IsPage: true),
        // Notifications: each user's own; another's (here: none with id 0) is "not found" to everybody.
        ["GET /api/v1/notifications/"] = new("GET", _ => "/api/v1/notifications", SignedIn),
        ["POST /api/v1/notifications/{id:long}/read"] = new("POST", _ => "/api/v1/notifications/0/read", []),
        ["POST /api/v1/notifications/read-all"] = new("POST", _ => "/api/v1/notifications/read-all", SignedIn),
        ["GET /notifications"] = new("GET", _ => "/notifications", SignedIn, IsPage: true),
        ["GET /plans/{Id}/reporting"] = new("GET", _ => "/plans/dong-thap-2026-2030/reporting", DongThapCycleReaders, IsPage: true),
        ["GET /plans/{Id}/timeline"] = new("GET", _ => "/plans/dong-thap-2026-2030/timeline", SignedIn, IsPage: true),
        ["GET /reporting/cycles/{Id:int}"] = new("GET", c => $"/reporting/cycles/{c.DtCycle}", DongThapCycleReaders, IsPage: true),
        ["GET /reporting/cycles/{Id:int}/consolidated"] = new("GET", c => $"/reporting/cycles/{c.DtCycle}/consolidated", DongThapCycleReaders, IsPage: true),
        ["GET /reporting/reports/{Id:int}"] = new("GET", c => $"/reporting/reports/{c.DtReport}", DongThapCycleReaders, IsPage: true),
        ["GET /reporting/national"] = new("GET", _ => "/reporting/national?year=2026", WholeCountry, IsPage: true),
        ["GET /openapi/{documentName}.json"] = new("GET", _ => "/openapi/v1.json", Everyone),
        ["GET /"] = new("GET", _ => "/", Everyone, IsPage: true),
        ["GET /plans"] = new("GET", _ => "/plans", Everyone, IsPage: true),
        ["GET /plans/{Id}"] = new("GET", _ => "/plans/dong-thap-2026-2030", Everyone, IsPage: true),
        ["GET /plans/{Id}/alignment"] = new("GET", _ => "/plans/dong-thap-2026-2030/alignment", Everyone, IsPage: true),
        ["GET /plans/{Id}/document"] = new("GET", _ => "/plans/dong-thap-2026-2030/document", Everyone, IsPage: true),
        ["GET /agencies"] = new("GET", _ => "/agencies", Everyone, IsPage: true),
        ["GET /agencies/{Id:int}"] = new("GET", c => $"/agencies/{c.DtAgency}", Everyone, IsPage: true),
        ["GET /provinces"] = new("GET", _ => "/provinces", Everyone, IsPage: true),
        ["GET /provinces/{Code}"] = new("GET", _ => "/provinces/82", Everyone, IsPage: true),
        ["GET /not-found"] = new("GET", _ => "/not-found", Everyone, IsPage: true),
        ["GET /error/{Code:int}"] = new("GET", _ => "/error/413", Everyone, IsPage: true),
        ["GET /Error"] = new("GET", _ => "/Error", Everyone, IsPage: true),
        // Account pages anyone can open (sign-in, recovery, invitation).
        ["GET /account/login"] = new("GET", _ => "/account/login", Everyone, IsPage: true),
        ["GET /account/login-2fa"] = new("GET", _ => "/account/login-2fa", Everyone, IsPage: true),
        ["GET /account/forgot-password"] = new("GET", _ => "/account/forgot-password", Everyone, IsPage: true),
        ["GET /account/reset-password"] = new("GET", _ => "/account/reset-password", Everyone, IsPage: true),
        ["GET /account/accept-invitation"] = new("GET", _ => "/account/accept-invitation?token=x", Everyone, IsPage: true),
        ["GET /account/access-denied"] = new("GET", _ => "/account/access-denied", Everyone, IsPage: true),
        // Own account.
        ["GET /account/change-password"] = new("GET", _ => "/account/change-password", SignedIn, IsPage: true),
        ["GET /account/two-factor"] = new("GET", _ => "/account/two-factor", SignedIn, IsPage: true),
        ["GET /account/tokens"] = new("GET", _ => "/account/tokens", SignedIn, IsPage: true),
        ["GET /api/v1/me/"] = new("GET", _ => "/api/v1/me", SignedIn),
        ["GET /api/v1/me/tokens"] = new("GET", _ => "/api/v1/me/tokens", SignedIn),
        // A token cannot mint tokens (they would outlive it); people create them signed in with a password (InvitationAndTokenTests).
        ["POST /api/v1/me/tokens"] = new("POST", _ => "/api/v1/me/tokens", [], _ => new { name = "matrix", validDays = 1 }),
        // Someone else's token is "not found" to everybody.
        ["DELETE /api/v1/me/tokens/{id:int}"] = new("DELETE", _ => "/api/v1/me/tokens/999999", []),
        // Writes on Đồng Tháp's plan: its Department and system administrators only.
        ["PATCH /api/v1/plans/{id}"] = new("PATCH", _ => "/api/v1/plans/dong-thap-2026-2030", OwnersOfDongThap, _ => new { isPublic = true }),
        ["PUT /api/v1/plans/{id}/tasks/{taskId:int}/lead-agencies"] = new("PUT", c => $"/api/v1/plans/dong-thap-2026-2030/tasks/{c.DtTask}/lead-agencies",
            OwnersOfDongThap, c => new { agencyIds = new[] { c.DtAgency } }),
        // Authoring. A new Đồng Tháp plan: its Department and system administrators (others 403).
        ["POST /api/v1/plans/"] = new("POST", _ => "/api/v1/plans", OwnersOfDongThap,
            _ => new { provinceCode = "82", title = "Kế hoạch thử ma trận", periodStart = 2026, periodEnd = 2030, issuingBody = "UBND tỉnh Đồng Tháp", sourceKind = "form_only" }),
        // Writes on the content of the issued Đồng Tháp plan reach their owners, who are told an amendment is needed (409).
        ["PUT /api/v1/plans/{id}/statements"] = new("PUT", _ => "/api/v1/plans/dong-thap-2026-2030/statements", OwnersOfDongThap,
            _ => new { revision = 0, viewpoints = Array.Empty<string>(), objectives = Array.Empty<string>() }, AllowedStatus: 409),
        ["POST /api/v1/plans/{id}/target-groups"] = new("POST", _ => "/api/v1/plans/dong-thap-2026-2030/target-groups", OwnersOfDongThap,
            _ => new { code = "Z", title = "Nhóm thử" }, AllowedStatus: 409),
        ["PUT /api/v1/plans/{id}/target-groups/{code}"] = new("PUT", _ => "/api/v1/plans/dong-thap-2026-2030/target-groups/I", OwnersOfDongThap,
            _ => new { code = "I", title = "Nhóm", revision = 0 }, AllowedStatus: 409),
        ["DELETE /api/v1/plans/{id}/target-groups/{code}"] = new("DELETE", _ => "/api/v1/plans/dong-thap-2026-2030/target-groups/I", OwnersOfDongThap, AllowedStatus: 409),
        ["POST /api/v1/plans/{id}/targets"] = new("POST", _ => "/api/v1/plans/dong-thap-2026-2030/targets", OwnersOfDongThap,
            _ => new { group = "I", key = "Z.1", text = "Thử", kind = "qualitative" }, AllowedStatus: 409),
        // Without the form's revision the owners are stopped by validation (400), which only owners reach.
        ["PUT /api/v1/plans/{id}/targets/{targetId:int}"] = new("PUT", c => $"/api/v1/plans/dong-thap-2026-2030/targets/{c.DtTarget}", OwnersOfDongThap,
            _ => new { group = "I", key = "I.1", text = "Thử", kind = "qualitative" }, AllowedStatus: 400),
        ["DELETE /api/v1/plans/{id}/targets/{targetId:int}"] = new("DELETE", c => $"/api/v1/plans/dong-thap-2026-2030/targets/{c.DtTarget}", OwnersOfDongThap, AllowedStatus: 409),
        ["POST /api/v1/plans/{id}/task-groups"] = new("POST", _ => "/api/v1/plans/dong-thap-2026-2030/task-groups", OwnersOfDongThap,
            _ => new { code = "Z", title = "Nhóm thử" }, AllowedStatus: 409),
        ["PUT /api/v1/plans/{id}/task-groups/{code}"] = new("PUT", _ => "/api/v1/plans/dong-thap-2026-2030/task-groups/I", OwnersOfDongThap,
            _ => new { code = "I", title = "Nhóm", revision = 0 }, AllowedStatus: 409),
        ["DELETE /api/v1/plans/{id}/task-groups/{code}"] = new("DELETE", _ => "/api/v1/plans/dong-thap-2026-2030/task-groups/I", OwnersOfDongThap, AllowedStatus: 409),
        ["POST /api/v1/plans/{id}/tasks"] = new("POST", _ => "/api/v1/plans/dong-thap-2026-2030/tasks", OwnersOfDongThap,
            _ => new { group = "I", text = "Thử" }, AllowedStatus: 409),
        ["PUT /api/v1/plans/{id}/tasks/{taskId:int}"] = new("PUT", c => $"/api/v1/plans/dong-thap-2026-2030/tasks/{c.DtTask}", OwnersOfDongThap,
            _ => new { group = "I", text = "Thử" }, AllowedStatus: 400),
        ["DELETE /api/v1/plans/{id}/tasks/{taskId:int}"] = new("DELETE", c => $"/api/v1/plans/dong-thap-2026-2030/tasks/{c.DtTask}", OwnersOfDongThap, AllowedStatus: 409),
        ["POST /api/v1/plans/{id}/issue"] = new("POST", _ => "/api/v1/plans/dong-thap-2026-2030/issue", OwnersOfDongThap, _ => new { }, AllowedStatus: 409),
        ["POST /api/v1/plans/{id}/amendments"] = new("POST", _ => "/api/v1/plans/dong-thap-2026-2030/amendments", OwnersOfDongThap, _ => new { }, AllowedStatus: 400),
        ["POST /api/v1/plans/{id}/amendments/current/issue"] = new("POST", _ => "/api/v1/plans/dong-thap-2026-2030/amendments/current/issue", OwnersOfDongThap, AllowedStatus: 409),
        ["DELETE /api/v1/plans/{id}/amendments/current"] = new("DELETE", _ => "/api/v1/plans/dong-thap-2026-2030/amendments/current", OwnersOfDongThap, AllowedStatus: 409),
        // Plans as Excel workbooks: anyone who may read the plan exports it; the Ministry and the Departments import (token clients on the API).
        ["GET /api/v1/plans/{id}/workbook"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/workbook", Everyone),
        ["GET /api/v1/plans/workbook-template"] = new("GET", _ => "/api/v1/plans/workbook-template", Everyone),
        ["POST /api/v1/plans/import"] = new("POST", _ => "/api/v1/plans/import", OwnersOfDongThap, AllowedStatus: 409, Content: DongThapWorkbookUpload),
        ["GET /plans/import"] = new("GET", _ => "/plans/import", [Who.SystemAdmin, Who.MinistryEditor, Who.AdminKh, Who.AdminDt], IsPage: true),
        ["GET /api/v1/plans/{id}/versions"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/versions", Everyone),
        ["GET /api/v1/plans/{id}/versions/{number:int}"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/versions/0", Everyone),
        // No decision is attached to Đồng Tháp's plan: everybody may ask, and is told so.
        ["GET /api/v1/plans/{id}/decision"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/decision", Everyone, AllowedStatus: 404),
        // A text file is not a PDF: only the owners get as far as being told.
        ["POST /api/v1/plans/{id}/decision"] = new("POST", _ => "/api/v1/plans/dong-thap-2026-2030/decision", OwnersOfDongThap, AllowedStatus: 400,
            Content: () => new MultipartFormDataContent { { new ByteArrayContent("không phải PDF"u8.ToArray()), "file", "quyet-dinh.txt" } }),
        ["GET /api/v1/plans/{id}/plan-file"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/plan-file", Everyone),
        ["GET /api/v1/plans/{id}/diff"] = new("GET", _ => "/api/v1/plans/dong-thap-2026-2030/diff?from=0&to=0", Everyone),
        // Import from a decision's text: Đồng Tháp's Department and system administrators, who get through to the 400 of a text without
        // targets or tasks (nothing written); the page for whoever edits a plan somewhere; the review of a plan for its editors only.
        ["POST /api/v1/plans/import-text"] = new("POST", _ => "/api/v1/plans/import-text", OwnersOfDongThap, AllowedStatus: 400, Content: () => new MultipartFormDataContent
        {
            { new StringContent("82"), "provinceCode" }, { new StringContent("original"), "sourceKind" }, { new StringContent("Không có chỉ tiêu nào."), "text" },
        }),
        ["GET /plans/import-text"] = new("GET", _ => "/plans/import-text", [Who.SystemAdmin, Who.MinistryEditor, Who.AdminKh, Who.AdminDt], IsPage: true),
        ["GET /plans/{Id}/review"] = new("GET", _ => "/plans/dong-thap-2026-2030/review", OwnersOfDongThap, IsPage: true),
        ["POST /api/v1/agencies/"] = new("POST", _ => "/api/v1/agencies", OwnersOfDongThap,
            _ => new { name = $"Cơ quan thử {Guid.NewGuid():N}", kind = "other", provinceCode = "82" }),
        ["PUT /api/v1/agencies/{agencyId:int}"] = new("PUT", c => $"/api/v1/agencies/{c.DtAgency}", OwnersOfDongThap, _ => new { name = "Sở Công Thương", kind = "department" }, AllowedStatus: 400),
        // Authoring pages: anyone signed in may open the creation and agency pages (they say what the account may do); a plan's
        // editing pages are its owners' (others get 404, as for a draft out of scope).
        ["GET /plans/new"] = new("GET", _ => "/plans/new", SignedIn, IsPage: true),
        ["GET /plans/{Id}/edit"] = new("GET", _ => "/plans/dong-thap-2026-2030/edit", OwnersOfDongThap, IsPage: true),
        ["GET /plans/{Id}/targets/new"] = new("GET", _ => "/plans/dong-thap-2026-2030/targets/new", OwnersOfDongThap, IsPage: true),
        ["GET /plans/{Id}/targets/{TargetId:int}/edit"] = new("GET", c => $"/plans/dong-thap-2026-2030/targets/{c.DtTarget}/edit", OwnersOfDongThap, IsPage: true),
        ["GET /plans/{Id}/tasks/new"] = new("GET", _ => "/plans/dong-thap-2026-2030/tasks/new", OwnersOfDongThap, IsPage: true),
        ["GET /plans/{Id}/tasks/{TaskId:int}/edit"] = new("GET", c => $"/plans/dong-thap-2026-2030/tasks/{c.DtTask}/edit", OwnersOfDongThap, IsPage: true),
        ["GET /plans/{Id}/versions"] = new("GET", _ => "/plans/dong-thap-2026-2030/versions", Everyone, IsPage: true),
        ["GET /agencies/manage"] = new("GET", _ => "/agencies/manage", SignedIn, IsPage: true),
        ["GET /agencies/{Id:int}/edit"] = new("GET", c => $"/agencies/{c.DtAgency}/edit", OwnersOfDongThap, IsPage: true),
        ["POST /api/v1/agencies/{agencyId:int}/merge"] = new("POST", c => $"/api/v1/agencies/{c.DtAgency}/merge", OwnersOfDongThap, _ => new { }, AllowedStatus: 400),
        // User administration: administrators; a Đồng Tháp user is out of Khánh Hòa's reach.
        ["GET /api/v1/users/"] = new("GET", _ => "/api/v1/users", UserAdmins),
        ["GET /api/v1/users/{id:int}"] = new("GET", c => $"/api/v1/users/{c.DtUser}", OwnersOfDongThap),
        ["POST /api/v1/users/"] = new("POST", _ => "/api/v1/users", OwnersOfDongThap,
            _ => new { email = $"matrix-{Guid.NewGuid():N}@test.ecomplan.local", fullName = "Ma trận", roles = new[] { new { role = "viewer", provinceCode = "82" } } }),
        ["PUT /api/v1/users/{id:int}/roles"] = new("PUT", c => $"/api/v1/users/{c.DtUser}/roles", OwnersOfDongThap,
            c => new { concurrencyStamp = c.StampOfDtUserAsync().GetAwaiter().GetResult(), roles = new[] { new { role = "viewer", provinceCode = "82" } } }),
        ["GET /admin/users"] = new("GET", _ => "/admin/users", UserAdmins, IsPage: true),
        ["GET /admin/users/{Id:int}"] = new("GET", c => $"/admin/users/{c.DtUser}", OwnersOfDongThap, IsPage: true),
        ["GET /api/v1/audit"] = new("GET", _ => "/api/v1/audit", UserAdmins),
        ["GET /admin/audit"] = new("GET", _ => "/admin/audit", UserAdmins, IsPage: true),
        // A form post without its antiforgery token is refused before anything else.
        ["POST /account/logout"] = new("POST", _ => "/account/logout", [], EveryoneGets: 400),
    };

    private async Task<Context> ContextAsync()
    {
        var kh = await app.AgencyIdAsync("56", "Thuế Khánh Hòa");
        string khCommune;
        await using (var db = app.CreateDbContext())
            khCommune = await db.Communes.Where(c => c.ProvinceCode == "56").Select(c => c.Code).FirstAsync();
        var roles = new Dictionary<Who, RoleAssignment>
        {
            [Who.SystemAdmin] = new() { Role = UserRole.SystemAdministrator },
            [Who.MinistryEditor] = new() { Role = UserRole.MinistryEditor },
            [Who.MinistryViewer] = new() { Role = UserRole.MinistryViewer },
            [Who.AdminKh] = new() { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" },
            [Who.AdminDt] = new() { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" },
            [Who.ReporterKh] = new() { Role = UserRole.AgencyReporter, AgencyId = kh },
            [Who.CommuneKh] = new() { Role = UserRole.CommuneReporter, CommuneCode = khCommune },
            [Who.ViewerKh] = new() { Role = UserRole.Viewer, ProvinceCode = "56" },
            [Who.ViewerCountry] = new() { Role = UserRole.Viewer },
        };
        var users = new Dictionary<Who, (int, string)>();
        foreach (var (who, role) in roles)
        {
            var (id, _) = await app.CreateUserAsync(role);
            users[who] = (id, await app.TokenForAsync(id));
        }
        var (dtUser, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "82" });
        await using var db2 = app.CreateDbContext();
        var task = await db2.Tasks.Where(t => t.PlanId == "dong-thap-2026-2030").OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var target = await db2.Targets.Where(t => t.PlanId == "dong-thap-2026-2030").OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var owner = new AccessScope(0, [new ScopedRole(UserRole.SystemAdministrator)]);
        var (cycle, error) = await EcomPlan.Web.Features.Reporting.OpenCycles.OpenAdHocAsync(db2, owner, "dong-thap-2026-2030",
            new("Báo cáo đột xuất – ma trận phân quyền", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), null), "ma trận", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.True(cycle is not null, error);
        var dtAgency = await app.AgencyIdAsync("82", "Sở Công Thương");
        var report = await db2.Reports.Where(r => r.CycleId == cycle && r.AgencyId == dtAgency).Select(r => r.Id).SingleAsync();
        var proposal = await EcomPlan.Web.Features.Indicators.ProposeIndicator.HandleAsync(
            new("82", $"matrix_{Guid.NewGuid():N}", "Tỷ lệ đề xuất của ma trận", "Matrix proposal", "Đề xuất thử.", "%", "higher", "year", "ratio",
                "online_shoppers", "population", 100, "ratio_of_sums", null, null, null, "Ma trận phân quyền: thử."),
            new AccessScope(users[Who.AdminDt].Item1, [new ScopedRole(UserRole.ProvincialAdministrator, "82")]), db2, TimeProvider.System, CancellationToken.None);
        Assert.Equal(EcomPlan.Web.Features.Indicators.ProposeIndicator.Outcome.Proposed, proposal.Outcome);
        return new Context { Users = users, DtAgency = dtAgency, DtTask = task, DtTarget = target, DtUser = dtUser, DtCycle = cycle.Value, DtReport = report,
            DtProposal = proposal.Id!.Value, App = app };
    }

    private static string KeyOf(RouteEndpoint e)
    {
        var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
        return $"{(methods.Contains("GET") ? "GET" : methods[0])} {e.RoutePattern.RawText}";
    }

    [Fact]
    public void Every_endpoint_has_a_row_in_the_matrix()
    {
        var keys = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !EndpointPolicyTests.FrameworkEndpoints.Contains(e.DisplayName ?? "") && e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Select(KeyOf).Distinct().ToList();
        var missing = keys.Where(k => !Probes.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Endpoints with no row in the authorization matrix: " + string.Join(", ", missing));
        var stale = Probes.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Matrix rows for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_role_is_allowed_or_denied_as_the_matrix_says()
    {
        var context = await ContextAsync();
        var failures = new List<string>();
        foreach (var (key, probe) in Probes)
        {
            foreach (var who in Everyone)
            {
                var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                if (who != Who.Anonymous)
                    client.DefaultRequestHeaders.Authorization = new("Bearer", context.Users[who].Token);
                var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url(context));
                if (probe.Body?.Invoke(context) is { } body) request.Content = JsonContent.Create(body);
                if (probe.Content is { } content) request.Content = content();
                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var allowed = probe.Allowed.Contains(who);
                bool ok;
                if (probe.EveryoneGets is { } fixedStatus) ok = status == fixedStatus;
                else if (allowed) ok = probe.AllowedStatus is { } expected ? status == expected : status is >= 200 and < 300;
                else if (who == Who.Anonymous)
                    ok = probe.IsPage
                        ? status == 302 && response.Headers.Location!.OriginalString.Contains("/account/login")
                        : status == 401;
                else ok = status is 403 or 404;
                if (!ok) failures.Add($"{key} as {who}: {status} ({(allowed ? "should be allowed" : "should be denied")})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
