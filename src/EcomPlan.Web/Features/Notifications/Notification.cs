using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.Notifications;

/// <summary>
/// An in-app notification (thông báo) to one user, written beside each e-mail the platform sends (reminders, returned
/// reports) and for accepted reports. Only its recipient reads it or marks it read. A delivery record, not business
/// data: it is kept out of the audit trail, like <see cref="Reporting.ReminderDelivery"/>.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public required string Text { get; set; }
    /// <summary>The page where the matter is dealt with, a path inside the platform ("/reporting/reports/12").</summary>
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>Set for notifications that must exist once per user (a reminder retried after a mail failure).</summary>
    public string? Key { get; set; }
}

/// <summary>What a notification says and where it leads; <see cref="Key"/> makes it once-only per recipient.</summary>
public sealed record Notice(string Text, string Link, string? Key = null);

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Text).HasMaxLength(2000);
        b.Property(n => n.Link).HasMaxLength(500);
        b.Property(n => n.Key).HasMaxLength(300);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.UserId, n.ReadAt });
        b.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
    }
}
