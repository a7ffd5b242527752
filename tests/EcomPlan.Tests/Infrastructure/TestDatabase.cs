using EcomPlan.Web.Data;
using Npgsql;

namespace EcomPlan.Tests.Infrastructure;

/// <summary>
/// The database the suite runs against, chosen by ECOMPLAN_TEST_DB (sqlite, the default, or postgres).
/// PostgreSQL needs ECOMPLAN_TEST_PG (an admin connection string to the server the test script started);
/// each database made here is new and dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? sqliteFile;
    private readonly string? pgAdmin;
    private readonly string? pgName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? pgAdmin, string? pgName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.pgAdmin = pgAdmin;
        this.pgName = pgName;
    }

    public static DatabaseProvider ConfiguredProvider =>
        Environment.GetEnvironmentVariable("ECOMPLAN_TEST_DB")?.ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.PostgreSql,
            var other => throw new InvalidOperationException($"ECOMPLAN_TEST_DB='{other}' is neither sqlite nor postgres"),
        };

    public static async Task<TestDatabase> CreateAsync()
    {
        if (ConfiguredProvider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"ecomplan-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", file, null, null);
        }
        // Never fall back to SQLite silently: a PostgreSQL run without a server is a failed run.
        var admin = Environment.GetEnvironmentVariable("ECOMPLAN_TEST_PG")
            ?? throw new InvalidOperationException("ECOMPLAN_TEST_DB=postgres but ECOMPLAN_TEST_PG (admin connection string) is not set");
        var name = $"ecomplan_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.PostgreSql, cs, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        if (pgAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(pgAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
