using System.Security.Claims;
using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>The signed-in user of this request and their scope, read from the database once per request.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, IDbContextFactory<EcomPlanDbContext> contexts)
{
    private Task<AccessScope>? scope;

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public int? Id => int.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Name => Principal.Identity?.IsAuthenticated == true ? Principal.Identity.Name : null;

    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>Shared by every caller of the request, also those asking at the same time (layout and page).</summary>
    public Task<AccessScope> ScopeAsync(CancellationToken ct = default) => scope ??= LoadAsync(ct);

    private async Task<AccessScope> LoadAsync(CancellationToken ct)
    {
        if (Id is not { } id) return AccessScope.Anonymous;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return new AccessScope(id, await RolesOfAsync(db, id, ct));
    }

    /// <summary>A user's roles with the province each falls in (agency and commune roles take theirs).</summary>
    public static async Task<List<ScopedRole>> RolesOfAsync(EcomPlanDbContext db, int userId, CancellationToken ct) =>
        await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new ScopedRole(r.Role,
                r.ProvinceCode
                    ?? db.Agencies.Where(a => a.Id == r.AgencyId).Select(a => a.ProvinceCode).FirstOrDefault()
                    ?? db.Communes.Where(c => c.Code == r.CommuneCode).Select(c => c.ProvinceCode).FirstOrDefault(),
                r.AgencyId, r.CommuneCode))
            .ToListAsync(ct);
}
