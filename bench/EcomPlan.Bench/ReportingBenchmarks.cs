using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Bench;

/// <summary>
/// Opening a cycle of Đồng Tháp's plan (114 expected reports: agencies with their tasks, 102 communes), and generating
/// its consolidated report (DOCX and XLSX) once every agency has reported every task.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
[MemoryDiagnoser]
public class ReportingBenchmark
{
    private const string Plan = "dong-thap-2026-2030";
    private BenchApp app = default!;
    private AccessScope admin = default!;
    private ConsolidatedReports.Target target = default!;

    [GlobalSetup]
    public void Setup()
    {
        app = new BenchApp();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        admin = new AccessScope(db.Users.Select(u => u.Id).First(), [new ScopedRole(UserRole.SystemAdministrator)]);
        var (cycle, error) = OpenCycles.OpenAdHocAsync(db, admin, Plan, new("Báo cáo đo hiệu năng", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), null),
            "bench", DateTimeOffset.UtcNow, CancellationToken.None).GetAwaiter().GetResult();
        if (cycle is null) throw new InvalidOperationException(error);
        // Every agency submits, every task reported in progress with a result.
        db.Reports.Where(r => r.CycleId == cycle && r.AgencyId != null).ExecuteUpdate(s => s
            .SetProperty(r => r.Status, ReportStatus.Submitted).SetProperty(r => r.FirstSubmittedAt, DateTimeOffset.UtcNow)
            .SetProperty(r => r.Difficulties, "Thiếu nhân lực chuyên trách về thương mại điện tử.").SetProperty(r => r.Proposals, "Bố trí kinh phí đào tạo."));
        db.TaskProgress.Where(t => db.Reports.Any(r => r.Id == t.ReportId && r.CycleId == cycle)).ExecuteUpdate(s => s
            .SetProperty(t => t.State, TaskState.InProgress).SetProperty(t => t.Percent, 50).SetProperty(t => t.Results, "Đã triển khai một nửa khối lượng công việc theo kế hoạch năm."));
        var (found, _) = ConsolidatedReports.ForCycleAsync(db, admin, cycle.Value, CancellationToken.None).GetAwaiter().GetResult();
        target = found ?? throw new InvalidOperationException("the benchmark cycle has no consolidated report");
    }

    [Benchmark]
    public async Task<int?> OpenCycleWith114Reports()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        var (id, error) = await OpenCycles.OpenAdHocAsync(db, admin, Plan, new("Kỳ đo hiệu năng", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), null),
            "bench", DateTimeOffset.UtcNow, CancellationToken.None);
        return id ?? throw new InvalidOperationException(error);
    }

    [Benchmark]
    public async Task<int> ConsolidatedDocxAndXlsx()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        var docx = await ConsolidatedReports.FileAsync(db, admin, target, "docx", DateTimeOffset.UtcNow, CancellationToken.None);
        var xlsx = await ConsolidatedReports.FileAsync(db, admin, target, "xlsx", DateTimeOffset.UtcNow, CancellationToken.None);
        return docx!.Value.Content.Length + xlsx!.Value.Content.Length;
    }

    [GlobalCleanup]
    public void Cleanup() => app.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
