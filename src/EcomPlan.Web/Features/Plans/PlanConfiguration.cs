using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.Plans;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Id).HasMaxLength(64);
        b.Property(p => p.Title).HasMaxLength(500);
        b.Property(p => p.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.ProvinceCode).HasMaxLength(8);
        b.Property(p => p.DocumentNumber).HasMaxLength(64);
        b.Property(p => p.IssuingBody).HasMaxLength(200);
        b.Property(p => p.SourceDocument).HasMaxLength(200);
        b.Property(p => p.NationalPlanId).HasMaxLength(64);
        b.Property(p => p.SourceKind).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.SourceNote).HasMaxLength(500);
        b.Property(p => p.Revision).IsConcurrencyToken();
        b.Ignore(p => p.IsEditable);
        b.HasMany(p => p.Statements).WithOne().HasForeignKey(s => s.PlanId);
        b.HasMany(p => p.TargetGroups).WithOne().HasForeignKey(g => g.PlanId);
        b.HasMany(p => p.TaskGroups).WithOne().HasForeignKey(g => g.PlanId);
        b.HasOne<Plan>().WithMany().HasForeignKey(p => p.NationalPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AdministrativeUnits.Province>().WithMany().HasForeignKey(p => p.ProvinceCode);
    }
}

internal sealed class PlanStatementConfiguration : IEntityTypeConfiguration<PlanStatement>
{
    public void Configure(EntityTypeBuilder<PlanStatement> b)
    {
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(s => new { s.PlanId, s.Kind, s.Order });
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.Property(t => t.Key).HasMaxLength(32);
        b.Property(t => t.Indicator).HasMaxLength(64);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Unit).HasMaxLength(64);
        b.Property(t => t.Source).HasMaxLength(200);
        b.Property(t => t.Revision).IsConcurrencyToken();
        b.HasIndex(t => new { t.PlanId, t.Key }).IsUnique();
        b.HasIndex(t => t.Indicator);
        b.HasOne(t => t.Group).WithMany(g => g.Targets).HasForeignKey(t => t.GroupId);
        b.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId);
        b.HasMany(t => t.References).WithOne().HasForeignKey(r => r.TargetId);
        b.HasMany(t => t.Monitors).WithOne().HasForeignKey(m => m.TargetId);
    }
}

internal sealed class TargetGroupConfiguration : IEntityTypeConfiguration<TargetGroup>
{
    public void Configure(EntityTypeBuilder<TargetGroup> b)
    {
        b.Property(g => g.Code).HasMaxLength(32);
        b.Property(g => g.Revision).IsConcurrencyToken();
        b.HasIndex(g => new { g.PlanId, g.Code }).IsUnique();
    }
}

internal sealed class TargetReferenceConfiguration : IEntityTypeConfiguration<TargetReference>
{
    public void Configure(EntityTypeBuilder<TargetReference> b) => b.Property(r => r.Source).HasMaxLength(200);
}

internal sealed class TargetMonitorConfiguration : IEntityTypeConfiguration<TargetMonitor>
{
    public void Configure(EntityTypeBuilder<TargetMonitor> b)
    {
        b.HasKey(m => new { m.TargetId, m.AgencyId });
        b.HasOne(m => m.Agency).WithMany().HasForeignKey(m => m.AgencyId);
    }
}

internal sealed class TaskGroupConfiguration : IEntityTypeConfiguration<TaskGroup>
{
    public void Configure(EntityTypeBuilder<TaskGroup> b)
    {
        b.Property(g => g.Code).HasMaxLength(32);
        b.Property(g => g.Source).HasMaxLength(200);
        b.Property(g => g.Revision).IsConcurrencyToken();
        b.HasIndex(g => new { g.PlanId, g.Code }).IsUnique();
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("Tasks");
        b.Property(t => t.Number).HasMaxLength(16);
        b.Property(t => t.Timeframe).HasMaxLength(100);
        b.Property(t => t.Revision).IsConcurrencyToken();
        b.Property(t => t.Source).HasMaxLength(200);
        b.HasOne(t => t.Group).WithMany(g => g.Tasks).HasForeignKey(t => t.GroupId);
        b.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId);
        b.HasMany(t => t.Agencies).WithOne().HasForeignKey(a => a.TaskId);
    }
}

internal sealed class TaskAgencyConfiguration : IEntityTypeConfiguration<TaskAgency>
{
    public void Configure(EntityTypeBuilder<TaskAgency> b)
    {
        b.HasKey(a => new { a.TaskId, a.AgencyId, a.Role });
        b.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
        b.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId);
        b.HasIndex(a => a.AgencyId);
    }
}
