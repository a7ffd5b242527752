using System.Threading.RateLimiting;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Audit;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace EcomPlan.Web.Features.Accounts;

public static class AccountSetup
{
    /// <summary>Chooses the token scheme for "Authorization: Bearer" requests, the sign-in cookie otherwise.</summary>
    public const string Scheme = "EcomPlan";
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddEcomPlanAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        AdminBootstrap.ExampleAccountsWanted(configuration, environment);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<AuditInterceptor>();
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.AddTransient<EmailSender>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie hoặc mã truy cập", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedEmail = false;
            })
            .AddEntityFrameworkStores<EcomPlanDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "ecomplan.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure everywhere but local development and tests over plain http.
            o.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Instead of Identity's half-hourly stamp check: every request, so sign-out, a password change or reset
            // ends the other sessions at once.
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            o.Events.OnRedirectToLogin = c => ApiOrRedirect(c, StatusCodes.Status401Unauthorized, "Chưa xác thực", "Cần đăng nhập hoặc gửi mã truy cập hợp lệ.");
            o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c, StatusCodes.Status403Forbidden, "Không có quyền", "Tài khoản không có quyền với tài nguyên này.");
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthorization(Policies.Add);
        services.AddScoped<IAuthorizationHandler, ScopeRequirementHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Password guessing is slowed per client address, on top of the per-account lock-out.
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Security:LoginRequestsPerMinute", 30), Window = TimeSpan.FromMinutes(1) }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Quá nhiều lần thử đăng nhập. Vui lòng chờ một phút rồi thử lại.", ct);
            };
        });
        return services;
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status, string title, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        return Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context.HttpContext);
    }
}
