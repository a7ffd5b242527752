using System.Globalization;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, int? UserId, string UserName, string? IpAddress, string EntityType,
    string EntityId, string Action, string? OldValues, string? NewValues, string? ProvinceCode);

/// <summary>Filters of the audit trail: per record (entity type and id), per user, per day (dd/MM/yyyy or yyyy-MM-dd, Vietnam time).</summary>
public sealed record AuditFilter(string? EntityType = null, string? EntityId = null, int? UserId = null, string? Day = null, int Page = 1);

public static class AuditQueries
{
    public const int PageSize = 100;
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static bool TryParseDay(string? day, out DateOnly date) =>
        DateOnly.TryParseExact(day, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static async Task<(List<AuditEntryDto> Entries, string? Error)> ListAsync(EcomPlanDbContext db, AccessScope scope, AuditFilter f, CancellationToken ct)
    {
        if (!scope.CanReadAudit) return ([], "Không có quyền xem nhật ký.");
        var query = db.AuditEntries.AsNoTracking();
        if (!scope.IsSystemAdmin)
        {
            var provinces = scope.AdministeredProvinces.ToList();
            query = query.Where(a => a.ProvinceCode != null && provinces.Contains(a.ProvinceCode));
        }
        if (!string.IsNullOrWhiteSpace(f.EntityType)) query = query.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId)) query = query.Where(a => a.EntityId == f.EntityId);
        if (f.UserId is { } uid) query = query.Where(a => a.UserId == uid);
        if (!string.IsNullOrWhiteSpace(f.Day))
        {
            if (!TryParseDay(f.Day, out var day)) return ([], $"Ngày '{f.Day}' không hợp lệ: dùng dạng dd/MM/yyyy.");
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnamOffset).ToUniversalTime();
            var end = start.AddDays(1);
            query = query.Where(a => a.At >= start && a.At < end);
        }
        if (f.Page < 1 || f.Page > 10_000) return ([], "Số trang không hợp lệ.");
        var rows = await query.OrderByDescending(a => a.Id).Skip((f.Page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.UserId, a.UserName, a.IpAddress, a.EntityType, a.EntityId, a.Action, a.OldValues, a.NewValues, a.ProvinceCode))
            .ToListAsync(ct);
        return (rows, null);
    }

    /// <summary>What the filters offer: the kinds of record and the people found in the entries the scope may read.</summary>
    public static async Task<(List<(string Type, string Name)> Types, List<(int Id, string Name)> Users)> ChoicesAsync(EcomPlanDbContext db, AccessScope scope,
        CancellationToken ct)
    {
        if (!scope.CanReadAudit) return ([], []);
        var query = db.AuditEntries.AsNoTracking();
        if (!scope.IsSystemAdmin)
        {
            var provinces = scope.AdministeredProvinces.ToList();
            query = query.Where(a => a.ProvinceCode != null && provinces.Contains(a.ProvinceCode));
        }
        var types = await query.Select(a => a.EntityType).Distinct().ToListAsync(ct);
        var ids = await query.Where(a => a.UserId != null).Select(a => a.UserId!.Value).Distinct().ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync(ct);
        return (types.Select(t => (t, AuditReading.EntityName(t))).OrderBy(t => t.Item2, VietnameseText.Comparer).ToList(),
            users.Select(u => (u.Id, string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? $"#{u.Id}" : $"{u.FullName} ({u.Email})"))
                .OrderBy(u => u.Item2, VietnameseText.Comparer).ToList());
    }

    public static string FormatVietnamTime(DateTimeOffset at) => at.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        // Read-only on purpose: the trail is append-only, so there is no route to change or delete an entry.
        app.MapGet("/api/v1/audit", async Task<Results<Ok<List<AuditEntryDto>>, ProblemHttpResult>> (
                string? entityType, string? entityId, int? userId, string? day, int? page, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var (entries, error) = await ListAsync(db, await user.ScopeAsync(ct), new AuditFilter(entityType, entityId, userId, day, page ?? 1), ct);
                return error is null ? TypedResults.Ok(entries) : Problems.BadRequest(error);
            })
            .RequireAuthorization(Policies.AuditReading).WithTags("Nhật ký (audit)")
            .WithName("ListAuditEntries").WithSummary("Nhật ký thay đổi: theo bản ghi, người dùng, ngày (mới nhất trước, 100 mục một trang)");
        return app;
    }
}
