using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.Kind).HasMaxLength(32);
        b.Property(a => a.ProvinceCode).HasMaxLength(8);
        b.Property(a => a.SearchText).HasMaxLength(300);
        b.Property(a => a.Revision).IsConcurrencyToken();
        b.HasIndex(a => new { a.ProvinceCode, a.SearchText }).IsUnique();
        b.HasOne<AdministrativeUnits.Province>().WithMany().HasForeignKey(a => a.ProvinceCode);
    }
}
