using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Data;

/// <summary>
/// The seeded database holds what the documents hold: counts per group counted by hand in the documents,
/// and a sample of exact values, agencies and years. Runs on SQLite and on PostgreSQL.
/// </summary>
[Collection(AppCollection.Name)]
public class PlanDataTests(EcomPlanApp app)
{
    private readonly HttpClient client = app.CreateClient();

    public static TheoryData<string, string, int> TargetGroupCounts => new()
    {
        // national-2021-2025 (645/QĐ-TTg, B.II): items 1.a, 1.b and 2.a each state several targets.
        { "national-2021-2025", "1", 5 }, { "national-2021-2025", "2", 5 }, { "national-2021-2025", "3", 2 },
        { "national-2021-2025", "4", 4 }, { "national-2021-2025", "5", 2 },
        // national-2026-2030 draft, II.2.1–2.5, "……" rows excluded.
        { "national-2026-2030", "2.1", 3 }, { "national-2026-2030", "2.2", 3 }, { "national-2026-2030", "2.3", 1 },
        { "national-2026-2030", "2.4", 3 }, { "national-2026-2030", "2.5", 2 },
        // Khánh Hòa 953/QĐ-UBND, II.2 a–n.
        { "khanh-hoa-2026-2030", "II.2", 13 },
        // Đồng Tháp 244/KH-UBND, Annex 1 groups I–V (body 2.2 a–đ and Annex 1 merged, plastic packaging only in the annex).
        { "dong-thap-2026-2030", "I", 4 }, { "dong-thap-2026-2030", "II", 5 }, { "dong-thap-2026-2030", "III", 1 },
        { "dong-thap-2026-2030", "IV", 4 }, { "dong-thap-2026-2030", "V", 2 },
        // Đồng Tháp 2021–2025 as evaluated in section I of 244/KH-UBND.
        { "dong-thap-2021-2025", "I.1", 7 },
    };

    public static TheoryData<string, string, int, int> TaskGroupCounts => new()
    {
        // Khánh Hòa Annex 1: groups I–VII.
        { "khanh-hoa-2026-2030", "I", 10, 0 }, { "khanh-hoa-2026-2030", "II", 6, 0 }, { "khanh-hoa-2026-2030", "III", 3, 0 },
        { "khanh-hoa-2026-2030", "IV", 4, 0 }, { "khanh-hoa-2026-2030", "V", 9, 0 }, { "khanh-hoa-2026-2030", "VI", 1, 0 },
        { "khanh-hoa-2026-2030", "VII", 1, 0 },
        // Đồng Tháp Annex 2: groups I–VI; rows I.9, II.5 and III.9 name no lead agency.
        { "dong-thap-2026-2030", "I", 12, 1 }, { "dong-thap-2026-2030", "II", 5, 1 }, { "dong-thap-2026-2030", "III", 10, 1 },
        { "dong-thap-2026-2030", "IV", 4, 0 }, { "dong-thap-2026-2030", "V", 8, 0 }, { "dong-thap-2026-2030", "VI", 3, 0 },
        // National 2021–2025 Annex I, by lead agency block.
        { "national-2021-2025", "PL1.1", 14, 0 }, { "national-2021-2025", "PL1.2", 5, 0 }, { "national-2021-2025", "PL1.3", 3, 0 },
        { "national-2021-2025", "PL1.4", 4, 0 }, { "national-2021-2025", "PL1.6", 6, 0 }, { "national-2021-2025", "PL1.10", 8, 0 },
    };

    [Theory]
    [MemberData(nameof(TargetGroupCounts))]
    public async Task Targets_per_group_match_the_document(string planId, string group, int expected)
    {
        if (planId == Draft)
        {
            var draft = await client.GetJsonAsync($"/api/v1/plans/{planId}/versions/1");
            Assert.Equal(expected, draft["targetGroups"]!.Items().Single(g => g.Str("code") == group)["targets"]!.AsArray().Count);
            return;
        }
        var targets = await client.GetJsonAsync($"/api/v1/plans/{planId}/targets?group={Uri.EscapeDataString(group)}");
        Assert.Equal(expected, targets.AsArray().Count);
    }

    /// <summary>The national 2026–2030 document of the seeds is the draft: its transcription is version 1 of the plan.</summary>
    private const string Draft = "national-2026-2030";

    [Theory]
    [MemberData(nameof(TaskGroupCounts))]
    public async Task Tasks_per_group_match_the_document(string planId, string group, int expected, int unassigned)
    {
        var tasks = (await client.GetJsonAsync($"/api/v1/plans/{planId}/tasks?group={Uri.EscapeDataString(group)}")).Items().ToList();
        Assert.Equal(expected, tasks.Count);
        Assert.Equal(unassigned, tasks.Count(t => t["leadAgencies"]!.AsArray().Count == 0));
    }

    [Theory]
    [InlineData("national-2021-2025", 18, 107)] // Annex I: 48 activities; Annex II: 59 programme contents
    [InlineData("national-2026-2030", 12, 20)]
    [InlineData("khanh-hoa-2026-2030", 13, 34)]
    [InlineData("dong-thap-2026-2030", 16, 42)]
    [InlineData("dong-thap-2021-2025", 7, 0)]
    public async Task Plan_totals_match_the_document(string planId, int targets, int tasks)
    {
        if (planId == Draft)
        {
            var draft = await client.GetJsonAsync($"/api/v1/plans/{planId}/versions/1");
            Assert.Equal(targets, draft["targetGroups"]!.Items().Sum(g => g["targets"]!.AsArray().Count));
            Assert.Equal(tasks, draft["taskGroups"]!.Items().Sum(g => g["tasks"]!.AsArray().Count));
            return;
        }
        var plan = await client.GetJsonAsync($"/api/v1/plans/{planId}");
        Assert.Equal(targets, plan["targetCount"]!.GetValue<int>());
        Assert.Equal(tasks, plan["taskCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_issued_national_plan_differs_from_its_draft_as_the_press_reports_the_signed_decision()
    {
        var versions = (await client.GetJsonAsync($"/api/v1/plans/{Draft}/versions")).Items().ToList();
        Assert.Equal([("draft", false), ("issue", true)], versions.Select(v => (v.Str("kind"), v["inForce"]!.GetValue<bool>())));
        Assert.Equal(("1568/QĐ-BCT", "2025-06-03", "provisional"), (versions[1].Str("documentNumber"), versions[1].Str("effectiveDate"), versions[1].Str("sourceKind")));
        var diff = await client.GetJsonAsync($"/api/v1/plans/{Draft}/diff?from=1&to=2");
        var targets = diff["targets"]!.Items().ToDictionary(t => t.Str("key"));
        Assert.Equal(["2.1.1", "2.1.2", "2.1.3", "2.2.3", "BS.1", "BS.2", "BS.3"], targets.Keys.Order());
        string? Field(string key, string field, string side) => targets[key]["fields"]!.Items().Single(f => f.Str("field") == field)[side]?.GetValue<string>();
        Assert.Equal(("online_shoppers_population_share", "online_shoppers_adult_share"), (Field("2.1.1", "indicator", "old"), Field("2.1.1", "indicator", "new")));
        Assert.Equal(("25", "30"), (Field("2.1.2", "max", "old"), Field("2.1.2", "max", "new")));
        Assert.Equal(("70", "60"), (Field("2.2.3", "value", "old"), Field("2.2.3", "value", "new")));
        Assert.Equal(["added", "added", "added"], new[] { "BS.1", "BS.2", "BS.3" }.Select(k => targets[k].Str("kind")));
        Assert.Empty(diff["tasks"]!.AsArray());
        // The plan reads as issued; the websites target is a band of a lower-is-better indicator: at most 10%, aiming at 5%.
        var live = (await client.GetJsonAsync($"/api/v1/plans/{Draft}/targets")).Items().ToDictionary(t => t.Str("key"));
        Assert.Equal(15, live.Count);
        Assert.Equal("≤ 10%, phấn đấu 5%", live["BS.2"].Str("requirement"));
    }

    [Fact]
    public async Task Dong_Thap_contradictions_are_kept_with_both_sources()
    {
        var targets = (await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/targets")).Items().ToDictionary(t => t.Str("key"));

        var invoice = targets["II.2"];
        Assert.Equal(100m, invoice["value"]!.GetValue<decimal>());
        Assert.Equal(32, invoice["source"]!["line"]!.GetValue<int>());
        var invoiceConflict = Assert.Single(invoice["conflicts"]!.AsArray());
        Assert.Equal(80m, invoiceConflict!["value"]!.GetValue<decimal>());
        Assert.Contains("Phụ lục 1", invoiceConflict["source"]!.Str("section"));

        var growth = targets["I.2"];
        Assert.Equal("growth", growth.Str("kind"));
        Assert.Equal(20m, growth["min"]!.GetValue<decimal>());
        Assert.Equal(30m, growth["max"]!.GetValue<decimal>());
        Assert.Equal(20m, Assert.Single(growth["conflicts"]!.AsArray())!["value"]!.GetValue<decimal>());

        // Third: the retail share is "of the whole country's retail" in the body, of total retail in Annex 1.
        var share = targets["I.3"];
        Assert.Contains("cả nước", share.Str("text"));
        Assert.DoesNotContain("cả nước", Assert.Single(share["conflicts"]!.AsArray())!.Str("text"));

        Assert.Equal(3, targets.Values.Count(t => t["conflicts"]!.AsArray().Count > 0));
        var plan = await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030");
        Assert.Equal(3, plan["conflictCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Target_kinds_values_units_and_monitors_are_exact()
    {
        var dt = (await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/targets")).Items().ToDictionary(t => t.Str("key"));
        Assert.Equal("floor", dt["I.1"].Str("kind"));
        Assert.Equal(70m, dt["I.1"]["value"]!.GetValue<decimal>());
        Assert.Equal(["Cục Thống kê"], dt["I.1"]["monitoringAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(60.82m, dt["I.1"]["baseline"]!["value"]!.GetValue<decimal>());
        Assert.True(dt["II.1"]["exclusive"]!.GetValue<bool>());
        // "không quá 8-15% doanh thu": a cost, lower is better, so a band (at most 15, aiming at 8), not a two-sided range.
        Assert.Equal("band", dt["II.4"].Str("kind"));
        Assert.Equal(8m, dt["II.4"]["min"]!.GetValue<decimal>());
        Assert.Equal(15m, dt["II.4"]["max"]!.GetValue<decimal>());
        Assert.Equal("ceiling", dt["IV.1"].Str("kind"));
        Assert.Equal(45m, dt["IV.1"]["value"]!.GetValue<decimal>());
        Assert.Equal(["Ngân hàng Nhà nước chi nhánh Khu vực 13"], dt["II.3"]["monitoringAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(3, dt["V.2"]["monitoringAgencies"]!.AsArray().Count);

        var kh = (await client.GetJsonAsync("/api/v1/plans/khanh-hoa-2026-2030/targets")).Items().ToDictionary(t => t.Str("key"));
        Assert.Equal("rank", kh["II.2.a"].Str("kind"));
        Assert.Equal(10m, kh["II.2.a"]["value"]!.GetValue<decimal>());
        Assert.Equal("ceiling", kh["II.2.g"].Str("kind"));
        Assert.True(kh["II.2.g"]["exclusive"]!.GetValue<bool>());
        Assert.Equal("count", kh["II.2.n"].Str("kind"));
        Assert.Equal(15000m, kh["II.2.n"]["value"]!.GetValue<decimal>());
        Assert.Equal("online_shoppers_adult_share", kh["II.2.b"].Str("indicator"));

        var national = (await client.GetJsonAsync("/api/v1/plans/national-2021-2025/targets")).Items().ToDictionary(t => t.Str("key"));
        Assert.Equal("share_of_share", national["2.a.2"].Str("kind"));
        Assert.Equal(80m, national["2.a.2"]["value"]!.GetValue<decimal>());
        Assert.Equal(1_000_000m, national["5.b"]["value"]!.GetValue<decimal>());
        Assert.Equal("qualitative", national["2.d"].Str("kind"));
        Assert.Null(national["2.d"]["value"]);
        Assert.Equal(2025, national["1.a.1"]["deadlineYear"]!.GetValue<int>());
    }

    [Fact]
    public async Task Dong_Thap_2021_2025_results_are_those_the_document_reports()
    {
        var targets = (await client.GetJsonAsync("/api/v1/plans/dong-thap-2021-2025/targets")).Items().ToList();
        decimal? Result(string indicator) => targets.Single(t => t["indicator"]?.GetValue<string>() == indicator)["result"]!["value"]?.GetValue<decimal>();
        decimal Target(string indicator) => targets.Single(t => t["indicator"]?.GetValue<string>() == indicator)["value"]!.GetValue<decimal>();
        Assert.Equal((60.82m, 55m), (Result("online_shoppers_population_share")!.Value, Target("online_shoppers_population_share")));
        Assert.Equal((95m, 50m), (Result("enterprises_applying_ecommerce")!.Value, Target("enterprises_applying_ecommerce")));
        Assert.Equal((100m, 50m), (Result("communes_with_online_merchants")!.Value, Target("communes_with_online_merchants")));
        Assert.Equal((47m, 50m), (Result("sme_on_ecommerce_platforms")!.Value, Target("sme_on_ecommerce_platforms")));
        Assert.Equal((10m, 20m), (Result("ecommerce_retail_growth")!.Value, Target("ecommerce_retail_growth")));
    }

    [Fact]
    public async Task Tasks_carry_their_agencies_years_and_source()
    {
        var kh = (await client.GetJsonAsync("/api/v1/plans/khanh-hoa-2026-2030/tasks?group=I")).Items().ToList();
        var customs = kh.Single(t => t["number"]!.GetValue<string>() == "4");
        Assert.Equal(["Chi cục Hải quan khu vực XIII"], customs["leadAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(2026, customs["startYear"]!.GetValue<int>());
        Assert.Equal(2030, customs["endYear"]!.GetValue<int>());
        Assert.Equal(336, customs["source"]!["line"]!.GetValue<int>());
        var twoLeads = kh.Single(t => t["number"]!.GetValue<string>() == "3");
        Assert.Equal(["Sở Công Thương", "Công an tỉnh"], twoLeads["leadAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));

        var national = (await client.GetJsonAsync("/api/v1/plans/national-2021-2025/tasks?group=PL1.1")).Items().First();
        Assert.StartsWith("Tổ chức triển khai thực hiện Kế hoạch tổng thể", national.Str("text"));
        Assert.Equal(["Bộ Công Thương"], national["leadAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["Các bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], national["coordinatingAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal((2021, 2025), (national["startYear"]!.GetValue<int>(), national["endYear"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Agencies_are_one_record_per_name_and_province()
    {
        await using var db = app.CreateDbContext();
        var dupes = await db.Agencies.GroupBy(a => new { a.ProvinceCode, a.SearchText }).Where(g => g.Count() > 1).CountAsync();
        Assert.Equal(0, dupes);
        // Sở Công Thương exists once for Khánh Hòa and once for Đồng Tháp, and is used by many tasks of each.
        var so = await db.Agencies.Where(a => a.Name == "Sở Công Thương").Select(a => a.ProvinceCode).OrderBy(c => c).ToListAsync();
        Assert.Equal(["56", "82"], so);
        var khSo = await db.Agencies.SingleAsync(a => a.Name == "Sở Công Thương" && a.ProvinceCode == "56");
        Assert.True(await db.TaskAgencies.CountAsync(t => t.AgencyId == khSo.Id && t.Role == AgencyRole.Lead) > 5);
        // Bộ Công Thương is one national agency shared by both national plans.
        var bct = await db.Agencies.SingleAsync(a => a.Name == "Bộ Công Thương" && a.ProvinceCode == null);
        var plans = await db.TaskAgencies.Where(t => t.AgencyId == bct.Id).Select(t => db.Tasks.First(x => x.Id == t.TaskId).PlanId).Distinct().ToListAsync();
        Assert.Equal(["national-2021-2025", "national-2026-2030"], plans.Order());
    }

    [Fact]
    public async Task Administrative_units_are_loaded_as_reference_data()
    {
        var regions = (await client.GetJsonAsync("/api/v1/regions")).Items().ToList();
        Assert.Equal(6, regions.Count);
        Assert.Equal(34, regions.Sum(r => r["provinceCount"]!.GetValue<int>()));
        var provinces = (await client.GetJsonAsync("/api/v1/provinces")).Items().ToList();
        Assert.Equal(34, provinces.Count);
        Assert.Equal(3321, provinces.Sum(p => p["communeCount"]!.GetValue<int>()));
        var dongThap = await client.GetJsonAsync("/api/v1/provinces/82");
        Assert.Equal("Đồng Tháp", dongThap.Str("name"));
        Assert.Equal("dong_bang_song_cuu_long", dongThap.Str("regionCode"));
        // Sorted the Vietnamese way: Đ after D.
        var names = provinces.Select(p => p.Str("name")).ToList();
        Assert.True(names.IndexOf("Đồng Tháp") > names.IndexOf("Cần Thơ") && names.IndexOf("Đồng Tháp") < names.IndexOf("Gia Lai"));
    }
}

[Collection(AppCollection.Name)]
public class ProviderTests(EcomPlanApp app)
{
    [Fact]
    public async Task The_suite_runs_on_the_provider_the_test_command_asked_for()
    {
        await using var db = app.CreateDbContext();
        var expected = TestDatabase.ConfiguredProvider == Web.Data.DatabaseProvider.PostgreSql
            ? "Npgsql.EntityFrameworkCore.PostgreSQL"
            : "Microsoft.EntityFrameworkCore.Sqlite";
        Assert.Equal(expected, db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
