using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Accounts;

public sealed record RoleDto(UserRole Role, string RoleName, string? ProvinceCode, int? AgencyId, string? AgencyName, string? CommuneCode, string? CommuneName,
    string? ProvinceName = null);

public sealed record UserDto(int Id, string Email, string FullName, bool HasPassword, bool TwoFactorEnabled, bool LockedOut,
    DateTimeOffset CreatedAt, string ConcurrencyStamp, IReadOnlyList<RoleDto> Roles);

public static class UserQueries
{
    /// <summary>The users an administrator may manage: all for a system administrator, those of their province otherwise.</summary>
    public static async Task<List<UserDto>> ListAsync(EcomPlanDbContext db, AccessScope scope, TimeProvider clock, CancellationToken ct, int? onlyId = null)
    {
        var query = db.Users.AsNoTracking();
        if (onlyId is { } id) query = query.Where(u => u.Id == id);
        var users = await query.OrderBy(u => u.Email).Select(u => new
        {
            u.Id, u.Email, u.FullName, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled, u.LockoutEnd, u.CreatedAt, u.ConcurrencyStamp,
        }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => ids.Contains(r.UserId))
            .Select(r => new
            {
                r.UserId, r.Role, r.ProvinceCode, r.AgencyId, r.CommuneCode,
                Agency = db.Agencies.Where(a => a.Id == r.AgencyId).Select(a => new { a.Name, a.ProvinceCode }).FirstOrDefault(),
                Commune = db.Communes.Where(c => c.Code == r.CommuneCode).Select(c => new { c.FullName, c.ProvinceCode }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var provinceNames = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.FullName, ct);
        var now = clock.GetUtcNow();
        return users
            .Select(u =>
            {
                var mine = roles.Where(r => r.UserId == u.Id).ToList();
                var scoped = mine.Select(r => new ScopedRole(r.Role, r.ProvinceCode ?? r.Agency?.ProvinceCode ?? r.Commune?.ProvinceCode, r.AgencyId, r.CommuneCode)).ToList();
                return (User: u, Scoped: scoped, Roles: mine.Select(r => new RoleDto(r.Role, RoleRequests.RoleName(r.Role),
                    r.ProvinceCode ?? r.Agency?.ProvinceCode ?? r.Commune?.ProvinceCode, r.AgencyId, r.Agency?.Name, r.CommuneCode, r.Commune?.FullName,
                    provinceNames.GetValueOrDefault(r.ProvinceCode ?? r.Agency?.ProvinceCode ?? r.Commune?.ProvinceCode ?? ""))).ToList());
            })
            .Where(x => scope.CanManage(x.Scoped) || x.User.Id == scope.UserId && scope.IsSystemAdmin)
            .Select(x => new UserDto(x.User.Id, x.User.Email ?? "", x.User.FullName, x.User.HasPassword, x.User.TwoFactorEnabled,
                x.User.LockoutEnd is { } end && end > now, x.User.CreatedAt, x.User.ConcurrencyStamp ?? "", x.Roles))
            .ToList();
    }
}
