using EcomPlan.Web.Data;
using EcomPlan.Web.Features.AdministrativeUnits;
using EcomPlan.Web.Features.Agencies;

namespace EcomPlan.Web.Features.Accounts.Admin;

/// <summary>The provinces and agencies an administrator may pick when giving a role: those of their scope.</summary>
public static class RoleChoices
{
    public static async Task<(List<ProvinceDto> Provinces, List<AgencySummary> Agencies)> ForAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        var provinces = (await AdministrativeUnitQueries.ProvincesAsync(db, null, ct))
            .Where(p => scope.IsSystemAdmin || scope.AdministeredProvinces.Contains(p.Code)).ToList();
        var agencies = (await AgencyQueries.ListAsync(db, null, null, ct))
            .Where(a => scope.IsSystemAdmin || (a.ProvinceCode is not null && scope.AdministeredProvinces.Contains(a.ProvinceCode))).ToList();
        return (provinces, agencies);
    }
}
