using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Indicators;

/// <summary>The Ministry adds indicators and data elements at run time, through the API and the pages; a bad one writes nothing.</summary>
[Collection(MutationCollection.Name)]
public class CatalogueGrowthTests(MutationApp app)
{
    private async Task<(HttpClient Client, string Email, int Id)> MinistryAsync()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.MinistryEditor });
        return (app.ClientWithToken(await app.TokenForAsync(id)), email, id);
    }

    private static object Indicator(string code) => new
    {
        code, nameVi = "Tỷ lệ dân số sử dụng internet", nameEn = "Share of the population using the internet",
        definition = "Số người dùng internet chia cho dân số, nhân 100.", unit = "%", direction = "higher", periodType = "year", kind = "ratio",
        numerator = "internet_users", denominator = "population", factor = 100, rollup = "ratio_of_sums", concept = "internet_users",
    };

    private async Task<(int Indicators, int Elements, int Audit)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.Indicators.CountAsync(), await db.DataElements.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task The_Ministry_adds_a_denominator_and_an_indicator_using_it_audited()
    {
        var (ministry, _, ministryId) = await MinistryAsync();
        var element = await ministry.PostAsJsonAsync("/api/v1/data-elements",
            new { code = "internet_users", nameVi = "Số người dùng internet", nameEn = "Number of internet users", unit = "người" });
        Assert.Equal(HttpStatusCode.Created, element.StatusCode);
        var created = await ministry.PostAsJsonAsync("/api/v1/indicators", Indicator("internet_users_share"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/indicators/internet_users_share", created.Headers.Location!.OriginalString);

        var anonymous = app.CreateClient();
        var detail = await anonymous.GetJsonAsync("/api/v1/indicators/internet_users_share");
        Assert.Equal("population", detail["indicator"]!.Str("denominator"));
        Assert.Equal("ministry", detail["indicator"]!.Str("origin"));
        Assert.Contains((await anonymous.GetJsonAsync("/api/v1/indicators")).Items(), i => i.Str("code") == "internet_users_share");
        var users = (await anonymous.GetJsonAsync("/api/v1/data-elements")).Items().Single(e => e.Str("code") == "internet_users");
        Assert.Equal(["internet_users_share"], users["usedBy"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Contains("Số người dùng internet", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/data-elements")));

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == ministryId).ToListAsync();
        Assert.Contains(audit, a => a.EntityType == "Indicator" && a.EntityId == "internet_users_share" && a.Action == "Added" && a.ProvinceCode == null);
        Assert.Contains(audit, a => a.EntityType == "DataElement" && a.EntityId == "internet_users" && a.Action == "Added");
    }

    public static TheoryData<string, string, string> BadIndicators => new()
    {
        // body (JSON), field, words of the Vietnamese message
        { """{"code":"b2c_revenue"}""", "code", "đã có trong danh mục" },
        { """{"denominator":"nguoi_dung_internet"}""", "denominator", "Không có phần tử dữ liệu mã 'nguoi_dung_internet'" },
        { """{"direction":"up"}""", "direction", "Chiều tốt phải là" },
        { """{"nameVi":""}""", "nameVi", "Không được để trống" },
        { """{"code":"Chỉ Số Mới"}""", "code", "chữ thường không dấu" },
        { """{"factor":0}""", "factor", "lớn hơn 0" },
        { """{"kind":"index"}""", "kind", "Loại phải là" },
        { """{"rollup":"share_of_units_meeting"}""", "rollupCondition", "điều kiện đạt" },
        { """{"code":"population"}""", "code", "phần tử dữ liệu" },
    };

    [Theory]
    [MemberData(nameof(BadIndicators))]
    public async Task A_bad_indicator_is_a_Vietnamese_400_and_writes_nothing(string overrides, string field, string message)
    {
        var (ministry, _, _) = await MinistryAsync();
        var body = new JsonObject
        {
            ["code"] = $"bad_{Guid.NewGuid():N}", ["nameVi"] = "Chỉ số thử", ["nameEn"] = "Test indicator", ["definition"] = "Thử.", ["unit"] = "%",
            ["direction"] = "higher", ["periodType"] = "year", ["kind"] = "ratio", ["numerator"] = "online_shoppers", ["denominator"] = "population",
            ["factor"] = 100, ["rollup"] = "ratio_of_sums",
        };
        foreach (var (k, v) in JsonNode.Parse(overrides)!.AsObject()) body[k] = v?.DeepClone();
        var before = await CountsAsync();
        var response = await ministry.PostAsJsonAsync("/api/v1/indicators", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(message, problem!["errors"]![field]![0]!.GetValue<string>());
        Assert.Equal("Chưa có gì được ghi.", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_bad_data_element_is_a_Vietnamese_400_and_writes_nothing()
    {
        var (ministry, _, _) = await MinistryAsync();
        var before = await CountsAsync();
        var duplicate = await ministry.PostAsJsonAsync("/api/v1/data-elements", new { code = "population", nameVi = "Dân số", nameEn = "Population", unit = "người" });
        var problem = await duplicate.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("đã có trong danh mục phần tử dữ liệu", problem!["errors"]!["code"]![0]!.GetValue<string>());
        var empty = await ministry.PostAsJsonAsync("/api/v1/data-elements", new { code = "doanh_nghiep_thuong_mai", nameVi = "Số doanh nghiệp thương mại" });
        var errors = (await empty.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["nameEn", "unit"], errors.Select(e => e.Key).Order());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_page_form_adds_an_indicator_and_a_refused_form_keeps_what_was_typed()
    {
        var (_, email, _) = await MinistryAsync();
        var browser = await app.SignInAsync(email);
        var list = WebUtility.HtmlDecode(await browser.GetStringAsync("/indicators"));
        Assert.Contains("Thêm chỉ số", list);
        Assert.DoesNotContain("Thêm chỉ số", WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/indicators")));

        var element = await browser.PostFormAsync("/data-elements/new", "new-data-element", new()
        {
            ["Input.Code"] = "trade_enterprises", ["Input.NameVi"] = "Số doanh nghiệp thương mại", ["Input.NameEn"] = "Number of trade enterprises", ["Input.Unit"] = "doanh nghiệp",
        });
        Assert.Contains("Đã thêm phần tử dữ liệu", WebUtility.HtmlDecode(await element.Content.ReadAsStringAsync()));

        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = "trade_enterprises_online_share", ["Input.NameVi"] = "Tỷ lệ doanh nghiệp thương mại bán hàng trực tuyến",
            ["Input.NameEn"] = "Share of trade enterprises selling online", ["Input.Definition"] = "Số doanh nghiệp thương mại có bán hàng trực tuyến chia cho số doanh nghiệp thương mại, nhân 100.",
            ["Input.Unit"] = "%", ["Input.Direction"] = "higher", ["Input.PeriodType"] = "year", ["Input.Kind"] = "ratio",
            ["Input.Numerator"] = "enterprises_using_ecommerce", ["Input.Denominator"] = "trade_enterprises", ["Input.Factor"] = "100",
            ["Input.Rollup"] = "ratio_of_sums", ["Input.Concept"] = "", ["Input.Note"] = "",
        };
        var saved = WebUtility.HtmlDecode(await (await browser.PostFormAsync("/indicators/new", "new-indicator", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Đã thêm chỉ số", saved);
        await using (var db = app.CreateDbContext())
        {
            var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == "trade_enterprises_online_share");
            Assert.Equal(("trade_enterprises", "trade_enterprises_online_share", 100m), (indicator.Denominator, indicator.Concept, indicator.Factor!.Value));
        }

        // The same code again, a factor that is not a number, an unknown direction: refused, everything typed still there.
        var before = await CountsAsync();
        fields["Input.NameVi"] = "Tỷ lệ doanh nghiệp thương mại có website";
        fields["Input.Factor"] = "một trăm";
        fields["Input.Direction"] = "sideways";
        var refused = WebUtility.HtmlDecode(await (await browser.PostFormAsync("/indicators/new", "new-indicator", fields)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Đã thêm chỉ số", refused);
        Assert.Contains("value=\"Tỷ lệ doanh nghiệp thương mại có website\"", refused);
        Assert.Contains("value=\"một trăm\"", refused);
        Assert.Matches("<span class=\"field-error\" id=\"code-error\"[^>]*>Mã 'trade_enterprises_online_share' đã có trong danh mục chỉ số.</span>", refused);
        Assert.Contains("id=\"factor-error\"", refused);
        Assert.Contains("id=\"direction-error\"", refused);
        Assert.Contains("<option value=\"trade_enterprises\" selected", refused);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_Ministry_edits_a_concept_and_alignment_follows_the_data()
    {
        var (ministry, _, _) = await MinistryAsync();
        static async Task<bool> PairedAsync(HttpClient client) =>
            (await client.GetJsonAsync("/api/v1/plans/dong-thap-2026-2030/alignment"))["pairs"]!.Items()
                .Any(p => p["provincial"]!.Str("indicator") == "ecommerce_trainees_share" && p["national"]!.Str("indicator") == "ecommerce_trainees_count");
        var current = (await ministry.GetJsonAsync("/api/v1/indicators/ecommerce_trainees_share"))["indicator"]!;
        Assert.Equal("ecommerce_trainees", current.Str("concept"));
        Assert.True(await PairedAsync(ministry));

        async Task SetConceptAsync(string concept) => Assert.Equal(HttpStatusCode.NoContent, (await ministry.PutAsJsonAsync("/api/v1/indicators/ecommerce_trainees_share",
            new { nameVi = current.Str("nameVi"), nameEn = current.Str("nameEn"), definition = current.Str("definition"), note = current.Str("note"), concept })).StatusCode);
        await SetConceptAsync("ecommerce_trainees_share");
        try
        {
            Assert.False(await PairedAsync(ministry));
            var bad = await ministry.PutAsJsonAsync("/api/v1/indicators/ecommerce_trainees_share",
                new { nameVi = current.Str("nameVi"), nameEn = current.Str("nameEn"), definition = current.Str("definition"), concept = "Đào tạo" });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        finally
        {
            await SetConceptAsync("ecommerce_trainees");
        }
        Assert.True(await PairedAsync(ministry));
        await using var db = app.CreateDbContext();
        Assert.Equal("Concept", (await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == "ecommerce_trainees_share")).MinistryEditedFields);
    }
}
