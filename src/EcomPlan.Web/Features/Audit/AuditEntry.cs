using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.Audit;

/// <summary>
/// One change to business data: who, when, from where, which record, old and new values. Append-only: the
/// application has no way to change or delete an entry (<see cref="AuditInterceptor"/> refuses it).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int? UserId { get; set; }
    public required string UserName { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>Entity type name, e.g. "Plan", "PlanTask", "RoleAssignment".</summary>
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>Added, Modified or Deleted.</summary>
    public required string Action { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
    /// <summary>The province the change concerns, when it concerns one; scopes who may read the entry.</summary>
    public string? ProvinceCode { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(128);
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.ProvinceCode).HasMaxLength(8);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.UserId);
        b.HasIndex(a => a.At);
    }
}
