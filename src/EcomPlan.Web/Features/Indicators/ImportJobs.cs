using System.Collections.Concurrent;
using System.Threading.Channels;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>A file import running in the background, so a large file shows its progress instead of a frozen page.</summary>
public sealed class ImportJob
{
    public Guid Id { get; } = Guid.NewGuid();
    public required int OwnerId { get; init; }
    public required string OwnerName { get; init; }
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }
    public required AccessScope Scope { get; init; }
    public bool ConfirmOutliers { get; init; }
    /// <summary>"Đang chờ", "Đang kiểm tra", "Đang ghi", "Xong".</summary>
    public string Phase { get; set; } = "Đang chờ";
    public int Done { get; set; }
    public int Total { get; set; }
    public ImportValues.Report? Report { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The queue and the state of background imports (in memory: a restart forgets finished jobs, never half-writes one).</summary>
public sealed class ImportJobs
{
    /// <summary>Files with more rows than this go to the background.</summary>
    public const int BackgroundThreshold = 5_000;

    private readonly Channel<ImportJob> queue = Channel.CreateBounded<ImportJob>(20);
    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();

    public bool TryEnqueue(ImportJob job)
    {
        foreach (var old in jobs.Values.Where(j => j.Report is not null && DateTimeOffset.UtcNow - j.CreatedAt > TimeSpan.FromHours(2)).ToList())
            jobs.TryRemove(old.Id, out _);
        if (!queue.Writer.TryWrite(job)) return false;
        jobs[job.Id] = job;
        return true;
    }

    /// <summary>How long a file whose outliers await confirmation is kept (in memory, for its owner only).</summary>
    public static readonly TimeSpan ConfirmationWindow = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Keeps a checked file whose outliers need confirming, so its owner confirms them on the page without uploading
    /// it again; the file is checked again in full (all or nothing) when confirmed.
    /// </summary>
    public void KeepForConfirmation(ImportJob job)
    {
        foreach (var old in jobs.Values.Where(j => j.Report is not null && DateTimeOffset.UtcNow - j.CreatedAt > TimeSpan.FromHours(2)).ToList())
            jobs.TryRemove(old.Id, out _);
        jobs[job.Id] = job;
    }

    /// <summary>The owner's kept file still awaiting confirmation and not older than <see cref="ConfirmationWindow"/>.</summary>
    public ImportJob? FindForConfirmation(Guid id, int? userId, DateTimeOffset now) =>
        Find(id, userId) is { Report.NeedsConfirmation: true } job && now - job.CreatedAt <= ConfirmationWindow ? job : null;

    public void Forget(Guid id) => jobs.TryRemove(id, out _);

    /// <summary>Only its owner sees a job.</summary>
    public ImportJob? Find(Guid id, int? userId) => jobs.TryGetValue(id, out var job) && job.OwnerId == userId ? job : null;

    public IAsyncEnumerable<ImportJob> ReadAllAsync(CancellationToken ct) => queue.Reader.ReadAllAsync(ct);
}

/// <summary>Runs queued imports one at a time, each in its own scope and transaction.</summary>
public sealed class ImportWorker(ImportJobs jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
                // No request here: the audit trail names the person who started the import.
                db.AuditActor = job.OwnerName;
                db.AuditUserId = job.OwnerId;
                var progress = new Progress<(string Phase, int Done, int Total)>(p => (job.Phase, job.Done, job.Total) = p);
                job.Report = await ImportValues.HandleAsync(db, job.Scope, new MemoryStream(job.Content), job.FileName, job.Content.Length,
                    job.ConfirmOutliers, clock, stoppingToken, progress);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Nhập tệp {File} thất bại", job.FileName);
                job.Report = new ImportValues.Report(0, 0, 0, 0, 0, [new ImportValues.Problem(0, "", "Lỗi máy chủ khi nhập; chưa có gì được ghi. Hãy thử lại.")], []);
            }
            job.Phase = "Xong";
        }
    }
}
