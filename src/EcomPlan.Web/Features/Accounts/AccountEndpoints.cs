using EcomPlan.Web.Data;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EcomPlan.Web.Features.Accounts;

public sealed record MeDto(int Id, string Email, string FullName, IReadOnlyList<ScopedRole> Roles);

public sealed record CreateTokenRequest(string? Name, int? ValidDays);

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Tài khoản (me)").RequireAuthorization(Policies.SignedIn);

        me.MapGet("/", async Task<Results<Ok<MeDto>, ProblemHttpResult>> (CurrentUser user, UserManager<AppUser> users, CancellationToken ct) =>
                await users.FindByIdAsync(user.Id.ToString()!) is { } u
                    ? TypedResults.Ok(new MeDto(u.Id, u.Email ?? "", u.FullName, (await user.ScopeAsync(ct)).Roles))
                    : Problems.NotFound("Tài khoản không còn tồn tại."))
            .WithName("GetMe").WithSummary("Người dùng hiện tại và vai trò");

        me.MapGet("/tokens", async (CurrentUser user, EcomPlanDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await AccessTokens.ListAsync(db, user.Id!.Value, ct)))
            .WithName("ListAccessTokens");

        me.MapPost("/tokens", async Task<Results<Created<CreatedAccessToken>, ProblemHttpResult>> (
                CreateTokenRequest request, CurrentUser user, EcomPlanDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                // A token that could mint tokens would outlive its own expiry and revocation.
                if (user.Principal.Identity?.AuthenticationType == TokenAuthenticationHandler.SchemeName)
                    return TypedResults.Problem(title: "Không có quyền", statusCode: StatusCodes.Status403Forbidden,
                        detail: "Không tạo được mã truy cập bằng một mã truy cập: hãy đăng nhập bằng mật khẩu để tạo mã mới.");
                var (created, error) = await AccessTokens.CreateAsync(db, user.Id!.Value, request.Name, request.ValidDays, clock, ct);
                return created is null ? Problems.BadRequest(error!) : TypedResults.Created($"/api/v1/me/tokens/{created.Token.Id}", created);
            })
            .WithName("CreateAccessToken").WithSummary("Tạo mã truy cập cá nhân; giá trị bí mật chỉ trả về một lần");

        me.MapDelete("/tokens/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, CurrentUser user, EcomPlanDbContext db, TimeProvider clock, CancellationToken ct) =>
                await AccessTokens.RevokeAsync(db, user.Id!.Value, id, clock, ct) ? TypedResults.NoContent() : Problems.NotFound($"Không có mã truy cập {id}."))
            .WithName("RevokeAccessToken").WithSummary("Thu hồi mã truy cập");

        // Sign-out is a form post (antiforgery-checked), never a link a third party could make the browser follow.
        // Signing out ends every session of the user (a new security stamp, checked on each request), not only this
        // browser's: a cookie copied elsewhere stops working too. Access tokens are not sessions and stay valid.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http, SignInManager<AppUser> signIn) =>
            {
                if (await signIn.UserManager.GetUserAsync(http.User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(Pages.LocalUrl.Safe(returnUrl));
            })
            .AllowAnonymous().ExcludeFromDescription();

        return app;
    }
}
