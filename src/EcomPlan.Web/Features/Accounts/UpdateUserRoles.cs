using EcomPlan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>
/// An administrator replaces a user's roles. The request carries the version of the user it was made from
/// (ConcurrencyStamp): if another administrator saved in between, nothing is written and the editor is told.
/// </summary>
public static class UpdateUserRoles
{
    public sealed record Request(string? ConcurrencyStamp, IReadOnlyList<RoleRequest>? Roles);

    public enum Outcome { Updated, NotFound, Forbidden, Invalid, Conflict }

    public sealed record Result(Outcome Outcome, string? Message = null, Dictionary<string, string[]>? Errors = null, string? ConcurrencyStamp = null);

    public const string ConflictMessage = "Người dùng này vừa được một quản trị viên khác sửa. Chưa có gì được lưu: hãy tải lại để xem vai trò hiện tại rồi sửa lại.";

    public static async Task<Result> HandleAsync(int userId, Request request, AccessScope scope, EcomPlanDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return new(Outcome.NotFound, $"Không có người dùng mã {userId}.");
        var current = await CurrentUser.RolesOfAsync(db, userId, ct);
        // Someone outside the administrator's reach is "not found" to them, as in every other list.
        if (!scope.CanManage(current)) return new(scope.IsSystemAdmin ? Outcome.Forbidden : Outcome.NotFound, $"Không có người dùng mã {userId}.");
        if (userId == scope.UserId) return new(Outcome.Forbidden, "Không thể tự sửa vai trò của chính mình.");

        var (roles, errors) = await RoleRequests.ResolveAsync(db, request.Roles, ct);
        if (string.IsNullOrEmpty(request.ConcurrencyStamp)) errors["concurrencyStamp"] = ["Thiếu phiên bản của người dùng (concurrencyStamp)."];
        if (errors.Count > 0) return new(Outcome.Invalid, Errors: errors);
        var refused = roles.FirstOrDefault(r => !scope.CanGrant(r.Scope));
        if (refused.Assignment is not null)
            return new(Outcome.Forbidden, $"Bạn không được giao vai trò '{RoleRequests.RoleName(refused.Scope.Role)}' ngoài phạm vi quản lý của mình.");
        if (user.ConcurrencyStamp != request.ConcurrencyStamp) return new(Outcome.Conflict, ConflictMessage);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AuditProvinceCode = roles.Select(r => r.Scope.ProvinceCode).Concat(current.Select(c => c.ProvinceCode)).FirstOrDefault(p => p is not null);
        db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(r => r.UserId == userId).ToListAsync(ct));
        foreach (var (assignment, _) in roles) { assignment.UserId = userId; db.RoleAssignments.Add(assignment); }
        await db.SaveChangesAsync(ct);
        // UpdateAsync checks the stamp again in the database and issues a new one: the last line of defence.
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            await tx.RollbackAsync(ct);
            return new(Outcome.Conflict, ConflictMessage);
        }
        await tx.CommitAsync(ct);
        return new(Outcome.Updated, ConcurrencyStamp: user.ConcurrencyStamp);
    }
}
