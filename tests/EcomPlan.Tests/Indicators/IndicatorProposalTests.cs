using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Indicators;

/// <summary>A province proposes an indicator; only the Ministry decides; another province neither sees nor acts on it.</summary>
[Collection(MutationCollection.Name)]
public class IndicatorProposalTests(MutationApp app)
{
    private async Task<(HttpClient Client, string Email)> As(RoleAssignment role)
    {
        var (id, email) = await app.CreateUserAsync(role);
        return (app.ClientWithToken(await app.TokenForAsync(id)), email);
    }

    private static RoleAssignment Admin(string province) => new() { Role = UserRole.ProvincialAdministrator, ProvinceCode = province };

    private static object Proposal(string code, string? reason = "Kế hoạch 244/KH-UBND cần đo người dùng internet; số liệu từ Sở Khoa học và Công nghệ.") => new
    {
        code, nameVi = "Tỷ lệ hộ gia đình mua sắm trực tuyến", nameEn = "Share of households shopping online",
        definition = "Số hộ có thành viên mua sắm trực tuyến trong năm chia cho số hộ, nhân 100.", unit = "%", direction = "higher",
        periodType = "year", kind = "ratio", numerator = "online_shoppers", denominator = "population", factor = 100, rollup = "ratio_of_sums", reason,
    };

    private async Task<int> ProposeAsync(HttpClient province, string code)
    {
        var response = await province.PostAsJsonAsync("/api/v1/indicator-proposals", Proposal(code));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("proposed", body.Str("status"));
        Assert.Equal("82", body.Str("provinceCode"));
        return body["id"]!.GetValue<int>();
    }

    [Fact]
    public async Task A_province_proposes_the_Ministry_accepts_with_a_corrected_code_and_the_indicator_is_in_the_catalogue()
    {
        var (dongThap, dtEmail) = await As(Admin("82"));
        var (khanhHoa, _) = await As(Admin("56"));
        var (ministry, _) = await As(new RoleAssignment { Role = UserRole.MinistryEditor });
        var id = await ProposeAsync(dongThap, "households_shopping_online_share");

        // Proposed: not in the catalogue, nor its public list; shown, marked, to the Ministry and the proposing province only.
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/indicators/households_shopping_online_share")).StatusCode);
        Assert.DoesNotContain("households_shopping_online_share", await anonymous.GetStringAsync("/indicators"));
        var dtBrowser = await app.SignInAsync(dtEmail);
        var dtList = WebUtility.HtmlDecode(await dtBrowser.GetStringAsync("/indicators"));
        Assert.Contains("Chỉ số đang được đề xuất", dtList);
        Assert.Contains("households_shopping_online_share", dtList);
        Assert.Contains((await ministry.GetJsonAsync("/api/v1/indicator-proposals?status=proposed")).Items(), p => p["id"]!.GetValue<int>() == id);

        // Khánh Hòa neither sees nor decides it; a province never decides, even its own.
        Assert.DoesNotContain((await khanhHoa.GetJsonAsync("/api/v1/indicator-proposals")).Items(), p => p["id"]!.GetValue<int>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await khanhHoa.GetAsync($"/api/v1/indicator-proposals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await khanhHoa.PostAsJsonAsync($"/api/v1/indicator-proposals/{id}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dongThap.PostAsJsonAsync($"/api/v1/indicator-proposals/{id}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await khanhHoa.PostAsJsonAsync("/api/v1/indicator-proposals", new JsonObject
        {
            ["provinceCode"] = "82", ["code"] = "x", ["reason"] = "Giả danh Đồng Tháp.",
        })).StatusCode);

        var accepted = await ministry.PostAsJsonAsync($"/api/v1/indicator-proposals/{id}/accept",
            new { code = "household_online_shoppers_share", concept = "online_shoppers", remark = "Đổi mã cho thống nhất với danh mục." });
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var decided = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("accepted", "household_online_shoppers_share"), (decided.Str("status"), decided.Str("indicatorCode")));

        var indicator = (await anonymous.GetJsonAsync("/api/v1/indicators/household_online_shoppers_share"))["indicator"]!;
        Assert.Equal(("proposal", "online_shoppers", "Tỷ lệ hộ gia đình mua sắm trực tuyến"), (indicator.Str("origin"), indicator.Str("concept"), indicator.Str("nameVi")));
        Assert.Contains((await anonymous.GetJsonAsync("/api/v1/indicators")).Items(), i => i.Str("code") == "household_online_shoppers_share");
        Assert.Equal(HttpStatusCode.Conflict, (await ministry.PostAsJsonAsync($"/api/v1/indicator-proposals/{id}/refuse", new { reason = "Muộn." })).StatusCode);

        // The proposer reads the decision; the audit trail of the proposal and of the indicator it became is Đồng Tháp's to read.
        var page = WebUtility.HtmlDecode(await dtBrowser.GetStringAsync($"/indicator-proposals/{id}"));
        Assert.Contains("Đã chấp nhận", page);
        Assert.Contains("Đổi mã cho thống nhất với danh mục.", page);
        Assert.Contains("/indicators/household_online_shoppers_share", page);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == "IndicatorProposal" && a.EntityId == id.ToString()) || (a.EntityType == "Indicator" && a.EntityId == "household_online_shoppers_share"))
            .ToListAsync();
        Assert.Equal(["Added", "Modified"], audit.Where(a => a.EntityType == "IndicatorProposal").Select(a => a.Action).Order());
        Assert.Single(audit, a => a.EntityType == "Indicator" && a.Action == "Added");
        Assert.All(audit, a => Assert.Equal("82", a.ProvinceCode));
    }

    [Fact]
    public async Task Refusing_needs_a_reason_which_the_province_then_reads()
    {
        var (dongThap, dtEmail) = await As(Admin("82"));
        var (ministry, ministryEmail) = await As(new RoleAssignment { Role = UserRole.MinistryEditor });
        var id = await ProposeAsync(dongThap, "households_with_internet_share");

        var noReason = await ministry.PostAsJsonAsync($"/api/v1/indicator-proposals/{id}/refuse", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("lý do từ chối", (await noReason.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["reason"]![0]!.GetValue<string>());
        Assert.Equal("proposed", (await ministry.GetJsonAsync($"/api/v1/indicator-proposals/{id}")).Str("status"));

        // The Ministry refuses on the page; the province sees the reason on its page.
        var browser = await app.SignInAsync(ministryEmail);
        var refusedWithoutReason = WebUtility.HtmlDecode(await (await browser.PostFormAsync($"/indicator-proposals/{id}", "refuse-proposal", new() { ["RefusalReason"] = "" }))
            .Content.ReadAsStringAsync());
        Assert.Contains("id=\"reason-error\"", refusedWithoutReason);
        var refused = WebUtility.HtmlDecode(await (await browser.PostFormAsync($"/indicator-proposals/{id}", "refuse-proposal",
            new() { ["RefusalReason"] = "Đã có chỉ số online_shoppers_population_share đo cùng nội dung." })).Content.ReadAsStringAsync());
        Assert.Contains("Đã từ chối đề xuất.", refused);
        var seen = WebUtility.HtmlDecode(await (await app.SignInAsync(dtEmail)).GetStringAsync($"/indicator-proposals/{id}"));
        Assert.Contains("Đã từ chối", seen);
        Assert.Contains("Lý do: Đã có chỉ số online_shoppers_population_share đo cùng nội dung.", seen);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/v1/indicators/households_with_internet_share")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ministry.PostAsJsonAsync($"/api/v1/indicator-proposals/{id}/accept", new { })).StatusCode);
    }

    [Fact]
    public async Task A_proposal_is_checked_like_an_indicator_and_needs_a_reason_and_the_page_keeps_what_was_typed()
    {
        var (dongThap, dtEmail) = await As(Admin("82"));
        int ProposalsIn(EcomPlan.Web.Data.EcomPlanDbContext db) => db.IndicatorProposals.Count();
        int before;
        await using (var db = app.CreateDbContext()) before = ProposalsIn(db);

        var response = await dongThap.PostAsJsonAsync("/api/v1/indicator-proposals", Proposal("b2c_revenue", reason: null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("đã có trong danh mục", errors["code"]![0]!.GetValue<string>());
        Assert.Contains("Nêu lý do đề xuất", errors["reason"]![0]!.GetValue<string>());

        var browser = await app.SignInAsync(dtEmail);
        var html = WebUtility.HtmlDecode(await (await browser.PostFormAsync("/indicator-proposals/new", "propose-indicator", new()
        {
            ["Input.Code"] = "households_online_share", ["Input.NameVi"] = "Tỷ lệ hộ mua sắm trực tuyến", ["Input.NameEn"] = "Households shopping online",
            ["Input.Definition"] = "Số hộ mua sắm trực tuyến chia cho số hộ.", ["Input.Unit"] = "%", ["Input.Kind"] = "ratio",
            ["Input.Numerator"] = "online_shoppers", ["Input.Denominator"] = "", ["Input.Rollup"] = "ratio_of_sums", ["Reason"] = "",
        })).Content.ReadAsStringAsync());
        Assert.Contains("value=\"Tỷ lệ hộ mua sắm trực tuyến\"", html);
        Assert.Contains("id=\"denominator-error\"", html);
        Assert.Contains("id=\"reason-error\"", html);
        await using (var db = app.CreateDbContext()) Assert.Equal(before, ProposalsIn(db));
    }
}
