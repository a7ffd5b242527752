using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>A role as a form or API client asks for it. Its province is never trusted: it is read from the database.</summary>
public sealed record RoleRequest(UserRole Role, string? ProvinceCode = null, int? AgencyId = null, string? CommuneCode = null);

public static class RoleRequests
{
    /// <summary>
    /// Checks each requested role (the fields its kind needs, that the unit exists) and resolves its real scope.
    /// Errors are keyed "roles[i]" with a Vietnamese message.
    /// </summary>
    public static async Task<(List<(RoleAssignment Assignment, ScopedRole Scope)> Roles, Dictionary<string, string[]> Errors)> ResolveAsync(
        EcomPlanDbContext db, IReadOnlyList<RoleRequest>? requests, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var resolved = new List<(RoleAssignment, ScopedRole)>();
        if (requests is null || requests.Count == 0)
        {
            errors["roles"] = ["Cần chọn ít nhất một vai trò."];
            return (resolved, errors);
        }
        if (requests.Count > 20) errors["roles"] = ["Tối đa 20 vai trò cho một người dùng."];
        for (var i = 0; i < requests.Count && errors.Count == 0; i++)
        {
            var r = requests[i];
            string? Fail(string message) { errors[$"roles[{i}]"] = [message]; return null; }
            string? province = null;
            switch (r.Role)
            {
                case UserRole.SystemAdministrator or UserRole.MinistryEditor or UserRole.MinistryViewer:
                    if (r.ProvinceCode is not null || r.AgencyId is not null || r.CommuneCode is not null)
                        Fail("Vai trò cấp trung ương không gắn với tỉnh, cơ quan hay xã.");
                    break;
                case UserRole.ProvincialAdministrator or UserRole.Viewer:
                    if (r.AgencyId is not null || r.CommuneCode is not null) { Fail("Vai trò này chỉ gắn với một tỉnh."); break; }
                    if (r.ProvinceCode is null)
                    {
                        if (r.Role == UserRole.ProvincialAdministrator) Fail("Quản trị cấp tỉnh phải gắn với một tỉnh, thành phố.");
                        break;
                    }
                    if (!await db.Provinces.AnyAsync(p => p.Code == r.ProvinceCode, ct)) { Fail($"Không có tỉnh, thành phố mã '{r.ProvinceCode}'."); break; }
                    province = r.ProvinceCode;
                    break;
                case UserRole.AgencyReporter:
                    if (r.AgencyId is not { } agencyId) { Fail("Báo cáo viên cơ quan phải gắn với một cơ quan."); break; }
                    var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.ProvinceCode }).FirstOrDefaultAsync(ct);
                    if (agency is null) { Fail($"Không có cơ quan mã {agencyId}."); break; }
                    province = agency.ProvinceCode;
                    break;
                case UserRole.CommuneReporter:
                    if (r.CommuneCode is null) { Fail("Báo cáo viên cấp xã phải gắn với một xã, phường, đặc khu."); break; }
                    var commune = await db.Communes.AsNoTracking().Where(c => c.Code == r.CommuneCode).Select(c => new { c.ProvinceCode }).FirstOrDefaultAsync(ct);
                    if (commune is null) { Fail($"Không có xã, phường mã '{r.CommuneCode}'."); break; }
                    province = commune.ProvinceCode;
                    break;
                default:
                    Fail("Vai trò không hợp lệ.");
                    break;
            }
            if (errors.Count > 0) break;
            // A province typed next to an agency or commune must agree with it: a forged one is refused, not ignored.
            if (r.ProvinceCode is not null && province is not null && r.ProvinceCode != province)
            {
                Fail($"Tỉnh '{r.ProvinceCode}' không khớp với đơn vị được chọn (thuộc tỉnh '{province}').");
                break;
            }
            var assignment = new RoleAssignment
            {
                Role = r.Role,
                ProvinceCode = r.Role is UserRole.ProvincialAdministrator or UserRole.Viewer ? province : null,
                AgencyId = r.Role == UserRole.AgencyReporter ? r.AgencyId : null,
                CommuneCode = r.Role == UserRole.CommuneReporter ? r.CommuneCode : null,
            };
            resolved.Add((assignment, new ScopedRole(r.Role, province, assignment.AgencyId, assignment.CommuneCode)));
        }
        if (errors.Count == 0 && resolved.GroupBy(x => x.Item2).Any(g => g.Count() > 1)) errors["roles"] = ["Một vai trò được chọn hai lần."];
        return (resolved, errors);
    }

    public static string RoleName(UserRole role) => role switch
    {
        UserRole.SystemAdministrator => "Quản trị hệ thống",
        UserRole.MinistryEditor => "Bộ Công Thương – biên tập",
        UserRole.MinistryViewer => "Bộ Công Thương – xem",
        UserRole.ProvincialAdministrator => "Quản trị cấp tỉnh (Sở Công Thương)",
        UserRole.AgencyReporter => "Báo cáo viên cơ quan",
        UserRole.CommuneReporter => "Báo cáo viên cấp xã",
        _ => "Người xem",
    };
}
