using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EcomPlan.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EcomPlanDbContext>
{
    public EcomPlanDbContext CreateDbContext(string[] args) =>
        new(((DbContextOptionsBuilder<EcomPlanDbContext>)new DbContextOptionsBuilder<EcomPlanDbContext>().UseEcomPlanDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time")).Options);
}
