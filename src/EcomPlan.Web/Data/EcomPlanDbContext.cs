using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.AdministrativeUnits;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Data;

public sealed class EcomPlanDbContext(DbContextOptions<EcomPlanDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanStatement> PlanStatements => Set<PlanStatement>();
    public DbSet<TargetGroup> TargetGroups => Set<TargetGroup>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TargetReference> TargetReferences => Set<TargetReference>();
    public DbSet<TargetMonitor> TargetMonitors => Set<TargetMonitor>();
    public DbSet<TaskGroup> TaskGroups => Set<TaskGroup>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<TaskAgency> TaskAgencies => Set<TaskAgency>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EcomPlanDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Plan values such as 60,82% or 1.000.000 people need exact decimals on both providers.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
