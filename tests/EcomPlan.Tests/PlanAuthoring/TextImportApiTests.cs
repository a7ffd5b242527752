using System.Net;
using System.Text;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.PlanImport;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>
/// A plan imported through the API from the decision's text: Đồng Tháp's plan text becomes a draft of a province
/// without a plan, not public, with the transcription's counts, every item pointing at its line of the kept text, and a
/// review page listing them; nobody else may import into or review it.
/// </summary>
[Collection(AuthoringCollection.Name)]
public class TextImportApiTests(AuthoringApp app)
{
    private const string CanTho = "14";
    private static readonly SeedDataOptions Seed = new();
    private static string DongThapText => File.ReadAllText(Path.Combine(Seed.DocumentsFolder, "004_a65b8c3d4f9ed49f.txt"));

    private static Dictionary<string, string> Fields(string province, string kind = "original", string? note = null, bool createAgencies = true)
    {
        var fields = new Dictionary<string, string> { ["provinceCode"] = province, ["sourceKind"] = kind, ["createAgencies"] = createAgencies ? "true" : "false" };
        if (note is not null) fields["sourceNote"] = note;
        return fields;
    }

    /// <summary>The first words of an item's text, folded: what its line of the document must hold.</summary>
    private static string Start(string text) => string.Join(" ", ImportText.Words(text).Take(3));

    private static bool LineHolds(string[] document, int line, string text) =>
        line > 0 && line <= document.Length && string.Join(" ", ImportText.Words(document[line - 1])).Contains(Start(text));

    [Fact]
    public async Task Dong_Thap_s_text_becomes_a_draft_of_a_province_without_a_plan_with_every_item_on_its_line()
    {
        var admin = await TextImport.AdminOfAsync(app, CanTho);
        var created = await TextImport.JsonAsync(await admin.PostAsync(TextImport.Url,
            TextImport.Form(Fields(CanTho), "ke-hoach-244.txt", Encoding.UTF8.GetBytes(DongThapText))), HttpStatusCode.Created);
        var id = created.Str("planId");
        Assert.StartsWith("son-la-2026-2030", id);
        Assert.Equal($"/plans/{id}/review", created.Str("review"));

        // The counts of the hand transcription of the same text.
        var yaml = PlanFileReader.Read("dong-thap-2026-2030.yaml", File.ReadAllText(Path.Combine(Seed.PlansFolder, "dong-thap-2026-2030.yaml")), _ => 400).Plan;
        var (targets, tasks) = (yaml.TargetGroups.Sum(g => g.Targets.Count), yaml.TaskGroups.Sum(g => g.Tasks.Count));
        Assert.Equal((targets, tasks), (created["targets"]!.GetValue<int>(), created["tasks"]!.GetValue<int>()));
        Assert.Contains(created["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("không nhắc tới Sơn La"));

        // A draft, not public: nobody outside the province sees it.
        var plan = await admin.GetJsonAsync($"/api/v1/plans/{id}");
        Assert.Equal(("draft", false, "original", "244/KH-UBND"), (plan.Str("status"), plan["isPublic"]!.GetValue<bool>(), plan.Str("sourceKind"), plan.Str("documentNumber")));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/v1/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await TextImport.AdminOfAsync(app, "56")).GetAsync($"/api/v1/plans/{id}/document")).StatusCode);

        // Every item's line is a line of the kept text holding the item's first words.
        var document = (await admin.GetStringAsync($"/api/v1/plans/{id}/document")).Split('\n');
        Assert.Equal(DongThapText.Split('\n').Length, document.Length);
        var storedTargets = (await admin.GetJsonAsync($"/api/v1/plans/{id}/targets")).Items().ToList();
        var storedTasks = (await admin.GetJsonAsync($"/api/v1/plans/{id}/tasks")).Items().ToList();
        Assert.Equal((targets, tasks), (storedTargets.Count, storedTasks.Count));
        Assert.All(storedTargets, t => Assert.True(LineHolds(document, t["source"]!["line"]!.GetValue<int>(), t.Str("text")), t.Str("text")));
        Assert.All(storedTasks, t => Assert.True(LineHolds(document, t["source"]!["line"]!.GetValue<int>(), t.Str("text")), t.Str("text")));
        var invoice = storedTargets.Single(t => t["source"]!["line"]!.GetValue<int>() == 32);
        Assert.Equal(100m, invoice["value"]!.GetValue<decimal>());
        Assert.Equal(145, invoice["conflicts"]![0]!["source"]!["line"]!.GetValue<int>());

        // The review page: the text with its line anchors beside each item, its line link and its edit link.
        var review = WebUtility.HtmlDecode(await admin.GetStringAsync($"/plans/{id}/review"));
        Assert.Contains("id=\"L32\"", review);
        foreach (var t in storedTargets)
        {
            Assert.Contains($"href=\"/plans/{id}/review#L{t["source"]!["line"]}\"", review);
            Assert.Contains($"href=\"/plans/{id}/targets/{t["id"]}/edit\"", review);
        }
        foreach (var t in storedTasks) Assert.Contains($"href=\"/plans/{id}/tasks/{t["id"]}/edit\"", review);
        Assert.Contains("Kế hoạch này là dự thảo, không công khai", review);
        Assert.Contains("không nhắc tới Sơn La", review);
        // Doubts highlighted: the annex that says 80%, the tasks without a lead agency, the agencies the import created.
        Assert.Contains("Phụ lục (dòng 145) ghi khác", review);
        Assert.Contains("Văn bản không ghi cơ quan chủ trì", review);
        Assert.Contains("chưa có trên hệ thống, được tạo khi nhập", review);
        Assert.Contains("class=\"review-item doubt\"", review);

        // Someone else's province: neither the review page nor the plan exists for them.
        var other = await TextImport.AdminOfAsync(app, "56");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/plans/{id}/review")).StatusCode);
        var viewer = (await TextImport.UserAsync(app, UserRole.Viewer, CanTho)).Client;
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/plans/{id}/review")).StatusCode);
    }

    [Fact]
    public async Task Nobody_imports_into_a_province_they_do_not_manage_and_a_refusal_writes_nothing()
    {
        const string CaMau = "96";
        var before = await TextImport.CountsAsync(app);
        var text = Encoding.UTF8.GetBytes(DongThapText);

        var other = await TextImport.AdminOfAsync(app, "56");
        var refused = await TextImport.JsonAsync(await other.PostAsync(TextImport.Url, TextImport.Form(Fields(CaMau), "a.txt", text)), HttpStatusCode.Forbidden);
        Assert.Contains("tỉnh, thành phố mình quản lý", refused.Str("detail"));
        foreach (var role in new[] { UserRole.Viewer, UserRole.MinistryEditor })
        {
            var user = (await TextImport.UserAsync(app, role, role == UserRole.Viewer ? CaMau : null)).Client;
            Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync(TextImport.Url, TextImport.Form(Fields(CaMau), "a.txt", text))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync(TextImport.Url, TextImport.Form(Fields(CaMau), "a.txt", text))).StatusCode);

        var admin = await TextImport.AdminOfAsync(app, CaMau);
        async Task<System.Text.Json.Nodes.JsonObject> BadAsync(HttpContent form) => await TextImport.JsonAsync(await admin.PostAsync(TextImport.Url, form), HttpStatusCode.BadRequest);

        // The agencies the text names are unknown in Cà Mau: each is a problem with its line, unless the import may create them.
        var agencies = await BadAsync(TextImport.Form(Fields(CaMau, createAgencies: false), "a.txt", text));
        var problems = agencies["problems"]!.AsArray();
        Assert.Contains(problems, p => p!.Str("message").StartsWith("Dòng 204: nhiệm vụ", StringComparison.Ordinal) && p!["canCreate"]!.GetValue<bool>());
        Assert.Contains("Tạo các cơ quan chưa có", agencies.Str("detail"));
        Assert.Contains("Chưa có gì được ghi", agencies.Str("detail"));

        // The source is said, never assumed; a provisional one says what it is.
        Assert.Contains("Chọn nguồn của văn bản", (await BadAsync(TextImport.Form(new() { ["provinceCode"] = CaMau, ["text"] = DongThapText }))).Str("detail"));
        Assert.Contains("Nguồn tạm: ghi rõ", (await BadAsync(TextImport.Form(new(Fields(CaMau, "provisional")) { ["text"] = DongThapText }))).Str("detail"));
        Assert.Contains("Không tìm thấy chỉ tiêu hay nhiệm vụ", (await BadAsync(TextImport.Form(new(Fields(CaMau)) { ["text"] = "Một đoạn văn không phải kế hoạch." }))).Str("detail"));
        Assert.Contains("Chỉ chọn một", (await BadAsync(TextImport.Form(new(Fields(CaMau)) { ["text"] = DongThapText }, "a.txt", text))).Str("detail"));
        Assert.Contains("Chỉ nhận tệp DOCX, PDF", (await BadAsync(TextImport.Form(Fields(CaMau), "a.xlsx", text))).Str("detail"));

        Assert.Equal(before, await TextImport.CountsAsync(app));
    }

    [Fact]
    public void The_endpoint_and_the_page_take_files_of_up_to_20_MB()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        foreach (var route in new[] { "/api/v1/plans/import-text", "/plans/import-text" })
        {
            var limit = endpoints.First(e => e.RoutePattern.RawText == route).Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute>();
            Assert.NotNull(limit);
            Assert.Equal(20L * 1024 * 1024 + RequestLimits.FormOverheadBytes, ((Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata)limit).MaxRequestBodySize);
        }
    }
}
