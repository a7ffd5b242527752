using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>The editable parts of a consolidated report, and the revision they were loaded at.</summary>
public sealed record ConsolidatedEdit(int Revision, string? Number, DateOnly Date, string? Introduction, string? Assessment, string? Proposals,
    string? Recipients, string? SignerTitle, string? SignerName);

/// <summary>
/// The consolidated report of a cycle (the Department) or of a year across provinces (the Ministry): generated from
/// the data as DOCX and XLSX, its texts editable until it is made final; the final files are stored as issued.
/// </summary>
public static class ConsolidatedReports
{
    public sealed record Target(string Key, int? CycleId, int? Year, string? ProvinceCode, bool CanEdit, bool CanRead);

    /// <summary>Who may read and edit a cycle's consolidated report; null when the cycle is not theirs to see.</summary>
    public static async Task<(Target? Target, ReportCycle? Cycle)> ForCycleAsync(EcomPlanDbContext db, AccessScope scope, int cycleId, CancellationToken ct)
    {
        var cycle = await db.ReportCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null) return (null, null);
        var level = await db.Plans.Where(p => p.Id == cycle.PlanId).Select(p => p.Level).FirstAsync(ct);
        var canEdit = scope.CanRunReporting(level, cycle.ProvinceCode);
        var canRead = canEdit || scope.SeesWholeCountry;
        return canRead ? (new Target($"cycle-{cycle.Id}", cycle.Id, null, cycle.ProvinceCode, canEdit, canRead), cycle) : (null, null);
    }

    public static Target? National(AccessScope scope, int year) =>
        year is < 2000 or > 2100 || !scope.SeesWholeCountry ? null
            : new Target($"national-{year}", null, year, null, scope.IsSystemAdmin || scope.IsMinistryEditor, true);

    /// <summary>The stored edits, or a fresh set dated today when nobody has edited the report yet (not saved).</summary>
    public static async Task<ConsolidatedReport> EditsAsync(EcomPlanDbContext db, Target target, DateTimeOffset now, CancellationToken ct) =>
        await db.ConsolidatedReports.AsNoTracking().FirstOrDefaultAsync(c => c.Key == target.Key, ct)
        ?? new ConsolidatedReport { Key = target.Key, CycleId = target.CycleId, Year = target.Year, ProvinceCode = target.ProvinceCode, Date = ReportWorkflow.Today(now) };

    /// <summary>The document as generated on <paramref name="today"/> (counts as of that day).</summary>
    public static async Task<OfficialDocument> DocumentAsync(EcomPlanDbContext db, AccessScope scope, Target target, ConsolidatedReport edits, DateOnly today, CancellationToken ct) =>
        target.CycleId is { } id
            ? await ConsolidatedContent.ForCycleAsync(db, scope, await db.ReportCycles.AsNoTracking().FirstAsync(c => c.Id == id, ct), edits, today, ct)
            : await ConsolidatedContent.NationalAsync(db, scope, target.Year!.Value, edits, today, ct);

    /// <summary>The file in <paramref name="format"/> (docx or xlsx): as issued once final, else generated now.</summary>
    public static async Task<(byte[] Content, string ContentType, string FileName)?> FileAsync(EcomPlanDbContext db, AccessScope scope, Target target, string format,
        DateTimeOffset now, CancellationToken ct)
    {
        if (format is not ("docx" or "xlsx")) return null;
        var edits = await EditsAsync(db, target, now, ct);
        var name = $"bao-cao-tong-hop-{target.Key}{(edits.IsFinal ? "" : "-du-thao")}.{format}";
        var stored = format == "docx" ? edits.FinalDocx : edits.FinalXlsx;
        var content = edits.IsFinal && stored is not null ? stored : Render(await DocumentAsync(db, scope, target, edits, ReportWorkflow.Today(now), ct), format);
        return (content, format == "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static byte[] Render(OfficialDocument document, string format) => format == "docx" ? OfficialDocx.Write(document) : OfficialXlsx.Write(document);

    public static Dictionary<string, string> Validate(ConsolidatedEdit edit)
    {
        var errors = new Dictionary<string, string>();
        if (edit.Number?.Length > 60) errors["number"] = "Số, ký hiệu dài quá 60 ký tự.";
        if (edit.Date.Year is < 2000 or > 2100) errors["date"] = "Ngày ban hành không hợp lệ.";
        foreach (var (field, text, max) in new[] { ("introduction", edit.Introduction, 8000), ("assessment", edit.Assessment, 8000), ("proposals", edit.Proposals, 8000),
                     ("recipients", edit.Recipients, 2000), ("signerTitle", edit.SignerTitle, 200), ("signerName", edit.SignerName, 200) })
            if (text?.Length > max) errors[field] = $"{FieldName(field)} dài quá {max} ký tự.";
        if (edit.SignerName?.Contains('@') == true) errors["signerName"] = "Họ tên người ký là tên người, không phải địa chỉ thư điện tử.";
        return errors;
    }

    public static async Task<(ReportOutcome Outcome, Dictionary<string, string> Errors)> SaveAsync(EcomPlanDbContext db, Target? target, ConsolidatedEdit edit,
        DateTimeOffset now, CancellationToken ct)
    {
        if (target is not { CanEdit: true }) return (ReportOutcome.NotFound, new() { ["report"] = "Không có báo cáo tổng hợp này trong phạm vi bạn được sửa." });
        var errors = Validate(edit);
        if (errors.Count > 0) return (ReportOutcome.Invalid, errors);
        var row = await db.ConsolidatedReports.FirstOrDefaultAsync(c => c.Key == target.Key, ct);
        if (row is null)
        {
            row = new ConsolidatedReport { Key = target.Key, CycleId = target.CycleId, Year = target.Year, ProvinceCode = target.ProvinceCode, Date = ReportWorkflow.Today(now) };
            db.ConsolidatedReports.Add(row);
        }
        if (row.Revision != edit.Revision) return (ReportOutcome.Conflict, new() { ["report"] = "Báo cáo tổng hợp đã được sửa ở nơi khác. Hãy tải lại trang." });
        if (row.IsFinal) return (ReportOutcome.Invalid, new() { ["report"] = "Báo cáo tổng hợp đã ban hành (bản chính thức); không sửa được nữa." });
        (row.Number, row.Date, row.Introduction, row.Assessment, row.Proposals, row.Recipients, row.SignerTitle, row.SignerName) =
            (Clean(edit.Number), edit.Date, Clean(edit.Introduction), Clean(edit.Assessment), Clean(edit.Proposals), Clean(edit.Recipients), Clean(edit.SignerTitle), Clean(edit.SignerName));
        row.Revision++;
        db.AuditProvinceCode = target.ProvinceCode;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (ReportOutcome.Conflict, new() { ["report"] = "Báo cáo tổng hợp vừa được sửa ở nơi khác. Hãy tải lại trang." });
        }
        return (ReportOutcome.Done, []);
    }

    /// <summary>
    /// Makes the report final: the DOCX and XLSX generated now are stored and served from then on. Without
    /// <paramref name="confirmed"/> nothing is written and the notice to confirm is returned instead.
    /// </summary>
    public static async Task<(ReportOutcome Outcome, string? Error, IssueNotice? ToConfirm)> FinalizeAsync(EcomPlanDbContext db, AccessScope scope, Target? target,
        int revision, bool confirmed, string actor, DateTimeOffset now, CancellationToken ct)
    {
        if (target is not { CanEdit: true }) return (ReportOutcome.NotFound, "Không có báo cáo tổng hợp này trong phạm vi bạn được ban hành.", null);
        var row = await db.ConsolidatedReports.FirstOrDefaultAsync(c => c.Key == target.Key, ct);
        if (row is null || row.Revision != revision) return (ReportOutcome.Conflict, "Hãy lưu số, ký hiệu và nội dung báo cáo (hoặc tải lại trang) trước khi ban hành.", null);
        if (row.IsFinal) return (ReportOutcome.Invalid, "Báo cáo tổng hợp đã ban hành.", null);
        if (string.IsNullOrWhiteSpace(row.Number)) return (ReportOutcome.Invalid, "Nhập số, ký hiệu văn bản trước khi ban hành.", null);
        if (string.IsNullOrWhiteSpace(row.SignerName)) return (ReportOutcome.Invalid, "Nhập họ tên người ký trước khi ban hành.", null);
        if (!confirmed)
        {
            var notice = await ConsolidatedIssue.NoticeAsync(db, target, now, ct);
            return (ReportOutcome.Invalid, string.Join(" ", ConsolidatedIssue.Sentences(notice)), notice);
        }
        row.IsFinal = true;
        var document = await DocumentAsync(db, scope, target, row, ReportWorkflow.Today(now), ct);
        (row.FinalDocx, row.FinalXlsx, row.FinalizedAt, row.FinalizedBy) = (OfficialDocx.Write(document), OfficialXlsx.Write(document), now, actor);
        row.Revision++;
        db.AuditProvinceCode = target.ProvinceCode;
        await db.SaveChangesAsync(ct);
        return (ReportOutcome.Done, null, null);
    }

    private static string FieldName(string field) => field switch
    {
        "introduction" => "Tình hình triển khai",
        "assessment" => "Đánh giá chung",
        "proposals" => "Kiến nghị, đề xuất",
        "recipients" => "Nơi nhận",
        "signerTitle" => "Chức vụ người ký",
        _ => "Họ tên người ký",
    };

    private static string? Clean(string? text) => EditReport.Clean(text);

    public static IEndpointRouteBuilder MapConsolidatedReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Báo cáo tổng hợp (consolidated)").RequireAuthorization(Policies.SignedIn);
        foreach (var national in new[] { false, true })
        {
            var prefix = national ? "/reporting/national/{id:int}" : "/reporting-cycles/{id:int}";
            async Task<Target?> TargetOf(int id, EcomPlanDbContext db, AccessScope scope, CancellationToken ct) =>
                national ? National(scope, id) : (await ForCycleAsync(db, scope, id, ct)).Target;

            group.MapGet(prefix + "/consolidated/{format}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, string format, EcomPlanDbContext db,
                    CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                {
                    var scope = await user.ScopeAsync(ct);
                    if (await TargetOf(id, db, scope, ct) is not { } target) return Problems.NotFound("Không có báo cáo tổng hợp này trong phạm vi của bạn.");
                    return await FileAsync(db, scope, target, format, clock.GetUtcNow(), ct) is { } file
                        ? TypedResults.File(file.Content, file.ContentType, file.FileName)
                        : Problems.BadRequest($"Định dạng '{format}' không có; chọn docx hoặc xlsx.");
                })
                .WithName(national ? "GetNationalReportFile" : "GetConsolidatedReportFile")
                .WithSummary(national ? "Báo cáo tổng hợp toàn quốc của một năm (docx hoặc xlsx)" : "Báo cáo tổng hợp của kỳ (docx theo Nghị định 30/2020, hoặc xlsx)");
            group.MapPut(prefix + "/consolidated", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (int id, ConsolidatedEdit edit, EcomPlanDbContext db,
                    CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                {
                    var (outcome, errors) = await SaveAsync(db, await TargetOf(id, db, await user.ScopeAsync(ct), ct), edit, clock.GetUtcNow(), ct);
                    return outcome switch
                    {
                        ReportOutcome.Done => TypedResults.NoContent(),
                        ReportOutcome.Invalid when !errors.ContainsKey("report") => TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value })),
                        ReportOutcome.NotFound => Problems.NotFound(errors.Values.First()),
                        ReportOutcome.Conflict => Problems.Conflict(errors.Values.First()),
                        _ => Problems.BadRequest(errors.Values.First()),
                    };
                })
                .WithName(national ? "EditNationalReport" : "EditConsolidatedReport").WithSummary("Sửa số, ngày, nội dung, nơi nhận, người ký (trước khi ban hành)");
            group.MapPost(prefix + "/consolidated/finalize", async Task<Results<NoContent, ProblemHttpResult>> (int id, int revision, bool? confirm, EcomPlanDbContext db,
                    CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                {
                    var scope = await user.ScopeAsync(ct);
                    var (outcome, error, notice) = await FinalizeAsync(db, scope, await TargetOf(id, db, scope, ct), revision, confirm == true,
                        await ConsolidatedIssue.IssuerAsync(db, user.Id, scope, ct), clock.GetUtcNow(), ct);
                    return outcome switch
                    {
                        ReportOutcome.Done => TypedResults.NoContent(),
                        _ when notice is not null => TypedResults.Problem(title: "Cần xác nhận ban hành", detail: error + " Gửi lại với confirm=true để ban hành.",
                            statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?>
                            {
                                ["expected"] = notice.Expected, ["received"] = notice.Received, ["missing"] = notice.Missing, ["daysBeforeDue"] = notice.DaysBeforeDue,
                            }),
                        ReportOutcome.NotFound => Problems.NotFound(error!),
                        ReportOutcome.Conflict => Problems.Conflict(error!),
                        _ => Problems.BadRequest(error!),
                    };
                })
                .WithName(national ? "FinalizeNationalReport" : "FinalizeConsolidatedReport").WithSummary("Ban hành: lưu bản DOCX, XLSX chính thức; sau đó không sửa được");
        }
        return app;
    }
}
