using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// Who may enter values for which unit and indicator, and whose values count as approved at once. The Ministry
/// and system administrators approve national values, a Department its province's and communes'; agency and
/// commune reporters submit, for the indicators their agency monitors or for their commune.
/// </summary>
public sealed class ValuePermissions(AccessScope scope, IReadOnlyDictionary<string, IReadOnlySet<string>> agencyIndicatorsByProvince)
{
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> agencyIndicatorsByProvince = agencyIndicatorsByProvince;

    public static async Task<ValuePermissions> ForAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        var agencies = scope.Roles.Where(r => r.Role == UserRole.AgencyReporter && r.AgencyId is not null).Select(r => r.AgencyId!.Value).ToList();
        var monitored = agencies.Count == 0
            ? []
            : await db.TargetMonitors.AsNoTracking().Where(m => agencies.Contains(m.AgencyId))
                .Select(m => new { Indicator = db.Targets.Where(t => t.Id == m.TargetId).Select(t => t.Indicator).First(), m.Agency!.ProvinceCode })
                .ToListAsync(ct);
        var byProvince = monitored.Where(m => m.Indicator is not null && m.ProvinceCode is not null)
            .GroupBy(m => m.ProvinceCode!)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(m => m.Indicator!).ToHashSet());
        return new ValuePermissions(scope, byProvince);
    }

    /// <param name="unit">"VN", a province code or a commune code.</param>
    /// <param name="province">The unit's province (null for "VN").</param>
    /// <param name="indicator">The indicator code.</param>
    public bool MayWrite(string unit, string? province, string indicator)
    {
        if (Approves(unit, province)) return true;
        foreach (var r in scope.Roles)
        {
            if (r.Role == UserRole.CommuneReporter && r.CommuneCode == unit) return true;
            if (r.Role == UserRole.AgencyReporter && province is not null && unit == province
                && agencyIndicatorsByProvince.TryGetValue(province, out var set) && set.Contains(indicator)) return true;
        }
        return false;
    }

    /// <summary>
    /// The units the user may enter values for (with their names): the country for the Ministry's editors, the
    /// provinces they administer or report for, their own commune. Empty for a viewer, who is offered no entry.
    /// </summary>
    public static async Task<List<(string Code, string Name)>> EntryUnitsAsync(EcomPlanDbContext db, AccessScope scope, ValuePermissions permissions, CancellationToken ct)
    {
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        var communeCodes = scope.Roles.Where(r => r.Role == UserRole.CommuneReporter && r.CommuneCode is not null).Select(r => r.CommuneCode!).ToList();
        var communes = communeCodes.Count == 0 ? []
            : await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code)).OrderBy(c => c.Name).Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return
        [
            .. permissions.Approves("VN", null) ? new[] { ("VN", "Cả nước") } : [],
            .. provinces.Where(p => permissions.Approves(p.Code, p.Code) || permissions.agencyIndicatorsByProvince.ContainsKey(p.Code)).Select(p => (p.Code, p.Name)),
            .. communes.Select(c => (c.Code, c.Name)),
        ];
    }

    public bool Approves(string unit, string? province) =>
        scope.IsSystemAdmin
        || (unit == "VN" && scope.IsMinistryEditor)
        || (province is not null && scope.AdministeredProvinces.Contains(province));
}
