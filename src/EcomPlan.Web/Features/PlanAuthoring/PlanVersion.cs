using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.PlanAuthoring;

public enum VersionKind
{
    /// <summary>A draft kept to compare with what was issued (the national 2026–2030 draft of the seeds).</summary>
    Draft,
    /// <summary>The plan as issued (ban hành).</summary>
    Issue,
    /// <summary>An amending decision (quyết định sửa đổi, bổ sung).</summary>
    Amendment,
}

/// <summary>
/// A frozen state of a plan: issuing freezes version 1, each amendment the next. An amendment being drafted is a
/// version without content yet (<see cref="IssuedAt"/> null); its changes are made on the plan itself.
/// </summary>
public sealed class PlanVersion
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public int Number { get; set; }
    public VersionKind Kind { get; set; }
    public string? DocumentNumber { get; set; }
    public DateOnly? DocumentDate { get; set; }
    /// <summary>From this day the version is the one in force: statuses and evaluations use its targets.</summary>
    public DateOnly EffectiveDate { get; set; }
    /// <summary>Why the plan was amended (lý do sửa đổi); for an issue, a note.</summary>
    public string? Reason { get; set; }
    public PlanSourceKind SourceKind { get; set; }
    public string? SourceNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    /// <summary>The whole <see cref="PlanContent"/> as JSON, written when the version is issued.</summary>
    public string? Content { get; set; }
    /// <summary>The province of the plan, so the audit entry of a version is scoped like the plan.</summary>
    public string? ProvinceCode { get; set; }

    public bool IsOpen => IssuedAt is null;
}

/// <summary>A file kept with a plan: the signed decision (PDF) or the text a plan was imported from.</summary>
public enum PlanFileKind { SignedDecision, SourceText }

public sealed class PlanFile
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public PlanFileKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
    public string? ProvinceCode { get; set; }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.Property(v => v.PlanId).HasMaxLength(64);
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.DocumentNumber).HasMaxLength(64);
        b.Property(v => v.Reason).HasMaxLength(2000);
        b.Property(v => v.SourceKind).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.SourceNote).HasMaxLength(500);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.Property(v => v.ProvinceCode).HasMaxLength(8);
        b.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        b.HasOne<Plan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(v => v.IsOpen);
    }
}

internal sealed class PlanFileConfiguration : IEntityTypeConfiguration<PlanFile>
{
    public void Configure(EntityTypeBuilder<PlanFile> b)
    {
        b.Property(f => f.PlanId).HasMaxLength(64);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.Property(f => f.ProvinceCode).HasMaxLength(8);
        b.HasIndex(f => new { f.PlanId, f.Kind });
        b.HasOne<Plan>().WithMany().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
