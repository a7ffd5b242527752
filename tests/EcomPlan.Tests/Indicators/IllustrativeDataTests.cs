using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Indicators;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Indicators;

public class IllustrativeDataTests
{
    private sealed class IllustratedApp : EcomPlanApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Data:IllustrativeValues", "true");
        }
    }

    [Fact]
    public async Task Illustrative_values_come_only_on_request_are_labelled_and_never_mixed_into_real_figures()
    {
        var app = new IllustratedApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            await using (var db = app.CreateDbContext())
            {
                Assert.True(await db.DataValues.CountAsync(v => v.IsIllustrative) > 34 * 5);
                Assert.All(await db.DataValues.Where(v => v.IsIllustrative).Select(v => v.Source).Distinct().ToListAsync(),
                    s => Assert.Contains("minh họa", s));
            }
            var client = app.CreateClient();
            var detail = await client.GetJsonAsync("/api/v1/indicators/online_shoppers_population_share");
            Assert.Equal(34, detail["illustrativeByProvince"]!.AsArray().Count);
            // The real comparison has only Đồng Tháp, whose 60,82% the document reports.
            var real = Assert.Single(detail["latestByProvince"]!.AsArray());
            Assert.Equal(60.82m, real!["value"]!.GetValue<decimal>());
            var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/indicators/online_shoppers_population_share"));
            Assert.Contains("Dữ liệu minh họa – không phải số liệu thật", html);
            // Statuses use real values only: Khánh Hòa's plan still has no data for its targets.
            var progress = await client.GetJsonAsync("/api/v1/plans/khanh-hoa-2026-2030/progress");
            Assert.All(progress["targets"]!.Items(), t => Assert.Empty(t["series"]!.AsArray()));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

[Collection(AppCollection.Name)]
public class NoIllustrationByDefaultTests(EcomPlanApp app)
{
    [Fact]
    public async Task Without_the_switch_there_is_no_illustrative_value()
    {
        await using var db = app.CreateDbContext();
        Assert.False(await db.DataValues.AnyAsync(v => v.IsIllustrative));
    }
}
