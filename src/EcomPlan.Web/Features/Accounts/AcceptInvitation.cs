using EcomPlan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>The invited person follows the link and sets a password. The link works once, and only until it expires.</summary>
public static class AcceptInvitation
{
    public enum Outcome { Accepted, UnknownLink, AlreadyUsed, Expired, Invalid }

    public sealed record Result(Outcome Outcome, string Message, string? Email = null);

    /// <summary>Checks a link without using it, so the page can say at once why it does not work.</summary>
    public static async Task<Result> CheckAsync(EcomPlanDbContext db, string? token, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return new(Outcome.UnknownLink, "Liên kết mời không hợp lệ.");
        var hash = TokenAuthenticationHandler.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Select(i => new { i.UsedAt, i.ExpiresAt, Email = db.Users.Where(u => u.Id == i.UserId).Select(u => u.Email).First() })
            .FirstOrDefaultAsync(ct);
        if (invitation is null) return new(Outcome.UnknownLink, "Liên kết mời không hợp lệ.");
        if (invitation.UsedAt is not null) return new(Outcome.AlreadyUsed, "Liên kết mời này đã được dùng. Hãy đăng nhập, hoặc dùng chức năng quên mật khẩu.");
        if (invitation.ExpiresAt <= clock.GetUtcNow()) return new(Outcome.Expired, "Liên kết mời đã hết hạn. Đề nghị quản trị viên gửi lại lời mời.");
        return new(Outcome.Accepted, "", invitation.Email);
    }

    public static async Task<(Result Result, string[] PasswordErrors)> HandleAsync(EcomPlanDbContext db, UserManager<AppUser> users, TimeProvider clock,
        string? token, string? password, string? confirm, CancellationToken ct)
    {
        var check = await CheckAsync(db, token, clock, ct);
        if (check.Outcome != Outcome.Accepted) return (check, []);
        if (string.IsNullOrEmpty(password) || password != confirm)
            return (new(Outcome.Invalid, "Hai lần nhập mật khẩu không khớp."), []);

        var hash = TokenAuthenticationHandler.Hash(token!);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invitation = await db.Invitations.FirstAsync(i => i.TokenHash == hash, ct);
        var user = await users.FindByIdAsync(invitation.UserId.ToString());
        if (user is null) return (new(Outcome.UnknownLink, "Liên kết mời không hợp lệ."), []);
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) return (new(Outcome.Invalid, "Mật khẩu chưa đạt yêu cầu."), result.Errors.Select(e => e.Description).ToArray());
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        invitation.UsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new(Outcome.Accepted, "Đã đặt mật khẩu. Bạn có thể đăng nhập.", user.Email), []);
    }
}
