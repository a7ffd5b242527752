using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.AdministrativeUnits;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(64);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.NameEn).HasMaxLength(200);
    }
}

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b)
    {
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(8);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.FullName).HasMaxLength(150);
        b.Property(p => p.NameEn).HasMaxLength(100);
        b.Property(p => p.SearchText).HasMaxLength(150);
        b.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode);
    }
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(8);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.FullName).HasMaxLength(150);
        b.Property(c => c.Type).HasMaxLength(16);
        b.Property(c => c.SearchText).HasMaxLength(150);
        b.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceCode);
        b.HasIndex(c => c.ProvinceCode);
    }
}
