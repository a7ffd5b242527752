using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

public sealed record RegimeDto(string PlanId, DateOnly EffectiveFrom, bool AgenciesReport, bool CommunesReport, int RemindDaysBefore,
    IReadOnlyList<RuleRequest> Rules, IReadOnlyList<CalendarCycleDto> Calendar);

public sealed record CalendarCycleDto(string Key, string Label, ReportKind Kind, DateOnly Opens, DateOnly CutOff, DateOnly Due, int? CycleId);

/// <summary>Opens a calendar cycle early (<see cref="Key"/>) or an ad-hoc one (label and due date).</summary>
public sealed record OpenCycleRequest(string? Key, string? Label, DateOnly? Due, DateOnly? CutOff);

/// <summary>Reporting cycles, reports, reviews and attachments under /api/v1.</summary>
public static class ReportingEndpoints
{
    public static async Task<RegimeDto?> RegimeAsync(EcomPlanDbContext db, string planId, CancellationToken ct)
    {
        var regime = await db.ReportingRegimes.AsNoTracking().Include(r => r.Rules).FirstOrDefaultAsync(r => r.PlanId == planId, ct);
        if (regime is null) return null;
        var calendar = await OpenCycles.CalendarAsync(db, planId, ct);
        return new RegimeDto(planId, regime.EffectiveFrom, regime.AgenciesReport, regime.CommunesReport, regime.RemindDaysBefore,
            regime.Rules.OrderBy(r => r.Kind).Select(r => new RuleRequest(r.Kind, $"{r.DueDay:00}/{r.DueMonth:00}", $"{r.CutOffDay:00}/{r.CutOffMonth:00}", r.OpensDaysBefore)).ToList(),
            calendar.Select(c => new CalendarCycleDto(OpenCycles.KeyOf(c.Cycle), c.Cycle.Label, c.Cycle.Kind, c.Cycle.Opens, c.Cycle.CutOff, c.Cycle.Due, c.OpenedId)).ToList());
    }

    private static ProblemHttpResult Problem(ReportOutcome outcome, string? message) => outcome switch
    {
        ReportOutcome.NotFound => Problems.NotFound(message!),
        ReportOutcome.Conflict => Problems.Conflict(message!),
        _ => Problems.BadRequest(message!),
    };

    public static IEndpointRouteBuilder MapReportingEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/v1/plans/{id}").WithTags("Báo cáo định kỳ (reporting)").RequireAuthorization(Policies.SignedIn);
        plans.MapGet("/reporting-regime", async Task<Results<Ok<RegimeDto>, ProblemHttpResult>> (string id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await CycleQueries.OfPlanAsync(db, await user.ScopeAsync(ct), id, ct) is null || await RegimeAsync(db, id, ct) is not { } regime
                    ? Problems.NotFound($"Kế hoạch '{id}' không có chế độ báo cáo trong phạm vi của bạn.")
                    : TypedResults.Ok(regime))
            .WithName("GetReportingRegime").WithSummary("Chế độ báo cáo của kế hoạch và lịch các kỳ");
        plans.MapPut("/reporting-regime", async Task<Results<Ok<RegimeDto>, ValidationProblem, ProblemHttpResult>> (string id, RegimeRequest request,
                EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var (outcome, errors) = await SetReportingRegime.HandleAsync(db, await user.ScopeAsync(ct), id, request, clock, ct);
                return outcome switch
                {
                    SetReportingRegime.Outcome.Saved => TypedResults.Ok((await RegimeAsync(db, id, ct))!),
                    SetReportingRegime.Outcome.Invalid => TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Chế độ báo cáo không hợp lệ"),
                    _ => Problems.NotFound(errors.Values.First()),
                };
            })
            .WithName("SetReportingRegime").WithSummary("Đặt chế độ báo cáo (loại báo cáo, hạn nộp dd/MM, ngày chốt số liệu, đơn vị báo cáo)");
        plans.MapGet("/reporting-cycles", async Task<Results<Ok<List<CycleRow>>, ProblemHttpResult>> (string id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await CycleQueries.OfPlanAsync(db, await user.ScopeAsync(ct), id, ct) is { } rows ? TypedResults.Ok(rows) : Problems.PlanNotFound(id))
            .WithName("ListReportingCycles").WithSummary("Các kỳ báo cáo đã mở, với tỷ lệ gửi và tỷ lệ đúng hạn");
        plans.MapPost("/reporting-cycles", async Task<Results<Created<CycleView>, ProblemHttpResult>> (string id, OpenCycleRequest request,
                EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var now = clock.GetUtcNow();
                var (cycleId, error) = request.Key is { } key
                    ? await OpenCycles.OpenEarlyAsync(db, scope, id, key, user.Name ?? "?", now, ct)
                    : request.Due is { } due
                        ? await OpenCycles.OpenAdHocAsync(db, scope, id, new OpenCycles.AdHocRequest(request.Label ?? "", due, request.CutOff), user.Name ?? "?", now, ct)
                        : (null, "Gửi 'key' của một kỳ trong lịch, hoặc 'label' và 'due' của kỳ đột xuất.");
                if (cycleId is null)
                    return error!.StartsWith("Không có kế hoạch", StringComparison.Ordinal) ? Problems.NotFound(error) : Problems.BadRequest(error);
                var view = (await CycleQueries.GetAsync(db, scope, cycleId.Value, now, ct))!;
                return TypedResults.Created($"/api/v1/reporting-cycles/{cycleId}", view);
            })
            .WithName("OpenReportingCycle").WithSummary("Mở một kỳ báo cáo trong lịch trước ngày mở, hoặc một kỳ báo cáo đột xuất");

        var cycles = app.MapGroup("/api/v1/reporting-cycles").WithTags("Báo cáo định kỳ (reporting)").RequireAuthorization(Policies.SignedIn);
        cycles.MapGet("/{id:int}", async Task<Results<Ok<CycleView>, ProblemHttpResult>> (int id, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await CycleQueries.GetAsync(db, await user.ScopeAsync(ct), id, clock.GetUtcNow(), ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"Không có kỳ báo cáo {id}."))
            .WithName("GetReportingCycle").WithSummary("Một kỳ báo cáo: ai đã gửi, ai trễ hạn, ai chưa bắt đầu");

        var reports = app.MapGroup("/api/v1/reports").WithTags("Báo cáo định kỳ (reporting)").RequireAuthorization(Policies.SignedIn);
        reports.MapGet("/mine", async (EcomPlanDbContext db, CurrentUser user, CancellationToken ct) => TypedResults.Ok(await ReportQueries.MineAsync(db, await user.ScopeAsync(ct), ct)))
            .WithName("ListMyReports").WithSummary("Báo cáo của các đơn vị mà người dùng báo cáo");
        reports.MapGet("/{id:int}", async Task<Results<Ok<ReportView>, ProblemHttpResult>> (int id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await ReportQueries.GetAsync(db, await user.ScopeAsync(ct), id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"Không có báo cáo {id}."))
            .WithName("GetReport").WithSummary("Một báo cáo: nhiệm vụ, tệp đính kèm, các phiên bản đã gửi");
        foreach (var submit in new[] { false, true })
        {
            var handler = async Task<Results<Ok<ReportView>, ValidationProblem, ProblemHttpResult>> (int id, ReportEdit edit, EcomPlanDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var (outcome, errors) = await EditReport.HandleAsync(db, scope, id, edit, submit, user.Name ?? "?", clock, ct);
                return outcome switch
                {
                    ReportOutcome.Done => TypedResults.Ok((await ReportQueries.GetAsync(db, scope, id, ct))!),
                    ReportOutcome.Invalid when !errors.ContainsKey("status") =>
                        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Báo cáo chưa hợp lệ"),
                    _ => Problem(outcome, errors.Values.First()),
                };
            };
            (submit ? reports.MapPost("/{id:int}/submit", handler) : reports.MapPut("/{id:int}", handler))
                .WithName(submit ? "SubmitReport" : "SaveReportDraft")
                .WithSummary(submit ? "Gửi báo cáo cho Sở (lưu một phiên bản)" : "Lưu bản nháp báo cáo");
        }
        reports.MapPost("/{id:int}/review", async Task<Results<Ok<ReportView>, ProblemHttpResult>> (int id, ReviewRequest request, EcomPlanDbContext db,
                CurrentUser user, TimeProvider clock, EmailSender email, Microsoft.Extensions.Options.IOptions<SiteOptions> site, ILogger<ReportView> logger,
                CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var (outcome, error) = await ReviewReport.HandleAsync(db, scope, id, request, user.Name ?? "?", clock, ct);
                if (outcome == ReportOutcome.Done && request.Action != ReportAction.Accept)
                    await ReviewReport.NotifyReturnedAsync(db, email, id, site.Value.PublicBaseUrl, logger, ct);
                return outcome == ReportOutcome.Done ? TypedResults.Ok((await ReportQueries.GetAsync(db, scope, id, ct))!) : Problem(outcome, error);
            })
            .WithName("ReviewReport").WithSummary("Sở chấp nhận (khóa), trả lại kèm nhận xét, hoặc mở lại báo cáo đã chấp nhận (ghi lý do)");
        reports.MapGet("/{id:int}/versions/{number:int}", async Task<Results<Ok<ReportSnapshot>, ProblemHttpResult>> (int id, int number, EcomPlanDbContext db,
                CurrentUser user, CancellationToken ct) =>
                await ReportQueries.VersionAsync(db, await user.ScopeAsync(ct), id, number, ct) is { } snapshot
                    ? TypedResults.Ok(snapshot) : Problems.NotFound($"Không có phiên bản {number} của báo cáo {id}."))
            .WithName("GetReportVersion").WithSummary("Nội dung một phiên bản đã gửi của báo cáo");
        reports.MapGet("/{id:int}/attachments/{attachmentId:int}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, int attachmentId,
                EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await ReportQueries.AttachmentAsync(db, await user.ScopeAsync(ct), id, attachmentId, ct) is { } file
                    ? TypedResults.File(file.Content, file.ContentType, file.FileName) : Problems.NotFound($"Không có tệp đính kèm {attachmentId}."))
            .WithName("GetReportAttachment").WithSummary("Tải tệp đính kèm của báo cáo");
        reports.MapDelete("/{id:int}/attachments/{attachmentId:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, int attachmentId,
                EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var (outcome, error) = await ReportAttachments.RemoveAsync(db, await user.ScopeAsync(ct), id, attachmentId, ct);
                return outcome == ReportOutcome.Done ? TypedResults.NoContent() : Problem(outcome, error);
            })
            .WithName("DeleteReportAttachment").WithSummary("Xóa tệp đính kèm khi báo cáo còn sửa được");
        // Machine clients only (bearer token): people attach files on the report page, whose form carries an antiforgery token.
        app.MapPost("/api/v1/reports/{id:int}/attachments", async Task<Results<Ok<ReportView>, ProblemHttpResult>> (int id, IFormFile? file,
                EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null) return Problems.BadRequest("Thiếu tệp (trường 'file' của multipart/form-data).");
                if (file.Length > ReportAttachments.MaxBytes)
                    return Problems.BadRequest($"Tệp '{file.FileName}' vượt giới hạn {ReportAttachments.MaxBytes / 1024 / 1024} MB.");
                var scope = await user.ScopeAsync(ct);
                using var memory = new MemoryStream();
                await file.CopyToAsync(memory, ct);
                var (outcome, error) = await ReportAttachments.AddAsync(db, scope, id, file.FileName, memory.ToArray(), user.Name ?? "?", clock, ct);
                return outcome == ReportOutcome.Done ? TypedResults.Ok((await ReportQueries.GetAsync(db, scope, id, ct))!) : Problem(outcome, error);
            })
            .RequireAuthorization(Policies.MachineClient).DisableAntiforgery().AcceptsFileOf(ReportAttachments.MaxBytes)
            .WithTags("Báo cáo định kỳ (reporting)").WithName("AddReportAttachment")
            .WithSummary("Đính kèm tệp PDF, DOCX, XLSX, PNG hoặc JPEG (tối đa 10 MB, kiểm tra nội dung đúng định dạng)");
        return app;
    }
}
