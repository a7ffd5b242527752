using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.AdministrativeUnits;
using EcomPlan.Web.Features.Audit;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Reporting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Data;

public sealed class EcomPlanDbContext(DbContextOptions<EcomPlanDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options)
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
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<DataElement> DataElements => Set<DataElement>();
    public DbSet<DataValue> DataValues => Set<DataValue>();
    public DbSet<IndicatorProposal> IndicatorProposals => Set<IndicatorProposal>();
    public DbSet<QualitativeAssessment> QualitativeAssessments => Set<QualitativeAssessment>();
    public DbSet<ReportingRegime> ReportingRegimes => Set<ReportingRegime>();
    public DbSet<ReportingRuleRow> ReportingRules => Set<ReportingRuleRow>();
    public DbSet<ReportCycle> ReportCycles => Set<ReportCycle>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<TaskProgress> TaskProgress => Set<TaskProgress>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<ConsolidatedReport> ConsolidatedReports => Set<ConsolidatedReport>();
    public DbSet<Features.PlanAuthoring.PlanVersion> PlanVersions => Set<Features.PlanAuthoring.PlanVersion>();
    public DbSet<Features.PlanAuthoring.PlanFile> PlanFiles => Set<Features.PlanAuthoring.PlanFile>();

    /// <summary>Loading the reference data and plan files at start is not a change by anyone: no row-by-row audit.</summary>
    public bool SuppressAudit { get; set; }

    /// <summary>Who to record when no user is signed in (start-up tasks).</summary>
    public string? AuditActor { get; set; }

    /// <summary>Who to record when a background job works for a user (no request, so no signed-in principal).</summary>
    public int? AuditUserId { get; set; }

    /// <summary>The province a change concerns when its entities do not say it themselves (a task's agencies).</summary>
    public string? AuditProvinceCode { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EcomPlanDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Plan values such as 60,82% or 1.000.000 people need exact decimals on both providers.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        // SQLite has no date-time type: store instants as sortable numbers so audit queries can filter and order.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
