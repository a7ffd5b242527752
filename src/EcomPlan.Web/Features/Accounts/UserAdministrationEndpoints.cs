using EcomPlan.Web.Data;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace EcomPlan.Web.Features.Accounts;

public static class UserAdministrationEndpoints
{
    public static RouteGroupBuilder MapUserAdministrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Người dùng (users)").RequireAuthorization(Policies.UserAdministration);

        group.MapGet("/", async (EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await UserQueries.ListAsync(db, await user.ScopeAsync(ct), clock, ct)))
            .WithName("ListUsers").WithSummary("Người dùng trong phạm vi quản lý (toàn quốc hoặc một tỉnh)");

        group.MapGet("/{id:int}", async Task<Results<Ok<UserDto>, ProblemHttpResult>> (int id, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                (await UserQueries.ListAsync(db, await user.ScopeAsync(ct), clock, ct, id)).FirstOrDefault() is { } u
                    ? TypedResults.Ok(u) : Problems.NotFound($"Không có người dùng mã {id}."))
            .WithName("GetUser");

        group.MapPost("/", async Task<Results<Created<UserDto>, ValidationProblem, ProblemHttpResult>> (
                InviteUser.Request request, EcomPlanDbContext db, CurrentUser user, UserManager<AppUser> users, EmailSender email,
                TimeProvider clock, Microsoft.Extensions.Options.IOptions<SiteOptions> site, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var result = await InviteUser.HandleAsync(request, scope, db, users, email, clock, site.Value.PublicBaseUrl, ct);
                return result.Outcome switch
                {
                    InviteUser.Outcome.Invited => TypedResults.Created($"/api/v1/users/{result.UserId}",
                        (await UserQueries.ListAsync(db, scope, clock, ct, result.UserId)).Single()),
                    InviteUser.Outcome.Invalid => TypedResults.ValidationProblem(result.Errors!, title: "Dữ liệu mời không hợp lệ"),
                    InviteUser.Outcome.Forbidden => TypedResults.Problem(title: "Không có quyền", detail: result.Message, statusCode: 403),
                    _ => TypedResults.Problem(title: "Không gửi được thư", detail: result.Message, statusCode: 502),
                };
            })
            .WithName("InviteUser").WithSummary("Mời một người dùng: tạo tài khoản, vai trò và gửi thư đặt mật khẩu");

        group.MapPut("/{id:int}/roles", async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> (
                int id, UpdateUserRoles.Request request, EcomPlanDbContext db, CurrentUser user, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var result = await UpdateUserRoles.HandleAsync(id, request, scope, db, users, ct);
                return result.Outcome switch
                {
                    UpdateUserRoles.Outcome.Updated => TypedResults.Ok((await UserQueries.ListAsync(db, scope, clock, ct, id)).Single()),
                    UpdateUserRoles.Outcome.Invalid => TypedResults.ValidationProblem(result.Errors!, title: "Vai trò không hợp lệ"),
                    UpdateUserRoles.Outcome.NotFound => Problems.NotFound(result.Message!),
                    UpdateUserRoles.Outcome.Conflict => TypedResults.Problem(title: "Xung đột chỉnh sửa", detail: result.Message, statusCode: 409),
                    _ => TypedResults.Problem(title: "Không có quyền", detail: result.Message, statusCode: 403),
                };
            })
            .WithName("UpdateUserRoles").WithSummary("Thay vai trò của người dùng (kèm concurrencyStamp để không ghi đè thay đổi của người khác)");

        return group;
    }
}
