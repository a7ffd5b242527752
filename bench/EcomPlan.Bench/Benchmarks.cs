using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Indicators;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Bench;

/// <summary>The real application on a fresh SQLite file, seeded as on first start.</summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"ecomplan-bench-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:EcomPlan", $"Data Source={file}");
        builder.UseSetting("Admin:Password", "Bench-Passw0rd-2026");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Reporting:Jobs", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}

/// <summary>Importing every commune × 30 yearly values (99,630 rows), validated and written with its audit trail.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ImportBenchmark
{
    private BenchApp app = default!;
    private byte[] file = [];
    private AccessScope admin = default!;

    [GlobalSetup]
    public void Setup()
    {
        app = new BenchApp();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        var communes = db.Communes.Select(c => c.Code).ToArray();
        var sb = new StringBuilder(string.Join(",", ImportValues.Columns)).Append('\n');
        foreach (var commune in communes)
            for (var year = 2000; year < 2030; year++)
                sb.Append("communes_with_online_merchants,").Append(commune).Append(',').Append(year).Append(",100,,,Báo cáo cấp xã,\n");
        file = Encoding.UTF8.GetBytes(sb.ToString());
        admin = new AccessScope(db.Users.Select(u => u.Id).First(), [new ScopedRole(UserRole.SystemAdministrator)]);
    }

    [IterationSetup]
    public void Clear()
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>().DataValues.Where(v => v.Code == "communes_with_online_merchants").ExecuteDelete();
    }

    [Benchmark]
    public async Task<int> Import100kRows()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        var report = await ImportValues.HandleAsync(db, admin, new MemoryStream(file), "toan-quoc.csv", file.Length, false, TimeProvider.System, CancellationToken.None);
        return report.Errors.Count == 0 ? report.Written : throw new InvalidOperationException(report.Errors[0].Message);
    }

    [GlobalCleanup]
    public void Cleanup() => app.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>Recomputing the status (and end-of-period verdict) of every target of every plan, as the dashboards do.</summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class StatusBenchmark
{
    private BenchApp app = default!;
    private List<string> plans = [];
    private readonly AccessScope ministry = new(1, [new ScopedRole(UserRole.MinistryViewer)]);

    [GlobalSetup]
    public void Setup()
    {
        app = new BenchApp();
        using var scope = app.Services.CreateScope();
        plans = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>().Plans.Select(p => p.Id).ToList();
    }

    [Benchmark]
    public async Task<int> AllPlans()
    {
        var targets = 0;
        foreach (var plan in plans)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
            targets += (await ProgressQueries.ForPlanAsync(db, plan, ministry, new DateOnly(2026, 12, 1), CancellationToken.None))!.Targets.Count;
        }
        return targets;
    }

    /// <summary>The pure method alone, for 10,000 targets with 10-year series.</summary>
    [Benchmark]
    public int Method10kTargets()
    {
        var achieved = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var series = Enumerable.Range(0, 10).Select(y => new Observation(2016 + y, 20 + y * (i % 7))).ToList();
            var input = new ProgressInput(EcomPlan.Web.Features.Plans.TargetKind.Floor, false, 70, null, null, false, 2030, null, series);
            if (ProgressMethod.Evaluate(input).Status == ProgressStatus.Achieved) achieved++;
        }
        return achieved;
    }

    [GlobalCleanup]
    public void Cleanup() => app.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
