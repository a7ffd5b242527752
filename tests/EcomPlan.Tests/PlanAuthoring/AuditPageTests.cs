using System.Net;
using System.Net.Http.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>The audit page as an official reads it: Vietnamese record and field names, old → new, people by name, own province only.</summary>
[Collection(AuthoringCollection.Name)]
public class AuditPageTests(AuthoringApp app)
{
    private const string BacNinh = "24";

    [Fact]
    public async Task A_changed_target_reads_as_its_field_old_to_new_by_the_person_and_another_province_does_not_see_it()
    {
        var (adminId, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = BacNinh });
        var api = app.ClientWithToken(await app.TokenForAsync(adminId));
        var created = await api.PostAsJsonAsync("/api/v1/plans", new
        {
            provinceCode = BacNinh, title = "Kế hoạch TMĐT Bắc Ninh", periodStart = 2026, periodEnd = 2030, issuingBody = "UBND tỉnh Bắc Ninh",
            sourceKind = "form_only", derivedFrom = "national-2026-2030", targets = new object[] { new { key = "2.1.1", value = 55 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var target = (await api.GetJsonAsync("/api/v1/plans/bac-ninh-2026-2030/targets")).Items().Single();
        var body = target.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        foreach (var unknown in body.Keys.Except(["group", "key", "text", "indicator", "kind", "value", "min", "max", "exclusive", "unit", "deadlineYear", "monitoringAgencyIds", "revision"]).ToList())
            body.Remove(unknown);
        body["value"] = System.Text.Json.Nodes.JsonValue.Create(62.5m);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/plans/bac-ninh-2026-2030/targets/{target["id"]}", body)).StatusCode);

        var page = WebUtility.HtmlDecode(await (await app.SignInAsync(email)).GetStringAsync($"/admin/audit?entityType=Target&entityId={target["id"]}"));
        Assert.Contains(">Chỉ tiêu</a>", page);
        Assert.Matches(@"Giá trị</span>:\s*<span class=""old"">55</span>\s*<span aria-label=""thành"">→</span>\s*<span class=""new"">62,5</span>", page);
        Assert.Contains($"Người dùng thử {email[..13]}", page);
        Assert.DoesNotContain("\"Value\"", page);
        Assert.DoesNotContain("<code class=\"json\">", page);

        var (_, other) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "25" });
        var elsewhere = WebUtility.HtmlDecode(await (await app.SignInAsync(other)).GetStringAsync($"/admin/audit?entityType=Target&entityId={target["id"]}"));
        Assert.DoesNotContain("62,5", elsewhere);
        Assert.DoesNotContain(email[..13], elsewhere);
    }
}
