using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcomPlan.Web.Features.Notifications;

public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Thông báo (notifications)").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/", async (bool? unread, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await NotificationQueries.ListAsync(db, user.Id!.Value, unread == true, ct)))
            .WithName("ListNotifications").WithSummary("Thông báo của người dùng, mới nhất trước (?unread=true: chỉ thông báo chưa đọc)");

        group.MapPost("/{id:long}/read", async Task<Results<NoContent, ProblemHttpResult>> (long id, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await NotificationQueries.MarkReadAsync(db, user.Id!.Value, id, clock.GetUtcNow(), ct)
                    ? TypedResults.NoContent() : Problems.NotFound($"Không có thông báo {id} của bạn."))
            .WithName("MarkNotificationRead").WithSummary("Đánh dấu đã đọc một thông báo của mình");

        group.MapPost("/read-all", async (EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(new { marked = await NotificationQueries.MarkAllReadAsync(db, user.Id!.Value, clock.GetUtcNow(), ct) }))
            .WithName("MarkAllNotificationsRead").WithSummary("Đánh dấu đã đọc mọi thông báo của mình");

        return group;
    }
}
