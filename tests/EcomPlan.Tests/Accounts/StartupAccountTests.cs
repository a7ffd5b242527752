using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace EcomPlan.Tests.Accounts;

/// <summary>Each test here starts an application of its own, with settings the shared ones do not have.</summary>
public class StartupAccountTests
{
    private sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Collector(this);
        public void Dispose() { }

        private sealed class Collector(LogCollector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue(formatter(state, exception));
        }
    }

    /// <summary>No Admin:Password configured: the first start prints a one-time password.</summary>
    private sealed class NoAdminPasswordApp(LogCollector logs) : EcomPlanApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Admin:Password", "");
            builder.ConfigureLogging(l => l.AddProvider(logs));
        }
    }

    private sealed class ThrottledApp : EcomPlanApp
    {
        protected override int LoginRequestsPerMinute => 3;
    }

    [Fact]
    public async Task Without_a_configured_password_the_first_administrator_gets_a_one_time_password_in_the_log()
    {
        var logs = new LogCollector();
        var app = new NoAdminPasswordApp(logs);
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var line = Assert.Single(logs.Messages, m => m.Contains("mật khẩu dùng một lần"));
            var password = Regex.Match(line, @"một lần: (\S+) —").Groups[1].Value;
            Assert.Equal(16, password.Length);

            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var response = await client.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = "admin@test.ecomplan.local", ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/change-password?required=true", response.Headers.Location!.OriginalString);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        var app = new ThrottledApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var client = app.CreateClient();
            for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
            var limited = await client.GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Contains("Quá nhiều lần thử đăng nhập", await limited.Content.ReadAsStringAsync());
            // Public pages are not throttled.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/plans")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
