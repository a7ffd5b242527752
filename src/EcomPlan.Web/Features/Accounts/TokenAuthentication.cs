using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using EcomPlan.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>Authenticates machine clients by a personal access token in "Authorization: Bearer …".</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    EcomPlanDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var hash = Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");
        // The lock-out after wrong passwords guards password sign-in only: anybody can type five wrong passwords, and
        // that must not switch off the owner's machine clients.
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId);
        if (user is null) return AuthenticateResult.Fail("Tài khoản của mã truy cập không còn tồn tại.");
        // Last use is a convenience for the owner; record it at most once a minute to spare the database.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync();
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.UserName ?? user.Email ?? "")], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status401Unauthorized, "Chưa xác thực", "Cần đăng nhập hoặc gửi mã truy cập hợp lệ (Authorization: Bearer …).");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "Không có quyền", "Tài khoản không có quyền với tài nguyên này.");

    private Task Problem(int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(Context);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new random token: "ecp_" and 40 URL-safe characters (240 bits).</summary>
    public static string NewToken() => "ecp_" + Base64Url(RandomNumberGenerator.GetBytes(30));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
