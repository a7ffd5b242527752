using EcomPlan.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Tests.Infrastructure;

/// <summary>The real application on the test database, seeded from the real plan files.</summary>
public class EcomPlanApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; protected set; } = default!;

    public const string AdminPassword = "Admin-Passw0rd-EcomPlan";

    /// <summary>The configured public address: every link in an e-mail starts with it, whatever Host a request names.</summary>
    public const string PublicBaseUrl = "http://ecomplan.test";

    /// <summary>High by default so the suite's many sign-ins are not throttled; the rate-limit test lowers it.</summary>
    protected virtual int LoginRequestsPerMinute => 100_000;

    /// <summary>Overrides the seed-data folder (tests of malformed files).</summary>
    protected virtual string? SeedDataPath => null;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        // Start the host now, so seeding happens once for the whole collection.
        _ = Services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:EcomPlan", Database.ConnectionString);
        if (SeedDataPath is not null) builder.UseSetting("SeedData:Path", SeedDataPath);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", SmtpTestServer.Instance.Port.ToString());
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Security:LoginRequestsPerMinute", LoginRequestsPerMinute.ToString());
        builder.UseSetting("Admin:Email", "admin@test.ecomplan.local");
        // The tests run the reporting job themselves, at the dates they choose.
        builder.UseSetting("Reporting:Jobs", "false");
        builder.UseSetting("Site:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Admin:Password", AdminPassword);
    }

    public EcomPlanDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<EcomPlanDbContext>();

    Task IAsyncLifetime.DisposeAsync() => DisposeAllAsync();

    protected virtual async Task DisposeAllAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<EcomPlanApp>
{
    public const string Name = "app";
}

/// <summary>An application of its own for tests that change data (publication, roles), so read tests see the seed.</summary>
public sealed class MutationApp : EcomPlanApp;

[CollectionDefinition(Name)]
public sealed class MutationCollection : ICollectionFixture<MutationApp>
{
    public const string Name = "mutations";
}
