namespace EcomPlan.Web.Features.Accounts.Admin;

/// <summary>The posted fields of <see cref="RoleFields"/>; blank selects mean "none".</summary>
public sealed class RoleForm
{
    public UserRole Role { get; set; }
    public string? ProvinceCode { get; set; }
    public int? AgencyId { get; set; }
    public string? CommuneCode { get; set; }

    /// <summary>Keeps only the scope field the role uses, so a leftover choice in another select is not read as a forgery.</summary>
    public RoleRequest ToRequest() => Role switch
    {
        UserRole.ProvincialAdministrator or UserRole.Viewer => new RoleRequest(Role, Blank(ProvinceCode)),
        UserRole.AgencyReporter => new RoleRequest(Role, AgencyId: AgencyId),
        UserRole.CommuneReporter => new RoleRequest(Role, CommuneCode: Blank(CommuneCode)),
        _ => new RoleRequest(Role),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
