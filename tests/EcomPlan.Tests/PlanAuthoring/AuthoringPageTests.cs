using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>The authoring pages as people post them: what was typed survives a refusal, an older form cannot overwrite a newer save.</summary>
[Collection(AuthoringCollection.Name)]
public class AuthoringPageTests(AuthoringApp app)
{
    private const string Province = "12";

    private async Task<(string PlanId, int TargetId, string Email)> PlanWithATargetAsync()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = Province });
        var api = app.ClientWithToken(await app.TokenForAsync(id));
        var created = await api.PostAsJsonAsync("/api/v1/plans", new
        {
            provinceCode = Province, title = "Kế hoạch TMĐT tỉnh Lai Châu " + Guid.NewGuid().ToString("N")[..6], periodStart = 2026, periodEnd = 2030,
            issuingBody = "UBND tỉnh Lai Châu", sourceKind = "form_only", derivedFrom = "national-2026-2030", targets = new object[] { new { key = "2.1.1" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var planId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var target = (await api.GetJsonAsync($"/api/v1/plans/{planId}/targets")).Items().Single()["id"]!.GetValue<int>();
        return (planId, target, email);
    }

    /// <summary>Every field of the target form as a person fills it in (the page's hidden fields come from the page).</summary>
    private static Dictionary<string, string> Fields(string value, string deadline = "2030") => new()
    {
        ["Input.Group"] = "2.1", ["Input.Key"] = "2.1.1", ["Input.Text"] = "Dân số tham gia mua sắm trực tuyến", ["Input.Kind"] = "Floor",
        ["Input.Value"] = value, ["Input.Indicator"] = "online_shoppers_population_share", ["Input.Unit"] = "%", ["Input.DeadlineYear"] = deadline,
    };

    private async Task<decimal?> ValueAsync(int targetId)
    {
        await using var db = app.CreateDbContext();
        return await db.Targets.Where(t => t.Id == targetId).Select(t => t.Value).SingleAsync();
    }

    [Fact]
    public async Task A_form_loaded_before_someone_else_saved_is_refused_and_keeps_what_was_typed()
    {
        var (planId, targetId, email) = await PlanWithATargetAsync();
        var url = $"/plans/{planId}/targets/{targetId}/edit";
        var first = await app.SignInAsync(email);
        var second = await app.SignInAsync(email);
        var secondForm = TestAccounts.HiddenFieldsOf(await second.GetStringAsync(url), "target");

        var saved = await first.PostFormAsync(url, "target", Fields("75"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(75m, await ValueAsync(targetId));

        // The second form still carries the revision it was loaded at.
        foreach (var (k, v) in Fields("80")) secondForm[k] = v;
        var stale = await second.PostAsync(url, new FormUrlEncodedContent(secondForm));
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", html);
        Assert.Contains("value=\"80\"", html);
        Assert.Equal(75m, await ValueAsync(targetId));
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_is_named_next_to_its_field_and_changes_nothing()
    {
        var (planId, targetId, email) = await PlanWithATargetAsync();
        var client = await app.SignInAsync(email);
        var before = await ValueAsync(targetId);
        var response = await client.PostFormAsync($"/plans/{planId}/targets/{targetId}/edit", "target", Fields("bảy mươi", deadline: "2099"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"value-error\"", html);
        Assert.Contains("'bảy mươi' không phải là số", html);
        Assert.Contains("value=\"bảy mươi\"", html);
        // Every problem at once: the deadline too.
        Assert.Contains("id=\"deadlineYear-error\"", html);
        Assert.Equal(before, await ValueAsync(targetId));
    }

    [Fact]
    public async Task Another_provinces_form_posted_at_this_plan_changes_nothing()
    {
        var (planId, targetId, _) = await PlanWithATargetAsync();
        var (_, outsider) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var client = await app.SignInAsync(outsider);
        // A valid form of a page the outsider may open (the new plan page), its token re-aimed at this plan's target.
        var fields = TestAccounts.HiddenFieldsOf(await client.GetStringAsync("/plans/new"), "new-plan");
        fields["_handler"] = "target";
        fields["Input.Value"] = "1";
        var response = await client.PostAsync($"/plans/{planId}/targets/{targetId}/edit", new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        Assert.NotEqual(1m, await ValueAsync(targetId));
    }

    [Fact]
    public async Task A_new_plan_refused_for_a_missing_title_keeps_every_other_field()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "14" });
        var client = await app.SignInAsync(email);
        await using var db = app.CreateDbContext();
        var plans = await db.Plans.CountAsync();
        var response = await client.PostFormAsync("/plans/new", "new-plan", new()
        {
            ["Input.ProvinceCode"] = "14", ["Input.Title"] = "", ["Input.PeriodStart"] = "2026", ["Input.PeriodEnd"] = "2030",
            ["Input.IssuingBody"] = "Ủy ban nhân dân tỉnh Sơn La", ["Input.DocumentDate"] = "31/02/2026", ["Input.SourceKind"] = "Original", ["Action"] = "create",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"title-error\"", html);
        Assert.Contains("id=\"documentDate-error\"", html);
        Assert.Contains("value=\"Ủy ban nhân dân tỉnh Sơn La\"", html);
        Assert.Equal(plans, await db.Plans.CountAsync());
    }
    [Fact]
    public async Task The_signed_decision_is_attached_on_the_editing_page_and_a_file_that_is_not_a_pdf_is_refused_there()
    {
        var (planId, _, email) = await PlanWithATargetAsync();
        var browser = await app.SignInAsync(email);
        async Task<string> PostAsync(byte[] file, string name)
        {
            var hidden = TestAccounts.HiddenFieldsOf(await browser.GetStringAsync($"/plans/{planId}/edit"), "decision");
            using var form = new MultipartFormDataContent();
            foreach (var (k, v) in hidden) form.Add(new StringContent(v), k);
            form.Add(new ByteArrayContent(file), "decision", name);
            var response = await browser.PostAsync($"/plans/{planId}/edit", form);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        var refused = await PostAsync("<html>Quyết định</html>"u8.ToArray(), "quyet-dinh.pdf");
        Assert.Contains("không phải PDF", refused);
        Assert.Contains("Chưa đính kèm.", refused);
        Assert.DoesNotContain("Quyết định đã ký (PDF)", WebUtility.HtmlDecode(await browser.GetStringAsync($"/plans/{planId}")));

        await PostAsync("%PDF-1.4\n%%EOF"u8.ToArray(), "Quyết định 5.pdf");
        Assert.Contains("Quyết định 5.pdf", WebUtility.HtmlDecode(await browser.GetStringAsync($"/plans/{planId}/edit")));
        Assert.Contains($"href=\"/api/v1/plans/{planId}/decision\">Quyết định đã ký (PDF)", WebUtility.HtmlDecode(await browser.GetStringAsync($"/plans/{planId}")));
    }
    [Fact]
    public async Task A_task_group_is_renamed_on_the_page_a_taken_code_keeps_what_was_typed_and_a_stale_page_is_refused()
    {
        var (planId, _, email) = await PlanWithATargetAsync();
        var url = $"/plans/{planId}/edit";
        var first = await app.SignInAsync(email);
        var second = await app.SignInAsync(email);
        async Task<string> GroupAsync(string code)
        {
            await using var db = app.CreateDbContext();
            return await db.TaskGroups.Where(g => g.PlanId == planId && g.Code == code).Select(g => g.Title).SingleOrDefaultAsync() ?? "(none)";
        }
        var groups = await first.PostFormAsync(url, "[task-groups]add-task-group", new() { ["Code"] = "Z", ["Title"] = "Nhóm thử" });
        Assert.Equal(HttpStatusCode.Redirect, groups.StatusCode);
        var page = await first.GetStringAsync(url);
        var option = System.Text.RegularExpressions.Regex.Match(page, "<option value=\"(\\d+:Z)\"").Groups[1].Value;
        Assert.NotEmpty(option);
        var staleForm = TestAccounts.HiddenFieldsOf(await second.GetStringAsync(url), "[task-groups]rename-task-group");

        // A code another group has: refused next to the field, the new title still in its box, nothing renamed.
        var taken = (await first.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{planId}"))!["taskGroups"]!.AsArray()
            .Select(g => g!["code"]!.GetValue<string>()).First(c => c != "Z");
        var refused = WebUtility.HtmlDecode(await (await first.PostFormAsync(url, "[task-groups]rename-task-group",
            new() { ["Renamed"] = option, ["NewCode"] = taken, ["NewTitle"] = "Chuyển đổi số doanh nghiệp" })).Content.ReadAsStringAsync());
        Assert.Contains($"Nhóm nhiệm vụ '{taken}' đã có.", refused);
        Assert.Contains("value=\"Chuyển đổi số doanh nghiệp\"", refused);
        Assert.Equal("Nhóm thử", await GroupAsync("Z"));

        var renamed = await first.PostFormAsync(url, "[task-groups]rename-task-group",
            new() { ["Renamed"] = option, ["NewCode"] = "", ["NewTitle"] = "Chuyển đổi số doanh nghiệp" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Chuyển đổi số doanh nghiệp", await GroupAsync("Z"));

        // The second page was loaded before that rename: its choice still names the old revision and is refused.
        staleForm["Renamed"] = option;
        staleForm["NewTitle"] = "Tên cũ hơn";
        var stale = WebUtility.HtmlDecode(await (await second.PostAsync(url, new FormUrlEncodedContent(staleForm))).Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác sửa", stale);
        Assert.Equal("Chuyển đổi số doanh nghiệp", await GroupAsync("Z"));

        // Reloaded, the code changes too.
        var fresh = System.Text.RegularExpressions.Regex.Match(await second.GetStringAsync(url), "<option value=\"(\\d+:Z)\"").Groups[1].Value;
        Assert.NotEqual(option, fresh);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(url, "[task-groups]rename-task-group",
            new() { ["Renamed"] = fresh, ["NewCode"] = "Y", ["NewTitle"] = "Chuyển đổi số doanh nghiệp" })).StatusCode);
        Assert.Equal(("(none)", "Chuyển đổi số doanh nghiệp"), (await GroupAsync("Z"), await GroupAsync("Y")));
    }
}
