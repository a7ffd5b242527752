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

/// <summary>
/// The real application on a fresh database, seeded as on first start: a SQLite file, or (with a provider of
/// "PostgreSql") a new database on the server ECOMPLAN_BENCH_PG names (an admin connection string; `./ecomplan.sh pg-start`).
/// </summary>
public sealed class BenchApp(string provider = "Sqlite") : WebApplicationFactory<Program>
{
    private readonly string name = $"ecomplan_bench_{Guid.NewGuid():N}";
    private string File => Path.Combine(Path.GetTempPath(), name + ".db");

    public static string AdminConnection => Environment.GetEnvironmentVariable("ECOMPLAN_BENCH_PG")
        ?? throw new InvalidOperationException("ECOMPLAN_BENCH_PG (an admin connection string) is needed for PostgreSQL: ECOMPLAN_BENCH_PG=\"$(./ecomplan.sh pg-start | tail -1)\"");

    public string ConnectionString => provider == "PostgreSql"
        ? new Npgsql.NpgsqlConnectionStringBuilder(AdminConnection) { Database = name }.ConnectionString
        : $"Data Source={File}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (provider == "PostgreSql")
        {
            using var admin = new Npgsql.NpgsqlConnection(AdminConnection);
            admin.Open();
            using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", admin);
            create.ExecuteNonQuery();
        }
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:EcomPlan", ConnectionString);
        builder.UseSetting("Admin:Password", "Bench-Passw0rd-2026");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Reporting:Jobs", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (provider == "PostgreSql")
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(AdminConnection);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        foreach (var f in new[] { File, File + "-wal", File + "-shm" }) if (System.IO.File.Exists(f)) System.IO.File.Delete(f);
    }
}

/// <summary>
/// Importing every commune × 30 yearly values (99,630 rows), validated and written with its audit entry, on each
/// database; on PostgreSQL against the database's own bulk load of the same rows (what psql's \copy does: COPY FROM
/// STDIN in CSV) into a copy of the values table with its indexes, in the same run.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ImportBenchmark
{
    private BenchApp app = default!;
    private byte[] file = [];
    private string copyRows = "";
    private AccessScope admin = default!;

    [Params("Sqlite", "PostgreSql")]
    public string Provider { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup()
    {
        app = new BenchApp(Provider);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        var communes = db.Communes.Select(c => c.Code).ToArray();
        var sb = new StringBuilder(string.Join(",", ImportValues.Columns)).Append('\n');
        var copy = new StringBuilder();
        foreach (var commune in communes)
            for (var year = 2000; year < 2030; year++)
            {
                sb.Append("communes_with_online_merchants,").Append(commune).Append(',').Append(year).Append(",100,,,Báo cáo cấp xã,\n");
                copy.Append("communes_with_online_merchants,").Append(commune).Append(',').Append(year).Append(',').Append(year)
                    .Append(",100,Báo cáo cấp xã,Approved,1,1,true,false,2026-12-01 00:00:00+00\n");
            }
        file = Encoding.UTF8.GetBytes(sb.ToString());
        copyRows = copy.ToString();
        admin = new AccessScope(db.Users.Select(u => u.Id).First(), [new ScopedRole(UserRole.SystemAdministrator)]);
    }

    [IterationSetup]
    public void Clear()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        db.DataValues.Where(v => v.Code == "communes_with_online_merchants").ExecuteDelete();
        db.AuditEntries.Where(a => a.EntityType == "ValueImport").ExecuteDelete();
        if (Provider == "PostgreSql")
            db.Database.ExecuteSqlRaw("DROP TABLE IF EXISTS copy_target; CREATE TABLE copy_target (LIKE \"DataValues\" INCLUDING ALL);");
    }

    [Benchmark]
    public async Task<int> Import100kRows()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        var report = await ImportValues.HandleAsync(db, admin, new MemoryStream(file), "toan-quoc.csv", file.Length, false, TimeProvider.System, CancellationToken.None);
        return report.Errors.Count == 0 ? report.Written : throw new InvalidOperationException(report.Errors[0].Message);
    }

    /// <summary>The ceiling: the same rows by COPY FROM STDIN (CSV), as psql's \copy sends them (PostgreSQL only).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> DatabaseCopy()
    {
        if (Provider != "PostgreSql") return 0;
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginTextImportAsync(
            "COPY copy_target (\"Code\", \"UnitCode\", \"Period\", \"Year\", \"Value\", \"Source\", \"Status\", \"EnteredBy\", \"Version\", \"IsCurrent\", \"IsIllustrative\", \"CreatedAt\") FROM STDIN (FORMAT csv)"))
            await writer.WriteAsync(copyRows);
        return 1;
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
