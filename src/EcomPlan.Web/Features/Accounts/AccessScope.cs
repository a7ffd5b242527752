using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>A role with the province it falls in (an agency's or commune's province for reporters).</summary>
public sealed record ScopedRole(UserRole Role, string? ProvinceCode = null, int? AgencyId = null, string? CommuneCode = null);

/// <summary>
/// What one user may see and change, decided from their roles alone. Pure: every authorisation decision of the
/// application is one of these methods, tested without a database.
/// </summary>
public sealed class AccessScope(int? userId, IReadOnlyList<ScopedRole> roles)
{
    public static readonly AccessScope Anonymous = new(null, []);

    public int? UserId { get; } = userId;
    public IReadOnlyList<ScopedRole> Roles { get; } = roles;
    public bool IsSignedIn => UserId is not null;
    public bool IsSystemAdmin => Has(UserRole.SystemAdministrator);
    public bool IsMinistryEditor => Has(UserRole.MinistryEditor);

    /// <summary>System administrators, the Ministry and country-wide viewers see every province.</summary>
    public bool SeesWholeCountry => IsSystemAdmin || Has(UserRole.MinistryEditor) || Has(UserRole.MinistryViewer)
        || Roles.Any(r => r.Role == UserRole.Viewer && r.ProvinceCode is null);

    /// <summary>Provinces in which the user holds any role.</summary>
    public IReadOnlySet<string> Provinces => Roles.Where(r => r.ProvinceCode is not null).Select(r => r.ProvinceCode!).ToHashSet();

    public IReadOnlySet<string> AdministeredProvinces =>
        Roles.Where(r => r.Role == UserRole.ProvincialAdministrator && r.ProvinceCode is not null).Select(r => r.ProvinceCode!).ToHashSet();

    private bool Has(UserRole role) => Roles.Any(r => r.Role == role);

    /// <summary>The Ministry's editors (and system administrators) write the indicator catalogue and decide proposals.</summary>
    public bool CanEditCatalogue => IsSystemAdmin || IsMinistryEditor;

    /// <summary>A province's Department proposes indicators for its own province only; the Ministry adds them directly.</summary>
    public bool CanProposeIndicator(string provinceCode) => AdministeredProvinces.Contains(provinceCode);

    public bool CanProposeIndicators => AdministeredProvinces.Count > 0;

    /// <summary>Proposals of every province: whoever decides them and the Ministry's viewers.</summary>
    public bool ReadsAllIndicatorProposals => CanEditCatalogue || Has(UserRole.MinistryViewer);

    /// <summary>A proposal is seen by the Ministry and by the administrators of the province that made it, nobody else.</summary>
    public bool CanReadIndicatorProposal(string provinceCode) => ReadsAllIndicatorProposals || AdministeredProvinces.Contains(provinceCode);

    public bool CanReadIndicatorProposals => ReadsAllIndicatorProposals || AdministeredProvinces.Count > 0;

    /// <summary>Published plans are for everyone; drafts only for those whose scope covers the plan.</summary>
    public bool CanReadPlan(PlanLevel level, string? provinceCode, bool isPublic) =>
        isPublic || SeesWholeCountry || (level == PlanLevel.National && IsSignedIn)
        || (provinceCode is not null && Provinces.Contains(provinceCode));

    /// <summary>National plans belong to the Ministry, provincial plans to their Department of Industry and Trade.</summary>
    public bool CanEditPlan(PlanLevel level, string? provinceCode) =>
        IsSystemAdmin || (level == PlanLevel.National
            ? IsMinistryEditor
            : provinceCode is not null && AdministeredProvinces.Contains(provinceCode));

    /// <summary>Whoever edits some plan: the Ministry's editors (national plans), provincial administrators (their province's).</summary>
    public bool CanAuthorPlans => IsSystemAdmin || IsMinistryEditor || AdministeredProvinces.Count > 0;

    public bool CanManageUsers => IsSystemAdmin || AdministeredProvinces.Count > 0;

    /// <summary>
    /// Whether this user may give <paramref name="role"/> to someone. A provincial administrator gives only
    /// roles inside their own province, never a national one: a forged province in a form cannot widen it.
    /// </summary>
    public bool CanGrant(ScopedRole role)
    {
        if (IsSystemAdmin) return true;
        return role.Role switch
        {
            UserRole.ProvincialAdministrator or UserRole.AgencyReporter or UserRole.CommuneReporter or UserRole.Viewer =>
                role.ProvinceCode is not null && AdministeredProvinces.Contains(role.ProvinceCode),
            _ => false,
        };
    }

    /// <summary>A user can be managed by whoever could grant every role they hold.</summary>
    public bool CanManage(IReadOnlyList<ScopedRole> targetRoles) =>
        IsSystemAdmin || (CanManageUsers && targetRoles.Count > 0 && targetRoles.All(CanGrant));

    /// <summary>Audit entries: all for system administrators, their province's for provincial administrators.</summary>
    public bool CanReadAuditOf(string? provinceCode) =>
        IsSystemAdmin || (provinceCode is not null && AdministeredProvinces.Contains(provinceCode));

    public bool CanReadAudit => IsSystemAdmin || AdministeredProvinces.Count > 0;

    /// <summary>A plan's reporting regime, cycles, reviews and consolidated reports belong to whoever edits the plan.</summary>
    public bool CanRunReporting(PlanLevel level, string? provinceCode) => CanEditPlan(level, provinceCode);

    /// <summary>Only the reporting unit's own reporters write its report, never another agency or commune.</summary>
    public bool CanWriteReport(int? agencyId, string? communeCode) =>
        Roles.Any(r => (r.Role == UserRole.AgencyReporter && agencyId is not null && r.AgencyId == agencyId)
            || (r.Role == UserRole.CommuneReporter && communeCode is not null && r.CommuneCode == communeCode));

    /// <summary>
    /// Who sees a cycle's reports: the reviewers, the whole-country roles, viewers of the province, and each unit's own
    /// reporters (their own report only: another agency's report is not theirs to read).
    /// </summary>
    public bool CanReadReport(PlanLevel level, string? provinceCode, int? agencyId, string? communeCode) =>
        CanRunReporting(level, provinceCode) || SeesWholeCountry || CanWriteReport(agencyId, communeCode)
        || (provinceCode is not null && Roles.Any(r => r.Role == UserRole.Viewer && r.ProvinceCode == provinceCode));

    /// <summary>Completeness of a cycle (who submitted, who is late) is visible to everyone with a role there.</summary>
    public bool CanReadCycle(PlanLevel level, string? provinceCode) =>
        CanRunReporting(level, provinceCode) || SeesWholeCountry
        || (provinceCode is not null && Provinces.Contains(provinceCode))
        || (level == PlanLevel.National && IsSignedIn);
}
