using EcomPlan.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EcomPlan.Tests.Browser;

/// <summary>
/// The application on a real Kestrel port on loopback, and the Debian Chromium driven by Playwright.
/// Never downloads a browser: the executable is /usr/bin/chromium (or ECOMPLAN_CHROMIUM).
/// </summary>
public sealed class BrowserApp : EcomPlanApp
{
    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("ECOMPLAN_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Chosen before start, so the links in e-mails (built from the configured public address) lead here.</summary>
    private readonly int port = FreePort();

    public BrowserApp() => UseKestrel(port);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Site:PublicBaseUrl", $"http://127.0.0.1:{port}");
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var free = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return free;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: the test script installs the Debian package 'chromium'.");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine's network is closed: background services of Chromium would only hang on it.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    protected override async Task DisposeAllAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        await base.DisposeAllAsync();
    }
}

public static class BrowserSignIn
{
    /// <summary>Signs in through the login form, as a person does, and waits for the name in the header.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Địa chỉ thư").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync(email);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
