using System.Security.Claims;
using EcomPlan.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>
/// Server-side checks of a sign-in cookie on each request. The cookie carries the user's security stamp; sign-out,
/// a password change or reset give the user a new one, so every other cookie stops working at once. A user still on a
/// one-time password may do nothing but change it.
/// </summary>
public static class SessionValidation
{
    private const string MustChangeKey = "ecomplan.must-change-password";

    /// <summary>Static files carry no data: they are served without a database lookup.</summary>
    private static readonly string[] StaticPrefixes = ["/_framework", "/_content", "/css", "/js", "/lib", "/favicon"];

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var request = context.HttpContext.Request;
        if (StaticPrefixes.Any(p => request.Path.StartsWithSegments(p))) return;
        var principal = context.Principal;
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaim);
        if (!int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) || stamp is null)
        {
            context.RejectPrincipal();
            return;
        }
        var contexts = context.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<EcomPlanDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(context.HttpContext.RequestAborted);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.MustChangePassword }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (user is null || user.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        if (user.MustChangePassword) context.HttpContext.Items[MustChangeKey] = true;
    }

    /// <summary>The pages a user on a one-time password may still open.</summary>
    private static readonly string[] AllowedWhileMustChange = ["/account/change-password", "/account/logout", "/account/login"];

    /// <summary>Anything but changing the password is refused to a user on a one-time password: pages redirect, the API answers 403.</summary>
    public static IApplicationBuilder UseRequiredPasswordChange(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Items.ContainsKey(MustChangeKey) || AllowedWhileMustChange.Any(p => context.Request.Path.StartsWithSegments(p))
            || StaticPrefixes.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            await next();
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: "Cần đổi mật khẩu", statusCode: StatusCodes.Status403Forbidden,
                detail: "Tài khoản đang dùng mật khẩu dùng một lần: hãy đổi mật khẩu tại /account/change-password trước khi tiếp tục.").ExecuteAsync(context);
            return;
        }
        context.Response.Redirect("/account/change-password?required=true");
    });
}
