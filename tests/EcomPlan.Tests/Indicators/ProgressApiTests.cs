using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Seeding;

namespace EcomPlan.Tests.Indicators;

[Collection(AppCollection.Name)]
public class ProgressApiTests(EcomPlanApp app)
{
    private readonly HttpClient client = app.CreateClient();

    private async Task<Dictionary<string, System.Text.Json.Nodes.JsonNode>> TargetsOf(string planId) =>
        (await client.GetJsonAsync($"/api/v1/plans/{planId}/progress"))["targets"]!.Items().ToDictionary(t => t["target"]!.Str("key"));

    [Fact]
    public async Task Dong_Thap_2021_2025_comes_out_exactly_as_its_document_says()
    {
        var progress = await client.GetJsonAsync("/api/v1/plans/dong-thap-2021-2025/progress");
        Assert.True(progress["periodClosed"]!.GetValue<bool>());
        var byIndicator = progress["targets"]!.Items().Where(t => t["target"]!["indicator"] is not null)
            .ToDictionary(t => t["target"]!.Str("indicator"));
        (bool? Met, decimal? Value) Verdict(string indicator)
        {
            var e = byIndicator[indicator]["evaluation"]!;
            return (e["met"]?.GetValue<bool>(), e["deciding"]?["value"]?.GetValue<decimal>());
        }
        Assert.Equal((true, 60.82m), Verdict("online_shoppers_population_share"));   // 60,82% vs 55%
        Assert.Equal((true, 95m), Verdict("enterprises_applying_ecommerce"));        // 95% vs 50%
        Assert.Equal((true, 100m), Verdict("communes_with_online_merchants"));       // 100% vs 50%
        Assert.Equal((false, 10m), Verdict("ecommerce_retail_growth"));              // about 10% vs 20%
        Assert.Equal((false, 47m), Verdict("sme_on_ecommerce_platforms"));           // 47% vs 50%
        Assert.Equal("achieved", byIndicator["online_shoppers_population_share"]["progress"]!.Str("status"));
        // The status is the verdict for every target: "insufficient data" never sits beside "not met 47%".
        Assert.Equal("not_achieved", byIndicator["sme_on_ecommerce_platforms"]["progress"]!.Str("status"));
        Assert.All(progress["targets"]!.Items(), t => Assert.Equal(
            t["evaluation"]!["met"]?.GetValue<bool>() switch { true => "achieved", false => "not_achieved", _ => "insufficient_data" },
            t["progress"]!.Str("status")));
    }

    [Fact]
    public async Task The_national_2021_2025_plan_is_evaluated_on_the_national_series()
    {
        var targets = await TargetsOf("national-2021-2025");
        bool? Met(string key) => targets[key]["evaluation"]!["met"]?.GetValue<bool>();
        Assert.True(Met("1.b.3"));     // B2C share of retail 12% (2025) vs 10%
        Assert.False(Met("1.b.2"));    // B2C 32 bn USD (2025, approx.) vs 35
        Assert.False(Met("1.b.1"));    // mean growth 2021–2025 (16, 20, 25, 20, 22) = 20,6 below 25%/year
        Assert.Equal(20.6m, targets["1.b.1"]["evaluation"]!["deciding"]!["value"]!.GetValue<decimal>());
        // One status per target: the ended plan's status is its verdict, never "needs acceleration" beside "not met".
        Assert.Equal("not_achieved", targets["1.b.1"]["progress"]!.Str("status"));
        Assert.Equal("not_achieved", targets["1.b.2"]["progress"]!.Str("status"));
        Assert.Equal("achieved", targets["1.b.3"]["progress"]!.Str("status"));
        Assert.Null(Met("1.a.1"));     // 55% of the population: the latest national value (53%) is of 2020, before the period
        Assert.Contains("Không có số liệu trong kỳ", targets["1.a.1"]["evaluation"]!.Str("explanation"));
        Assert.Equal(2020, targets["1.a.1"]["progress"]!["latest"]!["year"]!.GetValue<int>());
        Assert.Equal("insufficient_data", targets["2.c"]["progress"]!.Str("status")); // no series for e-invoices
        // Every value names its source.
        Assert.All(targets["1.b.2"]["series"]!.Items(), s => Assert.False(string.IsNullOrEmpty(s.Str("source"))));
    }

    [Fact]
    public async Task An_open_plan_gets_statuses_but_no_end_of_period_verdict()
    {
        var progress = await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/progress");
        Assert.False(progress["periodClosed"]!.GetValue<bool>());
        Assert.All(progress["targets"]!.Items(), t => Assert.Null(t["evaluation"]));
        Assert.Equal(16, progress["targets"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_plans_are_404()
    {
        var (status, _, _) = await client.GetProblemAsync("/api/v1/plans/nope/progress");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task The_progress_page_shows_statuses_the_verdicts_and_the_method()
    {
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/plans/dong-thap-2021-2025/progress"));
        Assert.Contains("Kết quả cuối kỳ", html);
        Assert.DoesNotContain("Cần đẩy nhanh", html);
        Assert.DoesNotContain("Đúng tiến độ", html);
        Assert.Contains("Không đạt", html);
        Assert.Contains("60,82%", html);
        Assert.Contains("Số chỉ tiêu theo tình trạng", html);
        var method = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/progress-method"));
        Assert.Contains("0,95", method);
        Assert.Contains("0,60", method);
    }

    [Fact]
    public async Task The_dashboard_filters_by_group_status_and_monitoring_agency_and_draws_sparklines()
    {
        var national = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/plans/national-2021-2025/progress?group=1"));
        Assert.Contains("data-target-key=\"1.b.2\"", national);
        Assert.DoesNotContain("data-target-key=\"5.b\"", national);
        Assert.Contains("<svg class=\"sparkline\"", national);
        var achieved = await client.GetStringAsync("/plans/national-2021-2025/progress?status=Achieved");
        Assert.Contains("data-target-key=\"1.b.3\"", achieved);
        Assert.DoesNotContain("data-target-key=\"1.b.2\"", achieved);

        var targets = (await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/targets")).Items().ToList();
        var tax = targets.Single(t => t.Str("key") == "II.2")["monitoringAgencyIds"]![0]!.GetValue<int>();
        var byAgency = await client.GetStringAsync($"/plans/dong-thap-2026-2030/progress?agency={tax}");
        Assert.Contains("data-target-key=\"II.2\"", byAgency);
        Assert.DoesNotContain("data-target-key=\"I.1\"", byAgency);
    }

    [Fact]
    public void Every_target_indicator_is_in_the_catalogue_and_every_element_is_declared()
    {
        var options = new SeedDataOptions();
        var (indicators, elements) = IndicatorSeeder.ReadCatalogue(options);
        var codes = indicators.Select(i => i.Code).ToHashSet();
        var files = PlanSeeder.ReadAll(options, File.ReadLines(Path.Combine(options.AdminFolder, "provinces.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet());
        var used = files.SelectMany(f => f.Plan.TargetGroups.SelectMany(g => g.Targets)).Select(t => t.Indicator).OfType<string>().ToHashSet();
        Assert.Empty(used.Except(codes));
        Assert.Equal("lower", indicators.Single(i => i.Code == "websites_violating_consumer_rights").Direction);
        Assert.Equal("adult_population", indicators.Single(i => i.Code == "online_shoppers_adult_share").Denominator);
        Assert.Equal("population", indicators.Single(i => i.Code == "online_shoppers_population_share").Denominator);
        Assert.Contains(elements, e => e.Code == "adult_population");
    }
}
