using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

public sealed record ValueDto(long Id, string Code, string UnitCode, string Period, decimal Value, string Source, string? Note,
    ValueStatus Status, int Version, bool IsCurrent, DateTimeOffset CreatedAt);

/// <summary>The reason a reviewer returns a value to its reporter.</summary>
public sealed record ReturnRequest(string? Reason);

/// <summary>A message to the reporter whose value was returned: recipient, title, text and the page to correct it on.</summary>
public sealed record ValueReturnedNotice(int? RecipientUserId, string Title, string Text, string Link);

/// <summary>
/// The Department (or the Ministry for national values) approves what reporters submitted, and reopens an approved
/// value before it can be changed. Each step is audited; old versions stay.
/// </summary>
public static class ReviewValues
{
    public enum Outcome { Done, NotFound, Invalid }

    public static async Task<List<ValueDto>> PendingAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        var permissions = await ValuePermissions.ForAsync(db, scope, ct);
        var communes = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.ProvinceCode, ct);
        var rows = await db.DataValues.AsNoTracking().Where(v => v.IsCurrent && v.Status == ValueStatus.Submitted)
            .OrderBy(v => v.UnitCode).ThenBy(v => v.Code).ThenBy(v => v.Period).Take(5000).ToListAsync(ct);
        return rows.Where(v => permissions.Approves(v.UnitCode, ProvinceOf(v.UnitCode, communes))).Select(ToDto).ToList();
    }

    public static async Task<(Outcome Outcome, string? Message)> SetStatusAsync(EcomPlanDbContext db, AccessScope scope, long id, bool approve, CancellationToken ct)
    {
        var value = await db.DataValues.FirstOrDefaultAsync(v => v.Id == id && v.IsCurrent, ct);
        var communes = value is null ? [] : await db.Communes.AsNoTracking().Where(c => c.Code == value.UnitCode).ToDictionaryAsync(c => c.Code, c => c.ProvinceCode, ct);
        var province = value is null ? null : ProvinceOf(value.UnitCode, communes);
        var permissions = await ValuePermissions.ForAsync(db, scope, ct);
        // Values outside the reviewer's reach are "not found" to them.
        if (value is null || !permissions.Approves(value.UnitCode, province)) return (Outcome.NotFound, $"Không có giá trị số liệu {id} để duyệt.");
        if (approve && value.Status == ValueStatus.Approved) return (Outcome.Invalid, "Giá trị này đã được duyệt.");
        if (approve && value.Status == ValueStatus.Draft) return (Outcome.Invalid, "Giá trị này là bản nháp (chưa gửi hoặc đã trả lại): chưa duyệt được.");
        if (!approve && value.Status != ValueStatus.Approved) return (Outcome.Invalid, "Chỉ mở lại được giá trị đã duyệt.");
        value.Status = approve ? ValueStatus.Approved : ValueStatus.Submitted;
        db.AuditProvinceCode = province;
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }

    public const int MaxReasonLength = 1000;

    /// <summary>
    /// Returns a submitted value to its reporter with a reason: the value becomes a draft again, shown to the reporter
    /// with the reason on the entry page, to correct and send again. Nothing is deleted; the step is audited.
    /// </summary>
    public static async Task<(Outcome Outcome, string? Message, ValueReturnedNotice? Notice)> ReturnAsync(EcomPlanDbContext db, AccessScope scope, long id,
        string? reason, TimeProvider clock, CancellationToken ct)
    {
        var value = await db.DataValues.FirstOrDefaultAsync(v => v.Id == id && v.IsCurrent, ct);
        var communes = value is null ? [] : await db.Communes.AsNoTracking().Where(c => c.Code == value.UnitCode).ToDictionaryAsync(c => c.Code, c => c.ProvinceCode, ct);
        var province = value is null ? null : ProvinceOf(value.UnitCode, communes);
        var permissions = await ValuePermissions.ForAsync(db, scope, ct);
        if (value is null || !permissions.Approves(value.UnitCode, province)) return (Outcome.NotFound, $"Không có giá trị số liệu {id} để trả lại.", null);
        if (ReasonProblem(reason) is { } problem) return (Outcome.Invalid, problem, null);
        if (value.Status != ValueStatus.Submitted) return (Outcome.Invalid, "Chỉ trả lại được giá trị đang chờ duyệt.", null);
        value.Status = ValueStatus.Draft;
        value.ReturnReason = reason!.Trim();
        value.ReturnedBy = scope.UserId;
        value.ReturnedAt = clock.GetUtcNow();
        db.AuditProvinceCode = province;
        await db.SaveChangesAsync(ct);
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Code == value.Code).Select(i => i.NameVi).FirstOrDefaultAsync(ct) ?? value.Code;
        var notice = NoticeFor(value.EnteredBy, indicator, value.Period, value.UnitCode, value.ReturnReason);
        // E-mail: none is sent for values today. In-app notifications hook in here (see NoticeFor).
        return (Outcome.Done, null, notice);
    }

    /// <summary>Why a return reason is refused, or null: it is required, and at most <see cref="MaxReasonLength"/> characters.</summary>
    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Cần ghi lý do trả lại, để người gửi biết phải sửa gì."
        : reason.Trim().Length > MaxReasonLength ? $"Lý do dài quá {MaxReasonLength} ký tự."
        : null;

    /// <summary>
    /// What the reporter is told when a value is returned: the recipient, a title, the text with the reason, and the
    /// page where it is corrected. Pure, for the in-app notifications (and e-mail) to use.
    /// </summary>
    public static ValueReturnedNotice NoticeFor(int? reporterId, string indicatorName, string period, string unitCode, string reason) =>
        new(reporterId, $"Số liệu bị trả lại: {indicatorName}, kỳ {period}",
            $"Giá trị «{indicatorName}» kỳ {period} đã bị trả lại. Lý do: {reason}. Hãy sửa rồi gửi lại.",
            $"/values/entry?unit={Uri.EscapeDataString(unitCode)}&period={Uri.EscapeDataString(period)}");

    /// <summary>Approves the given submitted values the reviewer may approve, together; returns how many were approved.</summary>
    public static async Task<int> ApproveManyAsync(EcomPlanDbContext db, AccessScope scope, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var permissions = await ValuePermissions.ForAsync(db, scope, ct);
        var values = await db.DataValues.Where(v => ids.Contains(v.Id) && v.IsCurrent && v.Status == ValueStatus.Submitted).ToListAsync(ct);
        var communes = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.ProvinceCode, ct);
        var approved = values.Where(v => permissions.Approves(v.UnitCode, ProvinceOf(v.UnitCode, communes))).ToList();
        foreach (var v in approved) v.Status = ValueStatus.Approved;
        var provinces = approved.Select(v => ProvinceOf(v.UnitCode, communes)).Distinct().ToList();
        db.AuditProvinceCode = provinces.Count == 1 ? provinces[0] : null;
        await db.SaveChangesAsync(ct);
        return approved.Count;
    }

    private static string? ProvinceOf(string unit, IReadOnlyDictionary<string, string> communes) =>
        unit == "VN" ? null : unit.Length == 2 ? unit : communes.GetValueOrDefault(unit);

    private static ValueDto ToDto(DataValue v) => new(v.Id, v.Code, v.UnitCode, v.Period, v.Value, v.Source, v.Note, v.Status, v.Version, v.IsCurrent, v.CreatedAt);

    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/values").WithTags("Số liệu (values)").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/pending", async (EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await PendingAsync(db, await user.ScopeAsync(ct), ct)))
            .WithName("ListPendingValues").WithSummary("Giá trị chờ duyệt trong phạm vi người duyệt");
        foreach (var (action, approve) in new[] { ("approve", true), ("reopen", false) })
        {
            group.MapPost($"/{{id:long}}/{action}", async Task<Results<NoContent, ProblemHttpResult>> (long id, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                {
                    var (outcome, message) = await SetStatusAsync(db, await user.ScopeAsync(ct), id, approve, ct);
                    return outcome switch
                    {
                        Outcome.Done => TypedResults.NoContent(),
                        Outcome.NotFound => Problems.NotFound(message!),
                        _ => Problems.BadRequest(message!),
                    };
                })
                .WithName(approve ? "ApproveValue" : "ReopenValue")
                .WithSummary(approve ? "Duyệt một giá trị đã gửi" : "Mở lại một giá trị đã duyệt để có thể sửa");
        }
        group.MapPost("/{id:long}/return", async Task<Results<NoContent, ProblemHttpResult>> (long id, ReturnRequest? request, EcomPlanDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
            {
                var (outcome, message, _) = await ReturnAsync(db, await user.ScopeAsync(ct), id, request?.Reason, clock, ct);
                return outcome switch
                {
                    Outcome.Done => TypedResults.NoContent(),
                    Outcome.NotFound => Problems.NotFound(message!),
                    _ => Problems.BadRequest(message!),
                };
            })
            .WithName("ReturnValue")
            .WithSummary("Trả lại một giá trị chờ duyệt cho người gửi, với lý do (bắt buộc): giá trị thành bản nháp để sửa và gửi lại");
        return app;
    }
}
