using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Startup;

/// <summary>Start-up on a fresh database: a malformed plan file stops the application and writes no plan.</summary>
public class StartupTests
{
    internal sealed class App(TestDatabase db, string seedPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", db.Provider.ToString());
            builder.UseSetting("ConnectionStrings:EcomPlan", db.ConnectionString);
            builder.UseSetting("SeedData:Path", seedPath);
        }
    }

    internal static string CopySeedData()
    {
        var source = new SeedDataOptions().Path;
        var target = Path.Combine(Path.GetTempPath(), $"ecomplan-seed-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }

    internal static EcomPlanDbContext Open(TestDatabase db) =>
        new(((DbContextOptionsBuilder<EcomPlanDbContext>)new DbContextOptionsBuilder<EcomPlanDbContext>().UseEcomPlanDatabase(db.Provider, db.ConnectionString)).Options);

    [Fact]
    public async Task A_malformed_plan_file_stops_start_up_naming_file_line_and_problem_and_writes_no_plan()
    {
        var seed = CopySeedData();
        var path = Path.Combine(seed, "plans", "khanh-hoa-2026-2030.yaml");
        var lines = await File.ReadAllLinesAsync(path);
        var index = Array.FindIndex(lines, l => l.Trim() == "kind: rank");
        Assert.True(index >= 0);
        lines[index] = lines[index].Replace("kind: rank", "kind: top_ten");
        await File.WriteAllLinesAsync(path, lines);

        await using var db = await TestDatabase.CreateAsync();
        using var app = new App(db, seed);
        var thrown = Assert.ThrowsAny<Exception>(() => app.Services);
        var error = FindPlanFileException(thrown);
        Assert.Equal("khanh-hoa-2026-2030.yaml", error.File);
        Assert.Equal(index + 1, error.LineNumber);
        Assert.Contains("top_ten", error.Problem);
        Assert.Contains($"'khanh-hoa-2026-2030.yaml', dòng {index + 1}", error.Message);

        // All plans are checked before any is written: not even the valid ones were stored.
        await using var context = Open(db);
        Assert.Equal(0, await context.Plans.CountAsync());
        Directory.Delete(seed, recursive: true);
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_adds_nothing_twice()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seed = new SeedDataOptions().Path;
        int targets, agencies;
        using (var first = new App(db, seed)) { _ = first.Services; }
        await using (var context = Open(db)) { targets = await context.Targets.CountAsync(); agencies = await context.Agencies.CountAsync(); }
        using (var second = new App(db, seed)) { _ = second.Services; }
        await using (var context = Open(db))
        {
            Assert.Equal(targets, await context.Targets.CountAsync());
            Assert.Equal(agencies, await context.Agencies.CountAsync());
            Assert.Equal(34, await context.Provinces.CountAsync());
        }
    }

    [Fact]
    public async Task A_new_plan_file_naming_an_unknown_indicator_on_an_existing_database_changes_nothing_and_names_its_line()
    {
        await using var db = await TestDatabase.CreateAsync();
        using (var first = new App(db, new SeedDataOptions().Path)) { _ = first.Services; }
        int plans, audit, values;
        await using (var context = Open(db))
            (plans, audit, values) = (await context.Plans.CountAsync(), await context.AuditEntries.CountAsync(), await context.DataValues.CountAsync());

        // A new, otherwise valid plan file for another province, one of whose targets names an indicator nobody defined.
        var seed = CopySeedData();
        var source = await File.ReadAllTextAsync(Path.Combine(seed, "plans", "khanh-hoa-2026-2030.yaml"));
        var copy = source.Replace("id: khanh-hoa-2026-2030", "id: khanh-hoa-ban-sao-2026-2030");
        var at = copy.IndexOf("indicator: ", copy.IndexOf("targetGroups:", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = copy.IndexOf('\n', at);
        copy = copy[..at] + "indicator: chi_so_khong_co" + copy[end..];
        var line = copy[..at].Count(c => c == '\n') + 1;
        await File.WriteAllTextAsync(Path.Combine(seed, "plans", "khanh-hoa-ban-sao.yaml"), copy);

        using var second = new App(db, seed);
        var error = FindPlanFileException(Assert.ThrowsAny<Exception>(() => second.Services));
        Assert.Equal(("khanh-hoa-ban-sao.yaml", line), (error.File, error.LineNumber));
        Assert.Contains("chi_so_khong_co", error.Problem);
        await using (var context = Open(db))
        {
            Assert.Equal(plans, await context.Plans.CountAsync());
            Assert.Equal(audit, await context.AuditEntries.CountAsync());
            Assert.Equal(values, await context.DataValues.CountAsync());
        }
        Directory.Delete(seed, recursive: true);
    }

    internal static PlanFileException FindPlanFileException(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is PlanFileException p) return p;
        if (e is AggregateException agg)
            foreach (var inner in agg.Flatten().InnerExceptions)
                if (inner is PlanFileException p) return p;
        throw new Xunit.Sdk.XunitException("No PlanFileException in: " + e);
    }
}
