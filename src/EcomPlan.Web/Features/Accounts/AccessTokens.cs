using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Accounts;

public sealed record AccessTokenDto(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public sealed record CreatedAccessToken(AccessTokenDto Token, string Secret);

/// <summary>A user's personal access tokens for machine clients: create (the secret is shown once), list, revoke.</summary>
public static class AccessTokens
{
    public static async Task<List<AccessTokenDto>> ListAsync(EcomPlanDbContext db, int userId, CancellationToken ct) =>
        await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new AccessTokenDto(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(ct);

    public static async Task<(CreatedAccessToken? Created, string? Error)> CreateAsync(
        EcomPlanDbContext db, int userId, string? name, int? validDays, TimeProvider clock, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) return (null, "Tên mã truy cập phải có từ 1 đến 100 ký tự.");
        if (validDays is < 1 or > 365) return (null, "Thời hạn phải từ 1 đến 365 ngày.");
        if (await db.PersonalAccessTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, ct) >= 20)
            return (null, "Mỗi người dùng có tối đa 20 mã truy cập đang hiệu lực; hãy thu hồi mã không dùng.");
        var secret = TokenAuthenticationHandler.NewToken();
        var now = clock.GetUtcNow();
        var token = new PersonalAccessToken
        {
            UserId = userId, Name = name, Prefix = secret[..8], TokenHash = TokenAuthenticationHandler.Hash(secret),
            CreatedAt = now, ExpiresAt = now.AddDays(validDays ?? 90),
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (new CreatedAccessToken(new AccessTokenDto(token.Id, token.Name, token.Prefix, token.CreatedAt, token.ExpiresAt, null, null), secret), null);
    }

    /// <summary>Revokes one of the user's own tokens; false when the user has no such token.</summary>
    public static async Task<bool> RevokeAsync(EcomPlanDbContext db, int userId, int tokenId, TimeProvider clock, CancellationToken ct)
    {
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }
}
