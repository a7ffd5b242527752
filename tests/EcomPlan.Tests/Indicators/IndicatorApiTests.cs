using System.Net;
using EcomPlan.Tests.Infrastructure;

namespace EcomPlan.Tests.Indicators;

[Collection(AppCollection.Name)]
public class IndicatorApiTests(EcomPlanApp app)
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task The_catalogue_lists_every_indicator_sorted_the_Vietnamese_way()
    {
        var list = (await client.GetJsonAsync("/api/v1/indicators")).Items().ToList();
        Assert.Equal(28, list.Count);
        var names = list.Select(i => i.Str("nameVi")).ToList();
        Assert.Equal(names.OrderBy(n => n, Web.Infrastructure.VietnameseText.Comparer), names);
        Assert.True(list.Single(i => i.Str("code") == "b2c_revenue")["valueCount"]!.GetValue<int>() >= 7);
    }

    [Fact]
    public async Task An_indicator_has_its_series_its_targets_and_the_province_comparison()
    {
        var detail = await client.GetJsonAsync("/api/v1/indicators/b2c_revenue");
        Assert.Equal("VN", detail.Str("unitCode"));
        var series = detail["series"]!.Items().ToList();
        Assert.Equal(Enumerable.Range(2019, 7), series.Select(s => s["year"]!.GetValue<int>()));
        Assert.Equal(10.08m, series[0]["value"]!.GetValue<decimal>());
        Assert.Contains(detail["targets"]!.Items(), t => t.Str("planId") == "national-2021-2025" && t.Str("key") == "1.b.2");

        var dongThap = await client.GetJsonAsync("/api/v1/indicators/online_shoppers_population_share?unit=82");
        Assert.Equal(60.82m, dongThap["series"]![0]!["value"]!.GetValue<decimal>());
        Assert.Contains(dongThap["latestByProvince"]!.Items(), v => v.Str("unitCode") == "82");
    }

    [Fact]
    public async Task Regions_projection_and_export_follow_the_catalogue_and_the_series()
    {
        var shoppers = await client.GetJsonAsync("/api/v1/indicators/online_shoppers_population_share?unit=82");
        var region = Assert.Single(shoppers["regions"]!.AsArray())!;
        Assert.Equal("dong_bang_song_cuu_long", region!.Str("regionCode"));
        Assert.Equal(60.82m, region["value"]!.GetValue<decimal>());
        Assert.Equal(1, region["provincesWithData"]!.GetValue<int>());
        Assert.Equal(5, region["provinces"]!.GetValue<int>());
        // B2C revenue is national only: it does not roll up into regions.
        Assert.Empty((await client.GetJsonAsync("/api/v1/indicators/b2c_revenue"))["regions"]!.AsArray());

        // Retail share 4,9% (2019) → 12% (2025), national target 20% in 2030: projected on the chart.
        var share = await client.GetJsonAsync("/api/v1/indicators/ecommerce_retail_share");
        var projected = share["projection"]!.Items().Single(p => p.Str("targetKey") == "2.1.3");
        Assert.Equal(2030, projected["year"]!.GetValue<int>());
        Assert.True(projected["value"]!.GetValue<decimal>() > 12m);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/indicators/ecommerce_retail_share"));
        Assert.Contains("Dự báo theo xu hướng", html);

        var csv = await client.GetStringAsync("/api/v1/indicators/b2c_revenue/values/export?format=csv");
        Assert.Contains("b2c_revenue,VN,2019,10.08,iDEA/MOIT White Book 2020", csv);
        var xlsx = await client.GetByteArrayAsync("/api/v1/indicators/b2c_revenue/values/export?format=xlsx");
        var rows = Web.Infrastructure.Spreadsheet.Read(new MemoryStream(xlsx), "x.xlsx");
        Assert.Equal(8, rows.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/indicators/khong_co/values/export")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_indicator_is_404()
    {
        var (status, problem, _) = await client.GetProblemAsync("/api/v1/indicators/khong_co");
        Assert.Equal(404, status);
        Assert.Contains("khong_co", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/indicators/khong_co")).StatusCode);
    }

    [Fact]
    public async Task The_indicator_page_has_a_chart_with_its_table_and_the_target_lines()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/indicators/b2c_revenue"));
        Assert.Contains("data-chart=\"line\"", html);
        Assert.Contains("Bảng số liệu", html);
        Assert.Contains("1.b.2 (2025)", html);
        Assert.Contains("10,08 tỷ USD", html);
    }
}
