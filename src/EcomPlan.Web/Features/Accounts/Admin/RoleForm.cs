namespace EcomPlan.Web.Features.Accounts.Admin;

/// <summary>The posted fields of <see cref="RoleFields"/>; blank selects mean "none". The commune comes by name.</summary>
public sealed class RoleForm
{
    public UserRole Role { get; set; }
    public string? ProvinceCode { get; set; }
    public int? AgencyId { get; set; }
    /// <summary>What was typed or chosen in the commune field ("Phường Mỹ Tho – Đồng Tháp").</summary>
    public string? Commune { get; set; }
    /// <summary>The commune's code once <see cref="CommunePicker"/> resolved <see cref="Commune"/>.</summary>
    public string? CommuneCode { get; set; }

    /// <summary>Keeps only the scope field the role uses, so a leftover choice in another select is not read as a forgery.</summary>
    public RoleRequest ToRequest() => Role switch
    {
        UserRole.ProvincialAdministrator or UserRole.Viewer => new RoleRequest(Role, Blank(ProvinceCode)),
        UserRole.AgencyReporter => new RoleRequest(Role, AgencyId: AgencyId),
        UserRole.CommuneReporter => new RoleRequest(Role, CommuneCode: Blank(CommuneCode)),
        _ => new RoleRequest(Role),
    };

    /// <summary>The form field a role's error belongs next to.</summary>
    public string ScopeField => Role switch
    {
        UserRole.ProvincialAdministrator or UserRole.Viewer => "ProvinceCode",
        UserRole.AgencyReporter => "AgencyId",
        UserRole.CommuneReporter => "Commune",
        _ => "Role",
    };

    /// <summary>
    /// Resolves the commune typed by name for a commune reporter; false (with the message under "Commune") when it
    /// names no commune, several, or one outside the administrator's provinces.
    /// </summary>
    public bool ResolveCommune(IReadOnlyList<CommuneChoice> all, AccessScope scope, Dictionary<string, string[]> errors)
    {
        if (Role != UserRole.CommuneReporter) return true;
        var (commune, error) = CommunePicker.Resolve(Commune, all, p => scope.IsSystemAdmin || scope.AdministeredProvinces.Contains(p));
        if (error is not null) { errors["Commune"] = [error]; return false; }
        CommuneCode = commune!.Code;
        return true;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
