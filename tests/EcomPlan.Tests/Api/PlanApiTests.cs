using EcomPlan.Tests.Infrastructure;

namespace EcomPlan.Tests.Api;

[Collection(AppCollection.Name)]
public class PlanApiTests(EcomPlanApp app)
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task Plan_list_has_the_documented_camelCase_fields()
    {
        var plans = (await client.GetJsonAsync("/api/v1/plans")).Items().ToList();
        Assert.Equal(5, plans.Count);
        var kh = plans.Single(p => p.Str("id") == "khanh-hoa-2026-2030");
        Assert.Equal("provincial", kh.Str("level"));
        Assert.Equal("56", kh.Str("provinceCode"));
        Assert.Equal(2026, kh["periodStart"]!.GetValue<int>());
        Assert.Equal(2030, kh["periodEnd"]!.GetValue<int>());
        Assert.Equal("953/QĐ-UBND", kh.Str("documentNumber"));
        Assert.Equal("2026-03-23", kh.Str("documentDate"));
        Assert.Equal("approved", kh.Str("status"));
        Assert.StartsWith("Kế hoạch phát triển thương mại điện tử tỉnh Khánh Hòa", kh.Str("title"));
        // The national plan 2026–2030 as issued (1568/QĐ-BCT), known from the press: issued, but a provisional source.
        var national = plans.Single(p => p.Str("id") == "national-2026-2030");
        Assert.Equal(("approved", "1568/QĐ-BCT", "provisional"), (national.Str("status"), national.Str("documentNumber"), national.Str("sourceKind")));
        Assert.Equal("national", national.Str("level"));
        Assert.Null(national["provinceCode"]);
        Assert.Equal("original", kh.Str("sourceKind"));
        // National plans first, newest period first.
        Assert.Equal("national", plans[0].Str("level"));
    }

    [Fact]
    public async Task A_target_and_a_task_have_the_documented_fields()
    {
        var target = (await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/targets")).Items().First();
        foreach (var field in new[] { "id", "group", "text", "kind", "value", "min", "max", "unit", "deadlineYear", "source", "monitoringAgencies", "conflicts" })
            Assert.True(target.AsObject().ContainsKey(field), $"target lacks '{field}'");
        var task = (await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/tasks")).Items().First();
        foreach (var field in new[] { "id", "group", "text", "leadAgencies", "coordinatingAgencies", "startYear", "endYear", "source" })
            Assert.True(task.AsObject().ContainsKey(field), $"task lacks '{field}'");
        Assert.Equal("004_a65b8c3d4f9ed49f.txt", task["source"]!.Str("document"));
    }

    [Theory]
    [InlineData("/api/v1/plans/no-such-plan")]
    [InlineData("/api/v1/plans/no-such-plan/targets")]
    [InlineData("/api/v1/plans/no-such-plan/tasks")]
    [InlineData("/api/v1/plans/no-such-plan/alignment")]
    [InlineData("/api/v1/plans/no-such-plan/document")]
    [InlineData("/api/v1/agencies/999999")]
    [InlineData("/api/v1/provinces/99")]
    [InlineData("/api/v1/provinces/99/communes")]
    [InlineData("/api/v1/no-such-route")]
    public async Task Unknown_ids_give_a_404_ProblemDetails(string url)
    {
        var (status, problem, contentType) = await client.GetProblemAsync(url);
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/api/v1/plans/khanh-hoa-2026-2030/tasks?group=XX", "không có nhóm 'XX'")]
    [InlineData("/api/v1/plans/khanh-hoa-2026-2030/targets?group=XX", "không có nhóm 'XX'")]
    [InlineData("/api/v1/plans/khanh-hoa-2026-2030/tasks?agency=999999", "Không có cơ quan mã 999999")]
    [InlineData("/api/v1/plans/national-2026-2030/alignment", "không phải kế hoạch cấp tỉnh")]
    public async Task Bad_filters_give_a_400_with_a_Vietnamese_reason(string url, string reason)
    {
        var (status, problem, _) = await client.GetProblemAsync(url);
        Assert.Equal(400, status);
        Assert.Contains(reason, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_overlong_search_is_refused()
    {
        var (status, _, _) = await client.GetProblemAsync("/api/v1/plans/khanh-hoa-2026-2030/tasks?q=" + new string('a', 201));
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task A_non_numeric_agency_id_is_a_400_not_a_crash()
    {
        var (status, problem, contentType) = await client.GetProblemAsync("/api/v1/plans/khanh-hoa-2026-2030/tasks?agency=abc");
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("Yêu cầu không hợp lệ", problem["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("hoa don dien tu")]
    [InlineData("HÓA ĐƠN ĐIỆN TỬ")]
    [InlineData("Hóa đơn điện tử")]
    public async Task Search_ignores_diacritics_and_case(string q)
    {
        var targets = (await client.GetJsonAsync($"/api/v1/plans/dong-thap-2026-2030/targets?q={Uri.EscapeDataString(q)}")).Items().ToList();
        Assert.Contains(targets, t => t.Str("key") == "II.2");
        Assert.All(targets, t => Assert.Contains("hóa đơn điện tử", t.Str("text"), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_finds_tasks_by_agency_name_too()
    {
        var tasks = (await client.GetJsonAsync("/api/v1/plans/khanh-hoa-2026-2030/tasks?q=hai%20quan")).Items().ToList();
        Assert.Contains(tasks, t => t["leadAgencies"]!.AsArray().Any(a => a!.GetValue<string>() == "Chi cục Hải quan khu vực XIII"));
    }

    [Fact]
    public async Task Unassigned_filter_lists_tasks_without_lead_agency()
    {
        var tasks = (await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/tasks?unassigned=true")).Items().ToList();
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.True(t["unassigned"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Alignment_sets_Dong_Thap_95_beside_national_70()
    {
        var result = await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/alignment");
        var pair = result["pairs"]!.Items().Single(p => p["provincial"]!.Str("indicator") == "enterprises_applying_ecommerce");
        Assert.Equal(95m, pair["provincial"]!["value"]!.GetValue<decimal>());
        Assert.Equal(70m, pair["national"]!["value"]!.GetValue<decimal>());
        Assert.Equal("higher", pair.Str("ambition"));
        Assert.Contains(result["notAdopted"]!.Items(), t => t.Str("indicator") == "b2c_share_outside_hanoi_hcmc");
        Assert.Contains(result["provinceOnly"]!.Items(), t => t.Str("indicator") == "last_mile_cost_share");
    }

    [Fact]
    public async Task Alignment_keeps_adult_population_and_total_population_apart()
    {
        // The issued national plan counts adults, like Khánh Hòa: the same indicator, compared.
        var kh = await client.GetJsonAsync("/api/v1/plans/khanh-hoa-2026-2030/alignment");
        var same = kh["pairs"]!.Items().Single(p => p["provincial"]!.Str("indicator") == "online_shoppers_adult_share");
        Assert.True(same["sameIndicator"]!.GetValue<bool>());
        Assert.Equal("online_shoppers_adult_share", same["national"]!.Str("indicator"));
        // Đồng Tháp counts the whole population: paired as the same concept, but flagged and not compared.
        var dt = await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/alignment");
        var sibling = dt["pairs"]!.Items().Single(p => p["provincial"]!.Str("indicator") == "online_shoppers_population_share");
        Assert.False(sibling["sameIndicator"]!.GetValue<bool>());
        Assert.Equal(("online_shoppers_adult_share", "not_comparable"), (sibling["national"]!.Str("indicator"), sibling.Str("ambition")));
    }

    [Fact]
    public async Task Agency_endpoint_lists_tasks_and_monitored_targets_across_plans()
    {
        var agencies = (await client.GetJsonAsync("/api/v1/agencies?q=so%20cong%20thuong&province=82")).Items().ToList();
        var so = Assert.Single(agencies);
        var detail = await client.GetJsonAsync($"/api/v1/agencies/{so["id"]}");
        Assert.True(detail["tasks"]!.AsArray().Count > 10);
        Assert.True(detail["monitoredTargets"]!.AsArray().Count > 5);
        Assert.All(detail["tasks"]!.Items(), t => Assert.Equal("dong-thap-2026-2030", t.Str("planId")));
    }

    [Fact]
    public async Task Communes_are_searchable_without_diacritics()
    {
        var communes = (await client.GetJsonAsync("/api/v1/provinces/82/communes?q=cao%20lanh")).Items().ToList();
        Assert.NotEmpty(communes);
        Assert.All(communes, c => Assert.Contains("Cao Lãnh", c.Str("fullName")));
    }

    [Fact]
    public async Task OpenApi_documents_every_v1_route()
    {
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/plans/{id}/targets", "/api/v1/plans/{id}/tasks", "/api/v1/plans/{id}/alignment", "/api/v1/agencies/{id}" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task The_source_document_is_served_as_UTF8_text()
    {
        var response = await client.GetAsync("/api/v1/plans/dong-thap-2026-2030/document");
        response.EnsureSuccessStatusCode();
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("100% các giao dịch trên nền tảng thương mại điện tử có hóa đơn điện tử", lines[31]);
    }
}
