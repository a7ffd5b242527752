using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.Reporting;

internal sealed class ReportingRegimeConfiguration : IEntityTypeConfiguration<ReportingRegime>
{
    public void Configure(EntityTypeBuilder<ReportingRegime> b)
    {
        b.HasKey(r => r.PlanId);
        b.Property(r => r.PlanId).HasMaxLength(64);
        b.Property(r => r.ProvinceCode).HasMaxLength(8);
        b.HasOne<Plan>().WithOne().HasForeignKey<ReportingRegime>(r => r.PlanId);
        b.HasMany(r => r.Rules).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportingRuleConfiguration : IEntityTypeConfiguration<ReportingRuleRow>
{
    public void Configure(EntityTypeBuilder<ReportingRuleRow> b)
    {
        b.ToTable("ReportingRules");
        b.Property(r => r.PlanId).HasMaxLength(64);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class ReportCycleConfiguration : IEntityTypeConfiguration<ReportCycle>
{
    public void Configure(EntityTypeBuilder<ReportCycle> b)
    {
        b.Property(c => c.PlanId).HasMaxLength(64);
        b.Property(c => c.ProvinceCode).HasMaxLength(8);
        b.Property(c => c.Key).HasMaxLength(40);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Label).HasMaxLength(200);
        b.Property(c => c.OpenedBy).HasMaxLength(200);
        b.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId);
        // Two instances opening the same cycle at once: the second insert fails here.
        b.HasIndex(c => new { c.PlanId, c.Key }).IsUnique();
        b.HasMany(c => c.Reports).WithOne(r => r.Cycle).HasForeignKey(r => r.CycleId);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("Reports");
        b.Property(r => r.ProvinceCode).HasMaxLength(8);
        b.Property(r => r.CommuneCode).HasMaxLength(8);
        b.Property(r => r.UnitName).HasMaxLength(300);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Summary).HasMaxLength(8000);
        b.Property(r => r.Difficulties).HasMaxLength(8000);
        b.Property(r => r.Proposals).HasMaxLength(8000);
        b.Property(r => r.ReviewComment).HasMaxLength(2000);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.HasIndex(r => new { r.CycleId, r.AgencyId, r.CommuneCode }).IsUnique();
        b.HasMany(r => r.Tasks).WithOne().HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskProgressConfiguration : IEntityTypeConfiguration<TaskProgress>
{
    public void Configure(EntityTypeBuilder<TaskProgress> b)
    {
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Results).HasMaxLength(4000);
        b.Property(t => t.Difficulties).HasMaxLength(4000);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(t => t.TaskId);
        b.HasIndex(t => new { t.ReportId, t.TaskId }).IsUnique();
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> b)
    {
        b.Property(v => v.SubmittedBy).HasMaxLength(200);
        b.Property(v => v.ReviewedBy).HasMaxLength(200);
        b.Property(v => v.ReviewComment).HasMaxLength(2000);
        b.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
    }
}

internal sealed class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(200);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> b)
    {
        b.Property(d => d.Key).HasMaxLength(300);
        b.Property(d => d.Recipient).HasMaxLength(256);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(d => d.Key).IsUnique();
    }
}

internal sealed class ConsolidatedReportConfiguration : IEntityTypeConfiguration<ConsolidatedReport>
{
    public void Configure(EntityTypeBuilder<ConsolidatedReport> b)
    {
        b.Property(c => c.Key).HasMaxLength(40);
        b.HasIndex(c => c.Key).IsUnique();
        b.Property(c => c.ProvinceCode).HasMaxLength(8);
        b.Property(c => c.Number).HasMaxLength(60);
        b.Property(c => c.Introduction).HasMaxLength(8000);
        b.Property(c => c.Assessment).HasMaxLength(8000);
        b.Property(c => c.Proposals).HasMaxLength(8000);
        b.Property(c => c.Recipients).HasMaxLength(2000);
        b.Property(c => c.SignerTitle).HasMaxLength(200);
        b.Property(c => c.SignerName).HasMaxLength(200);
        b.Property(c => c.FinalizedBy).HasMaxLength(200);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.HasOne<ReportCycle>().WithMany().HasForeignKey(c => c.CycleId);
    }
}
