using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

public sealed record ValueDto(long Id, string Code, string UnitCode, string Period, decimal Value, string Source, string? Note,
    ValueStatus Status, int Version, bool IsCurrent, DateTimeOffset CreatedAt);

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
        if (!approve && value.Status != ValueStatus.Approved) return (Outcome.Invalid, "Chỉ mở lại được giá trị đã duyệt.");
        value.Status = approve ? ValueStatus.Approved : ValueStatus.Submitted;
        db.AuditProvinceCode = province;
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
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
        return app;
    }
}
