using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Reporting;

/// <summary>An application of its own for the reporting tests: they open cycles and send reminders.</summary>
public sealed class ReportingApp : EcomPlanApp
{
    public const string Plan = "dong-thap-2026-2030";

    /// <summary>Đồng Tháp's Department with a token, and the agency that leads most tasks with one of its reporters.</summary>
    public async Task<(HttpClient Department, HttpClient Reporter, string ReporterEmail, int Agency)> ActorsAsync()
    {
        var agency = await this.AgencyIdAsync("82", "Sở Công Thương");
        var (adminId, _) = await this.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var (reporterId, email) = await this.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = agency });
        return (this.ClientWithToken(await this.TokenForAsync(adminId)), this.ClientWithToken(await this.TokenForAsync(reporterId)), email, agency);
    }

    /// <summary>Opens an ad-hoc cycle of Đồng Tháp's plan due in <paramref name="daysToDue"/> days; returns its id and the agency's report id.</summary>
    public async Task<(int Cycle, int Report)> OpenAdHocAsync(HttpClient department, int agency, string label, int daysToDue = 10)
    {
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(daysToDue);
        var response = await department.PostAsJsonAsync($"/api/v1/plans/{Plan}/reporting-cycles", new { label, due = due.ToString("yyyy-MM-dd") });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var cycle = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        await using var db = CreateDbContext();
        var report = await db.Reports.Where(r => r.CycleId == cycle && r.AgencyId == agency).Select(r => r.Id).SingleAsync();
        return (cycle, report);
    }
}

[CollectionDefinition(Name)]
public sealed class ReportingCollection : ICollectionFixture<ReportingApp>
{
    public const string Name = "reporting";
}

/// <summary>A second instance of the application on the same database, as when two servers run the job at once.</summary>
public sealed class SecondInstance : EcomPlanApp
{
    private readonly TestDatabase shared;

    public SecondInstance(TestDatabase database) => shared = database;

    public override Task InitializeAsync()
    {
        Database = shared;
        _ = Services;
        return Task.CompletedTask;
    }

    protected override async Task DisposeAllAsync() => await DisposeAsync();
}
