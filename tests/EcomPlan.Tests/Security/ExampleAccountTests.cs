using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Security;

/// <summary>The example accounts (a published password) exist only when the operator asks for them, never in Production.</summary>
public class ExampleAccountTests
{
    private sealed class App(string environment, bool exampleAccounts) : EcomPlanApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            if (environment == "Production") builder.UseSetting("Site:PublicBaseUrl", "https://ecomplan.test");
            if (exampleAccounts) builder.UseSetting(AdminBootstrap.ExampleAccountsSetting, "true");
        }
    }

    private static async Task<int> ExampleAccountsIn(EcomPlanApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.CountAsync(u => u.Email!.EndsWith("@ecomplan.local") && !u.Email.EndsWith("@test.ecomplan.local"));
    }

    [Fact]
    public async Task Development_alone_creates_no_example_account_and_the_setting_creates_them()
    {
        var plain = new App("Development", exampleAccounts: false);
        await ((IAsyncLifetime)plain).InitializeAsync();
        try { Assert.Equal(0, await ExampleAccountsIn(plain)); }
        finally { await ((IAsyncLifetime)plain).DisposeAsync(); }

        var asked = new App("Development", exampleAccounts: true);
        await ((IAsyncLifetime)asked).InitializeAsync();
        try { Assert.Equal(8, await ExampleAccountsIn(asked)); }
        finally { await ((IAsyncLifetime)asked).DisposeAsync(); }
    }

    [Fact]
    public async Task Production_refuses_to_start_with_example_accounts()
    {
        var app = new App("Production", exampleAccounts: true);
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => ((IAsyncLifetime)app).InitializeAsync());
            Assert.Contains("Không được bật tài khoản mẫu", error.ToString());
        }
        finally { await app.Database.DisposeAsync(); }
    }

    [Fact]
    public void No_launch_profile_overrides_the_operators_environment_or_address()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "EcomPlan.slnx"))) root = Path.GetDirectoryName(root)!;
        var settings = Path.Combine(root, "src", "EcomPlan.Web", "Properties", "launchSettings.json");
        Assert.False(File.Exists(settings) && (File.ReadAllText(settings).Contains("ASPNETCORE_ENVIRONMENT") || File.ReadAllText(settings).Contains("applicationUrl")),
            "launchSettings.json sets the environment or the URLs: `dotnet run` would ignore the operator's");
    }
}
