using Microsoft.AspNetCore.Identity;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>A person who signs in (cán bộ of the Ministry, a Department, an agency or a commune).</summary>
public sealed class AppUser : IdentityUser<int>
{
    public required string FullName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set on a generated first password: the user changes it at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];
}

/// <summary>What a user may do, and where.</summary>
public enum UserRole
{
    /// <summary>Quản trị hệ thống: everything.</summary>
    SystemAdministrator,
    /// <summary>Bộ Công Thương, biên tập: whole country, may edit national data.</summary>
    MinistryEditor,
    /// <summary>Bộ Công Thương, xem: whole country, read only.</summary>
    MinistryViewer,
    /// <summary>Quản trị cấp tỉnh (Sở Công Thương): one province's plans, agencies, communes, users.</summary>
    ProvincialAdministrator,
    /// <summary>Báo cáo viên cơ quan: one agency's tasks and monitored targets.</summary>
    AgencyReporter,
    /// <summary>Báo cáo viên cấp xã: one commune.</summary>
    CommuneReporter,
    /// <summary>Người xem: one province, or the whole country when no province is set.</summary>
    Viewer,
}

/// <summary>A role given to a user with its scope: the province, agency or commune it applies to.</summary>
public sealed class RoleAssignment
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public UserRole Role { get; set; }
    public string? ProvinceCode { get; set; }
    public int? AgencyId { get; set; }
    public string? CommuneCode { get; set; }
}

/// <summary>An invitation to set a password, sent by e-mail; the link works once, until it expires.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public int? InvitedBy { get; set; }
}

/// <summary>A personal access token for machine clients, sent as "Authorization: Bearer …". Only its hash is stored.</summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>First characters, shown so a user can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
