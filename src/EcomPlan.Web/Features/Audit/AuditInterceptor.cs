using System.Security.Claims;
using System.Text.Json;
using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomPlan.Web.Features.Audit;

/// <summary>
/// Records every change saved through <see cref="EcomPlanDbContext"/> as <see cref="AuditEntry"/> rows, in the
/// same transaction as the change, so a change is never stored without its audit entry.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Values derived from others: never copied into the audit trail.</summary>
    private static readonly HashSet<string> Omitted =
        ["ConcurrencyStamp", "SearchText", "NormalizedEmail", "NormalizedUserName", "Revision",
         // File contents: the trail keeps their name, size and SHA-256, not megabytes of base64.
         "Content", "FinalDocx", "FinalXlsx"];

    /// <summary>Secrets: the trail says that they changed, never what they are (readers of the trail could use them).</summary>
    private static readonly HashSet<string> Secrets = ["PasswordHash", "SecurityStamp", "TokenHash"];

    public const string Hidden = "(đã ẩn)";

    /// <summary>Bookkeeping that is not business data: a token's last use, the lock-out counter, a new security stamp at sign-out.</summary>
    private static readonly HashSet<string> Noise = ["LastUsedAt", "AccessFailedCount", "SecurityStamp", "ConcurrencyStamp", "Revision"];

    /// <summary>
    /// Identity's user tokens hold the authenticator (TOTP) key and the recovery codes in their Value: live secrets.
    /// </summary>
    public static bool IsSecret(Type entity, string property) =>
        Secrets.Contains(property) || (property == "Value" && typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<int>).IsAssignableFrom(entity));

    private sealed record Pending(EntityEntry Entry, AuditEntry Audit);

    private sealed class State
    {
        public List<Pending>? Pending;
        public IDbContextTransaction? OwnedTransaction;
        public bool SavingAudit;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, State> States = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        await Capture(eventData.Context, async: true, ct);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Complete(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        await Complete(eventData.Context, async: true, ct);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task Capture(DbContext? context, bool async, CancellationToken ct)
    {
        if (context is not EcomPlanDbContext db) return;
        var state = States.GetOrCreateValue(db);
        if (state.SavingAudit) return;

        var entries = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (entries.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
            throw new InvalidOperationException("Nhật ký thay đổi chỉ được ghi thêm; không thể sửa hay xóa một mục nhật ký.");
        if (db.SuppressAudit) return;

        var user = http.HttpContext?.User;
        var userId = int.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : db.AuditUserId;
        var userName = user?.Identity?.IsAuthenticated == true ? user.Identity.Name ?? $"#{userId}" : db.AuditActor ?? "(hệ thống)";
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var now = clock.GetUtcNow();

        var pending = new List<Pending>();
        foreach (var e in entries.Where(e => e.Entity is not AuditEntry))
        {
            var changed = e.State == EntityState.Modified
                ? e.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList()
                : e.Properties.ToList();
            if (e.State == EntityState.Modified && changed.All(p => Noise.Contains(p.Metadata.Name))) continue;
            pending.Add(new Pending(e, new AuditEntry
            {
                At = now,
                UserId = userId,
                UserName = userName,
                IpAddress = ip,
                EntityType = e.Metadata.ClrType.Name,
                EntityId = KeyOf(e),
                Action = e.State.ToString(),
                OldValues = e.State == EntityState.Added ? null : Serialize(changed, original: true),
                NewValues = e.State == EntityState.Deleted ? null : Serialize(changed, original: false),
                ProvinceCode = e.Properties.FirstOrDefault(p => p.Metadata.Name == "ProvinceCode")?.CurrentValue as string ?? db.AuditProvinceCode,
            }));
        }
        if (pending.Count == 0) return;
        state.Pending = pending;
        if (db.Database.CurrentTransaction is null)
            state.OwnedTransaction = async ? await db.Database.BeginTransactionAsync(ct) : db.Database.BeginTransaction();
    }

    private static async Task Complete(DbContext? context, bool async, CancellationToken ct)
    {
        if (context is not EcomPlanDbContext db || !States.TryGetValue(db, out var state) || state.Pending is not { } pending) return;
        state.Pending = null;
        foreach (var (entry, audit) in pending.Where(p => p.Audit.Action == nameof(EntityState.Added)))
        {
            // Keys generated by the database are known only now.
            audit.EntityId = KeyOf(entry);
            audit.NewValues = Serialize(entry.Properties.ToList(), original: false);
        }
        state.SavingAudit = true;
        try
        {
            db.AuditEntries.AddRange(pending.Select(p => p.Audit));
            if (async) await db.SaveChangesAsync(ct); else db.SaveChanges();
        }
        finally
        {
            state.SavingAudit = false;
        }
        if (state.OwnedTransaction is { } tx)
        {
            state.OwnedTransaction = null;
            if (async) { await tx.CommitAsync(ct); await tx.DisposeAsync(); } else { tx.Commit(); tx.Dispose(); }
        }
    }

    private static void Abandon(DbContext? context)
    {
        if (context is null || !States.TryGetValue(context, out var state) || state.SavingAudit) return;
        state.Pending = null;
        if (state.OwnedTransaction is { } tx)
        {
            state.OwnedTransaction = null;
            // A failed command may already have ended the transaction (Npgsql disposes it): the original error matters, not this one.
            try { tx.Rollback(); }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException) { }
            tx.Dispose();
        }
    }

    private static string KeyOf(EntityEntry e) =>
        string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(e.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static string Serialize(IEnumerable<PropertyEntry> properties, bool original) =>
        JsonSerializer.Serialize(properties
            .Where(p => !Omitted.Contains(p.Metadata.Name))
            .ToDictionary(p => p.Metadata.Name, p =>
                IsSecret(p.EntityEntry.Metadata.ClrType, p.Metadata.Name) ? (original ? p.OriginalValue : p.CurrentValue) is null ? null : Hidden
                : original ? p.OriginalValue : p.CurrentValue), AuditJson);

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
