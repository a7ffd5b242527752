using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography;
using EcomPlan.Web.Data;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>An administrator invites a person: the account, its roles and a set-password link sent by e-mail.</summary>
public static class InviteUser
{
    public sealed record Request(string? Email, string? FullName, IReadOnlyList<RoleRequest>? Roles);

    public enum Outcome { Invited, Invalid, Forbidden, MailFailed }

    public sealed record Result(Outcome Outcome, int? UserId = null, Dictionary<string, string[]>? Errors = null, string? Message = null);

    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    public static async Task<Result> HandleAsync(Request request, AccessScope scope, EcomPlanDbContext db, UserManager<AppUser> users,
        EmailSender email, TimeProvider clock, string baseUrl, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var address = request.Email?.Trim() ?? "";
        var name = request.FullName?.Trim() ?? "";
        if (address.Length is 0 or > 256 || !new EmailAddressAttribute().IsValid(address)) errors["email"] = ["Địa chỉ thư không hợp lệ."];
        if (name.Length is 0 or > 200) errors["fullName"] = ["Họ tên phải có từ 1 đến 200 ký tự."];
        var (roles, roleErrors) = await RoleRequests.ResolveAsync(db, request.Roles, ct);
        foreach (var (k, v) in roleErrors) errors[k] = v;
        if (errors.Count > 0) return new Result(Outcome.Invalid, Errors: errors);

        var refused = roles.FirstOrDefault(r => !scope.CanGrant(r.Scope));
        if (refused.Assignment is not null)
            return new Result(Outcome.Forbidden, Message: $"Bạn không được giao vai trò '{RoleRequests.RoleName(refused.Scope.Role)}' ngoài phạm vi quản lý của mình.");
        if (await users.FindByEmailAsync(address) is not null)
            return new Result(Outcome.Invalid, Errors: new() { ["email"] = [$"Địa chỉ thư '{address}' đã có tài khoản."] });

        var now = clock.GetUtcNow();
        var token = TokenAuthenticationHandler.Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = address, Email = address, FullName = name, CreatedAt = now };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return new Result(Outcome.Invalid, Errors: new() { ["email"] = created.Errors.Select(e => e.Description).ToArray() });
        foreach (var (assignment, _) in roles) { assignment.UserId = user.Id; db.RoleAssignments.Add(assignment); }
        db.AuditProvinceCode = roles.Select(r => r.Scope.ProvinceCode).FirstOrDefault(p => p is not null);
        db.Invitations.Add(new Invitation
        {
            UserId = user.Id, TokenHash = TokenAuthenticationHandler.Hash(token), CreatedAt = now, ExpiresAt = now + Validity, InvitedBy = scope.UserId,
        });
        await db.SaveChangesAsync(ct);

        var link = $"{baseUrl.TrimEnd('/')}/account/accept-invitation?token={token}";
        try
        {
            await email.SendAsync(address, name, "Lời mời tham gia EcomPlan",
                $"<p>Xin chào {WebUtility.HtmlEncode(name)},</p><p>Bạn được mời sử dụng EcomPlan. Hãy đặt mật khẩu tại liên kết sau (hiệu lực 7 ngày, dùng một lần):</p>" +
                $"<p><a href=\"{link}\">{link}</a></p>",
                $"Xin chào {name},\n\nBạn được mời sử dụng EcomPlan. Hãy đặt mật khẩu tại liên kết sau (hiệu lực 7 ngày, dùng một lần):\n{link}\n", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without the e-mail the account could never be used: keep nothing, say why.
            await tx.RollbackAsync(ct);
            return new Result(Outcome.MailFailed, Message: $"Không gửi được thư mời tới {address} ({e.Message}). Chưa có gì được lưu; hãy thử lại sau.");
        }
        await tx.CommitAsync(ct);
        return new Result(Outcome.Invited, user.Id);
    }
}
