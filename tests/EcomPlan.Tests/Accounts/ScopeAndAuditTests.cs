using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Audit;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Accounts;

/// <summary>A Khánh Hòa user cannot read Đồng Tháp's drafts nor change anything of Đồng Tháp; every change is audited.</summary>
[Collection(MutationCollection.Name)]
public class ScopeAndAuditTests(MutationApp app)
{
    private const string DongThap = "dong-thap-2026-2030";

    private async Task<HttpClient> As(params RoleAssignment[] roles)
    {
        var (id, _) = await app.CreateUserAsync(roles);
        return app.ClientWithToken(await app.TokenForAsync(id));
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync();
    }

    [Fact]
    public async Task A_draft_of_Dong_Thap_is_invisible_outside_its_scope()
    {
        var adminDt = await As(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var reporterKh = await As(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = await app.AgencyIdAsync("56", "Thuế Khánh Hòa") });
        var adminKh = await As(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var viewerDt = await As(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "82" });
        var ministry = await As(new RoleAssignment { Role = UserRole.MinistryViewer });
        var anonymous = app.CreateClient();

        var unpublish = await adminDt.PatchAsJsonAsync($"/api/v1/plans/{DongThap}", new { isPublic = false });
        Assert.Equal(HttpStatusCode.OK, unpublish.StatusCode);
        try
        {
            foreach (var outsider in new[] { anonymous, reporterKh, adminKh })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/plans/{DongThap}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/plans/{DongThap}/tasks")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/plans/{DongThap}/document")).StatusCode);
                Assert.DoesNotContain((await outsider.GetJsonAsync("/api/v1/plans")).Items(), p => p.Str("id") == DongThap);
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/plans/{DongThap}")).StatusCode);
                // Not through an agency page either, nor by changing it.
                var so = await app.AgencyIdAsync("82", "Sở Công Thương");
                Assert.Empty((await outsider.GetJsonAsync($"/api/v1/agencies/{so}"))["tasks"]!.AsArray());
            }
            Assert.Equal(HttpStatusCode.NotFound, (await adminKh.PatchAsJsonAsync($"/api/v1/plans/{DongThap}", new { isPublic = true })).StatusCode);
            foreach (var insider in new[] { adminDt, viewerDt, ministry })
                Assert.False((await insider.GetJsonAsync($"/api/v1/plans/{DongThap}"))["isPublic"]!.GetValue<bool>());
        }
        finally
        {
            (await adminDt.PatchAsJsonAsync($"/api/v1/plans/{DongThap}", new { isPublic = true })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Changes_outside_the_scope_are_refused_and_nothing_is_written()
    {
        var adminKh = await As(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var ministryEditor = await As(new RoleAssignment { Role = UserRole.MinistryEditor });
        var before = await AuditCountAsync();
        int taskId;
        await using (var db = app.CreateDbContext())
            taskId = await db.Tasks.Where(t => t.PlanId == DongThap).Select(t => t.Id).FirstAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await adminKh.PatchAsJsonAsync($"/api/v1/plans/{DongThap}", new { isPublic = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ministryEditor.PatchAsJsonAsync($"/api/v1/plans/{DongThap}", new { isPublic = false })).StatusCode);
        var lead = await adminKh.PutAsJsonAsync($"/api/v1/plans/{DongThap}/tasks/{taskId}/lead-agencies", new { agencyIds = new[] { await app.AgencyIdAsync("56", "Sở Công Thương") } });
        Assert.Equal(HttpStatusCode.Forbidden, lead.StatusCode);

        await using var check = app.CreateDbContext();
        Assert.True(await check.Plans.Where(p => p.Id == DongThap).Select(p => p.IsPublic).SingleAsync());
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task A_crafted_form_post_cannot_change_another_provinces_plan()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var adminKh = await app.SignInAsync(email);
        // The publication form of their own plan, with a valid antiforgery token, re-aimed at Đồng Tháp's page.
        var own = await adminKh.GetStringAsync("/plans/khanh-hoa-2026-2030");
        var fields = TestAccounts.HiddenFieldsOf(own, "publication");
        fields["NewIsPublic"] = "false";
        var before = await AuditCountAsync();
        var response = await adminKh.PostAsync($"/plans/{DongThap}", new FormUrlEncodedContent(fields));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);

        await using var db = app.CreateDbContext();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == DongThap);
        Assert.True(plan.IsPublic);
        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task Assigning_a_lead_agency_is_audited_with_who_when_old_and_new()
    {
        var (adminId, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var adminDt = app.ClientWithToken(await app.TokenForAsync(adminId));
        var unassigned = (await adminDt.GetJsonAsync($"/api/v1/plans/{DongThap}/tasks?unassigned=true")).Items().First();
        var taskId = unassigned["id"]!.GetValue<int>();
        var so = await app.AgencyIdAsync("82", "Sở Công Thương");
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);

        // An agency of another province is refused, and nothing is written.
        var foreign = await adminDt.PutAsJsonAsync($"/api/v1/plans/{DongThap}/tasks/{taskId}/lead-agencies", new { agencyIds = new[] { await app.AgencyIdAsync("56", "Sở Công Thương") } });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("không thuộc tỉnh", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await adminDt.PutAsJsonAsync($"/api/v1/plans/{DongThap}/tasks/{taskId}/lead-agencies", new { agencyIds = new[] { 999999 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await adminDt.PutAsJsonAsync($"/api/v1/plans/{DongThap}/tasks/{taskId}/lead-agencies", new { agencyIds = Array.Empty<int>() })).StatusCode);

        var ok = await adminDt.PutAsJsonAsync($"/api/v1/plans/{DongThap}/tasks/{taskId}/lead-agencies", new { agencyIds = new[] { so } });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var task = (await adminDt.GetJsonAsync($"/api/v1/plans/{DongThap}/tasks")).Items().Single(t => t["id"]!.GetValue<int>() == taskId);
        Assert.Equal(["Sở Công Thương"], task["leadAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));

        var entries = (await adminDt.GetJsonAsync($"/api/v1/audit?entityType=TaskAgency&userId={adminId}")).Items().ToList();
        var added = Assert.Single(entries);
        Assert.Equal("Added", added.Str("action"));
        Assert.Equal(adminEmail, added.Str("userName"));
        Assert.Equal("82", added.Str("provinceCode"));
        Assert.Contains($"\"AgencyId\":{so}", added.Str("newValues"));
        Assert.True(DateTimeOffset.Parse(added.Str("at")) >= start);
    }

    [Fact]
    public async Task Publication_changes_record_old_and_new_values_and_the_audit_is_scoped()
    {
        var (adminId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var adminDt = app.ClientWithToken(await app.TokenForAsync(adminId));
        (await adminDt.PatchAsJsonAsync($"/api/v1/plans/{DongThap}", new { isPublic = false })).EnsureSuccessStatusCode();
        (await adminDt.PatchAsJsonAsync($"/api/v1/plans/{DongThap}", new { isPublic = true })).EnsureSuccessStatusCode();

        var entries = (await adminDt.GetJsonAsync($"/api/v1/audit?entityType=Plan&entityId={DongThap}&userId={adminId}")).Items().ToList();
        Assert.Equal(2, entries.Count);
        var first = entries[1]; // newest first
        Assert.Equal("Modified", first.Str("action"));
        Assert.Equal("{\"IsPublic\":true}", first.Str("oldValues"));
        Assert.Equal("{\"IsPublic\":false}", first.Str("newValues"));

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy");
        Assert.Equal(2, (await adminDt.GetJsonAsync($"/api/v1/audit?userId={adminId}&day={Uri.EscapeDataString(today)}")).AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await adminDt.GetAsync("/api/v1/audit?day=31/02/2026")).StatusCode);

        var adminKh = await As(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        Assert.Empty((await adminKh.GetJsonAsync($"/api/v1/audit?entityType=Plan&entityId={DongThap}")).AsArray());
        var reporter = await As(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "82" });
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_or_deleted()
    {
        var admin = await As(new RoleAssignment { Role = UserRole.SystemAdministrator });
        // No route changes the trail: anything but GET finds nothing.
        Assert.Contains((await admin.DeleteAsync("/api/v1/audit")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Contains((await admin.PutAsJsonAsync("/api/v1/audit", new { })).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });

        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        entry.UserName = "someone else";
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("chỉ được ghi thêm", e.Message);
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Two_administrators_editing_the_same_user_do_not_lose_an_update()
    {
        var (targetId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "82" });
        var first = await As(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var second = await As(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var stamp1 = (await first.GetJsonAsync($"/api/v1/users/{targetId}")).Str("concurrencyStamp");
        var stamp2 = (await second.GetJsonAsync($"/api/v1/users/{targetId}")).Str("concurrencyStamp");
        Assert.Equal(stamp1, stamp2);

        var agency = await app.AgencyIdAsync("82", "Thuế tỉnh");
        var saved = await first.PutAsJsonAsync($"/api/v1/users/{targetId}/roles", new { concurrencyStamp = stamp1, roles = new object[] { new { role = "agency_reporter", agencyId = agency } } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var lost = await second.PutAsJsonAsync($"/api/v1/users/{targetId}/roles", new { concurrencyStamp = stamp2, roles = new object[] { new { role = "provincial_administrator", provinceCode = "82" } } });
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("vừa được một quản trị viên khác sửa", (await lost.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());

        var roles = (await first.GetJsonAsync($"/api/v1/users/{targetId}"))["roles"]!.Items().ToList();
        Assert.Equal("agency_reporter", Assert.Single(roles).Str("role"));
        var forged = await first.PutAsJsonAsync($"/api/v1/users/{targetId}/roles",
            new { concurrencyStamp = (await first.GetJsonAsync($"/api/v1/users/{targetId}")).Str("concurrencyStamp"), roles = new object[] { new { role = "viewer", provinceCode = "56" } } });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }
}
