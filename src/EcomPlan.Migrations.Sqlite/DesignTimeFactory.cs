using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EcomPlan.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EcomPlanDbContext>
{
    public EcomPlanDbContext CreateDbContext(string[] args) =>
        new(((DbContextOptionsBuilder<EcomPlanDbContext>)new DbContextOptionsBuilder<EcomPlanDbContext>().UseEcomPlanDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db")).Options);
}
