using System.Net;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>
/// The import page and the review page as people use them: a press summary pasted as a provisional source is labelled
/// as such wherever the plan is shown, a refused form keeps what was typed, and the plan is issued from its review.
/// </summary>
[Collection(AuthoringCollection.Name)]
public class TextImportPageTests(AuthoringApp app)
{
    private const string HaTinh = "42";
    private const string Label = "nguồn tạm, chưa phải văn bản gốc";
    private static string PressSummary => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Unit", "PlanImportSamples", "press-summary.txt"));

    private async Task<HttpClient> SignedInAsync(UserRole role, string? province)
    {
        var (_, email) = await TextImport.UserAsync(app, role, province);
        return await app.SignInAsync(email);
    }

    private static Dictionary<string, string> Fields(string? sourceKind) => new()
    {
        ["ProvinceCode"] = HaTinh, ["SourceKind"] = sourceKind ?? "", ["SourceNote"] = "Báo Hà Tĩnh, 10/10/2025", ["Text"] = PressSummary,
        ["Title"] = "Kế hoạch phát triển thương mại điện tử tỉnh Hà Tĩnh giai đoạn 2026 - 2030", ["PeriodStart"] = "2026", ["PeriodEnd"] = "2030",
        ["CreateAgencies"] = "true",
    };

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task A_pasted_press_summary_is_a_provisional_draft_labelled_wherever_shown_and_issued_from_its_review()
    {
        var admin = await SignedInAsync(UserRole.ProvincialAdministrator, HaTinh);
        var before = await TextImport.CountsAsync(app);

        // Refused (the source is not said): the form keeps everything typed and says why; nothing is written.
        var refused = await admin.PostFormAsync("/plans/import-text", "import-text", Fields(null));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chọn nguồn của văn bản", html);
        Assert.Contains("tăng trưởng bình quân 25%/năm", html);
        Assert.Contains("value=\"Báo Hà Tĩnh, 10/10/2025\"", html);
        Assert.Equal(before, await TextImport.CountsAsync(app));

        var posted = await admin.PostFormAsync("/plans/import-text", "import-text", Fields("provisional"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var review = new Uri(new Uri("http://localhost"), posted.Headers.Location!).PathAndQuery;
        Assert.Matches("^/plans/ha-tinh-2026-2030(-[0-9]+)?/review$", review);
        var id = review.Split('/')[2];

        var page = await HtmlAsync(admin, review);
        Assert.Contains(Label, page);
        Assert.Contains("Văn bản nguồn tạm", page);
        Assert.Contains("Nguồn: Báo Hà Tĩnh, 10/10/2025", page);
        // The growth the catalogue could not name is kept as qualitative, highlighted with its reading.
        Assert.Contains("chưa tìm được chỉ số phù hợp", page);
        Assert.Contains("Kế hoạch này là dự thảo, không công khai", page);
        Assert.Contains(Label, await HtmlAsync(admin, $"/plans/{id}"));
        var document = await HtmlAsync(admin, $"/plans/{id}/document");
        Assert.Contains("<h1>Văn bản nguồn tạm</h1>", document);
        Assert.Contains(Label, document);
        var plan = await admin.GetJsonAsync($"/api/v1/plans/{id}");
        Assert.Equal(("provisional", "Báo Hà Tĩnh, 10/10/2025", "draft"), (plan.Str("sourceKind"), plan.Str("sourceNote"), plan.Str("status")));

        // Issued once reviewed: version 1, still not public.
        var issued = await admin.PostFormAsync(review, "issue", new() { ["Reviewed"] = "true" });
        Assert.Contains("Đã ban hành kế hoạch", WebUtility.HtmlDecode(await issued.Content.ReadAsStringAsync()));
        plan = await admin.GetJsonAsync($"/api/v1/plans/{id}");
        Assert.Equal(("approved", false), (plan.Str("status"), plan["isPublic"]!.GetValue<bool>()));
        Assert.Single((await admin.GetJsonAsync($"/api/v1/plans/{id}/versions")).AsArray());
    }

    [Fact]
    public async Task Only_those_who_edit_a_plan_somewhere_open_the_import_page_and_each_imports_only_where_they_may()
    {
        var viewer = await SignedInAsync(UserRole.Viewer, HaTinh);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/plans/import-text")).StatusCode);
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/plans/import-text");
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);

        // Khánh Hòa's administrator is offered Khánh Hòa only; a forged Hà Tĩnh is refused and writes nothing.
        var other = await SignedInAsync(UserRole.ProvincialAdministrator, "56");
        var form = await HtmlAsync(other, "/plans/import-text");
        Assert.Contains("<option value=\"56\"", form);
        Assert.DoesNotContain("<option value=\"42\"", form);
        var before = await TextImport.CountsAsync(app);
        var forged = await other.PostFormAsync("/plans/import-text", "import-text", Fields("provisional"));
        Assert.Contains("Bạn chỉ nhập được kế hoạch của tỉnh, thành phố mình quản lý", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        Assert.Equal(before, await TextImport.CountsAsync(app));

        // The Ministry imports national plans.
        var ministry = await SignedInAsync(UserRole.MinistryEditor, null);
        Assert.Contains("<option value=\"\"", await HtmlAsync(ministry, "/plans/import-text"));
    }
}
