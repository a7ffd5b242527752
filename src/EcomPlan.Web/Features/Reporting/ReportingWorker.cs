using EcomPlan.Web.Data;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>Settings of the reporting job (configuration section "Reporting").</summary>
public sealed class ReportingOptions
{
    /// <summary>Off in the tests, which run the job themselves at chosen dates.</summary>
    public bool Jobs { get; set; } = true;
    public int IntervalMinutes { get; set; } = 60;
}

/// <summary>
/// The scheduled job: opens the cycles whose day has come, then sends the reminders due. Both steps are idempotent,
/// so a second instance, or a restart in the middle, sends nothing twice.
/// </summary>
public sealed class ReportingWorker(IServiceProvider services, Microsoft.Extensions.Options.IOptions<ReportingOptions> options,
    Microsoft.Extensions.Options.IOptions<Infrastructure.SiteOptions> site, TimeProvider clock,
    ILogger<ReportingWorker> logger) : BackgroundService
{
    public static async Task<(int Opened, int Sent)> RunOnceAsync(IServiceProvider services, DateTimeOffset now, string baseUrl, CancellationToken ct)
    {
        // PostgreSQL stores instants in UTC only.
        now = now.ToUniversalTime();
        int opened;
        await using (var scope = services.CreateAsyncScope())
            opened = await OpenCycles.OpenDueAsync(scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>(), now, ct);
        var sent = await SendReminders.RunAsync(services, now, baseUrl, ct);
        return (opened, sent);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Jobs) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes)), clock);
        do
        {
            try
            {
                var (opened, sent) = await RunOnceAsync(services, clock.GetUtcNow(), site.Value.PublicBaseUrl, stoppingToken);
                if (opened + sent > 0) logger.LogInformation("Báo cáo định kỳ: mở {Opened} kỳ, gửi {Sent} thư nhắc", opened, sent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Công việc báo cáo định kỳ gặp lỗi; sẽ chạy lại ở lần sau");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
