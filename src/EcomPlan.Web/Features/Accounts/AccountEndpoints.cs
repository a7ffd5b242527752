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
                var (created, error) = await AccessTokens.CreateAsync(db, user.Id!.Value, request.Name, request.ValidDays, clock, ct);
                return created is null ? Problems.BadRequest(error!) : TypedResults.Created($"/api/v1/me/tokens/{created.Token.Id}", created);
            })
            .WithName("CreateAccessToken").WithSummary("Tạo mã truy cập cá nhân; giá trị bí mật chỉ trả về một lần");

        me.MapDelete("/tokens/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, CurrentUser user, EcomPlanDbContext db, TimeProvider clock, CancellationToken ct) =>
                await AccessTokens.RevokeAsync(db, user.Id!.Value, id, clock, ct) ? TypedResults.NoContent() : Problems.NotFound($"Không có mã truy cập {id}."))
            .WithName("RevokeAccessToken").WithSummary("Thu hồi mã truy cập");

        // Sign-out is a form post (antiforgery-checked), never a link a third party could make the browser follow.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl);
            })
            .AllowAnonymous().ExcludeFromDescription();

        return app;
    }
}
