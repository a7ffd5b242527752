using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Notifications;

public sealed record NotificationDto(long Id, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>
/// Writing and reading in-app notifications. Every read and every mark-as-read is scoped to the recipient: another
/// user's notification is "not found", never shown nor changed.
/// </summary>
public static class NotificationQueries
{
    public const int PageSize = 200;

    public static async Task<List<NotificationDto>> ListAsync(EcomPlanDbContext db, int userId, bool unreadOnly, CancellationToken ct) =>
        await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize)
            .Select(n => new NotificationDto(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);

    public static Task<int> UnreadCountAsync(EcomPlanDbContext db, int userId, CancellationToken ct) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Marks one of the user's notifications read; false when it is not theirs (or does not exist).</summary>
    public static async Task<bool> MarkReadAsync(EcomPlanDbContext db, int userId, long id, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.Set<Notification>().AnyAsync(n => n.Id == id && n.UserId == userId, ct)) return false;
        await db.Set<Notification>().Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return true;
    }

    /// <summary>Marks every unread notification of the user read; returns how many.</summary>
    public static Task<int> MarkAllReadAsync(EcomPlanDbContext db, int userId, DateTimeOffset now, CancellationToken ct) =>
        db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);

    /// <summary>Notifies the user who has this e-mail address, if there is one; a keyed notice is written once per user.</summary>
    public static async Task NotifyAddressAsync(EcomPlanDbContext db, string address, Notice notice, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = address.Trim().ToUpperInvariant();
        var users = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).ToListAsync(ct);
        await NotifyAsync(db, users, notice, now, ct);
    }

    /// <summary>Adds the notice for each user (once per user when it has a key). Not audited: a delivery record, not business data.</summary>
    public static async Task NotifyAsync(EcomPlanDbContext db, IReadOnlyCollection<int> userIds, Notice notice, DateTimeOffset now, CancellationToken ct)
    {
        if (userIds.Count == 0) return;
        var text = notice.Text.Length > 2000 ? notice.Text[..1999] + "…" : notice.Text;
        var already = notice.Key is null ? [] : await db.Set<Notification>().AsNoTracking()
            .Where(n => n.Key == notice.Key && userIds.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct);
        var fresh = userIds.Distinct().Except(already).ToList();
        if (fresh.Count == 0) return;
        // Written on the caller's context once its own changes are saved, with the audit off for this save only.
        if (db.ChangeTracker.HasChanges()) throw new InvalidOperationException("Lưu thay đổi nghiệp vụ trước khi ghi thông báo.");
        var suppressed = db.SuppressAudit;
        db.SuppressAudit = true;
        var added = fresh.Select(u => new Notification { UserId = u, Text = text, Link = notice.Link, CreatedAt = now, Key = notice.Key }).ToList();
        db.Set<Notification>().AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run wrote the same keyed notice at the same moment: the unique (user, key) index decided.
        }
        finally
        {
            db.SuppressAudit = suppressed;
            foreach (var n in added) db.Entry(n).State = EntityState.Detached;
        }
    }
}
