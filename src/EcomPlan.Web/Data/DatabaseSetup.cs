using System.Reflection;
using System.Runtime.Loader;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Audit;
using EcomPlan.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcomPlan.Web.Data;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// Chooses the database from configuration ("Database:Provider", "ConnectionStrings:EcomPlan"), applies the
/// provider's migrations and loads the seed data before the application serves anything.
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "EcomPlan.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "EcomPlan.Migrations.PostgreSql";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var raw = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(raw)) return DatabaseProvider.Sqlite;
        return raw.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
            _ => throw new InvalidOperationException($"Database:Provider '{raw}' không hợp lệ: dùng 'Sqlite' hoặc 'PostgreSql'."),
        };
    }

    /// <summary>Configures EF Core for a provider; also used by the design-time factories of the migration projects.</summary>
    public static DbContextOptionsBuilder UseEcomPlanDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
        };

    public static IServiceCollection AddEcomPlanDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString("EcomPlan");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSql)
                throw new InvalidOperationException("Database:Provider là PostgreSql nhưng chưa đặt ConnectionStrings:EcomPlan (biến môi trường ConnectionStrings__EcomPlan).");
            var folder = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "ecomplan.db")}";
        }
        if (provider == DatabaseProvider.PostgreSql) connectionString = BoundedPool(connectionString, configuration.GetValue<int?>("Database:MaxPoolSize"));
        // A factory as well as the scoped context: components rendered at the same time (the layout and its page)
        // must not share one context, so CurrentUser reads through a context of its own.
        services.AddDbContextFactory<EcomPlanDbContext>((sp, o) => o.UseEcomPlanDatabase(provider, connectionString)
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()), ServiceLifetime.Scoped);
        services.Configure<SeedDataOptions>(configuration.GetSection("SeedData"));
        return services;
    }

    /// <summary>The pool size when neither the connection string nor Database:MaxPoolSize sets one.</summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>
    /// Caps the app's PostgreSQL connections well below the server's max_connections (100 by default), so that a
    /// burst of requests waits for a free connection instead of taking them all and locking out psql and backups.
    /// A "Maximum Pool Size" in the connection string wins; then Database:MaxPoolSize; then <see cref="DefaultMaxPoolSize"/>.
    /// </summary>
    public static string BoundedPool(string connectionString, int? configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var explicitlySet = connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase);
        if (!explicitlySet) builder.MaxPoolSize = configured is > 0 ? configured.Value : DefaultMaxPoolSize;
        return builder.ConnectionString;
    }

    /// <summary>
    /// The migration projects reference this one, so this one cannot reference them: their assemblies are
    /// copied next to it by their build and loaded from there by name when EF Core asks for them.
    /// </summary>
    public static void LoadMigrationAssembliesFromAppFolder() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not (SqliteMigrationsAssembly or PostgreSqlMigrationsAssembly)) return null;
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path)
                ? context.LoadFromAssemblyPath(path)
                : throw new FileNotFoundException($"Không tìm thấy {name.Name}.dll cạnh ứng dụng. Hãy build cả solution (./ecomplan run) trước khi chạy.", path);
        };

    private const string DongThapPlan = "dong-thap-2026-2030";

    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<SeedDataOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        logger.LogInformation("Cơ sở dữ liệu {Provider}: áp dụng migration…", db.Database.ProviderName);
        await db.Database.MigrateAsync(ct);
        // All the seed data or none: a bad file found half-way leaves the database as it was, not half-loaded.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SuppressAudit = true;
        await AdministrativeUnitSeeder.SeedAsync(db, options, ct);
        var added = await PlanSeeder.SeedAsync(db, options, ct);
        var catalogue = await Features.Indicators.IndicatorSeeder.SeedAsync(db, options, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
        if (catalogue.Any)
            logger.LogInformation("Danh mục chỉ số: thêm {Added}; cập nhật từ tệp {Updated}", string.Join(", ", catalogue.Added), string.Join(", ", catalogue.Updated.Select(c => c.Code)));
        foreach (var kept in catalogue.Kept)
            logger.LogWarning("Chỉ số {Code}: giữ lời văn Bộ đã sửa ({Fields}) dù tệp danh mục khác", kept.Code, string.Join(", ", kept.Kept));
        // Plans whose issued version differs from the transcribed draft (the national plan 2026–2030).
        var versioned = await Features.PlanAuthoring.VersionSeeder.SeedAsync(db, options, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
        if (versioned.Count > 0) logger.LogInformation("Phiên bản kèm theo: {Plans}", string.Join(", ", versioned));
        // Đồng Tháp's plan states its reporting regime; set it with the plan, effective from the day it is loaded.
        if (added.Contains(DongThapPlan) && await db.Plans.FindAsync([DongThapPlan], ct) is { ProvinceCode: { } dongThap })
        {
            var today = Features.Reporting.ReportWorkflow.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
            db.ReportingRegimes.Add(Features.Reporting.SetReportingRegime.DongThapSeed(DongThapPlan, dongThap, today));
            await db.SaveChangesAsync(ct);
        }
        if (scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Data:IllustrativeValues", false))
            await Features.Indicators.IllustrativeData.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
        db.SuppressAudit = false;
        if (added.Count > 0)
        {
            // One entry for the whole load: who (the start-up), when, which plans came from which files.
            db.AuditActor = "(khởi động: nạp dữ liệu kế hoạch)";
            db.AuditEntries.Add(new AuditEntry
            {
                At = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
                UserName = db.AuditActor, EntityType = "Plan", EntityId = string.Join(",", added), Action = "Seeded",
                NewValues = System.Text.Json.JsonSerializer.Serialize(added),
            });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        await AdminBootstrap.EnsureAsync(scope.ServiceProvider, logger, ct);
    }
}
