using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.PlanAuthoring;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>The plan data format (YAML) is one more way out of and into the platform, for the same content.</summary>
[Collection(AuthoringCollection.Name)]
public class PlanFileTests(AuthoringApp app)
{
    [Theory]
    [InlineData("dong-thap-2026-2030")]
    [InlineData("khanh-hoa-2026-2030")]
    [InlineData("national-2021-2025")]
    [InlineData("national-2026-2030")]
    [InlineData("dong-thap-2021-2025")]
    public async Task Every_plan_written_as_a_plan_file_reads_back_to_the_same_content(string id)
    {
        var bytes = await app.CreateClient().GetByteArrayAsync($"/api/v1/plans/{id}/plan-file");
        var read = PlanYaml.Read(bytes, $"{id}.yaml");
        Assert.Empty(read.Problems);
        await using var db = app.CreateDbContext();
        var stored = (await PlanContentStore.ReadAsync(db, id, CancellationToken.None))!;
        Assert.True(PlanDiff.Compare(stored, read.Content!).IsEmpty);
        Assert.Equal(stored.Header, read.Content!.Header);
        Assert.Equal(stored.Targets.Select(t => (t.Key, t.Source, t.Line, t.References!.Count)), read.Content.Targets.Select(t => (t.Key, t.Source, t.Line, t.References!.Count)));
        Assert.Equal(stored.Tasks.Select(t => (t.Source, t.Line)), read.Content.Tasks.Select(t => (t.Source, t.Line)));
    }

    [Fact]
    public async Task Another_province_starts_from_Dong_Thaps_plan_file_and_a_broken_file_is_refused_at_its_line_writing_nothing()
    {
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "11" });
        var admin = app.ClientWithToken(await app.TokenForAsync(id));
        var yaml = Encoding.UTF8.GetString(await admin.GetByteArrayAsync("/api/v1/plans/dong-thap-2026-2030/plan-file"))
            .Replace("provinceCode: \"82\"", "provinceCode: \"11\"");
        await using var db = app.CreateDbContext();
        var plans = await db.Plans.CountAsync();

        var broken = yaml.Replace("kind: floor", "kind: top_ten");
        var line = broken[..broken.IndexOf("kind: top_ten", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var refused = await admin.PostAsync("/api/v1/plans/import", File(broken));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonObject>())!["problems"]!.AsArray());
        Assert.Equal(("YAML", line), (problem!["sheet"]!.GetValue<string>(), problem["row"]!.GetValue<int>()));
        Assert.Contains("top_ten", problem["message"]!.GetValue<string>());
        Assert.Equal(plans, await db.Plans.CountAsync());

        // Đồng Tháp's agencies are not this province's: refused until the import may create them.
        var unknown = await admin.PostAsync("/api/v1/plans/import", File(yaml));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("chưa có trong danh sách cơ quan", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(plans, await db.Plans.CountAsync());
        var created = await admin.PostAsync("/api/v1/plans/import", File(yaml, createAgencies: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var planId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["planId"]!.GetValue<string>();
        var plan = await admin.GetJsonAsync($"/api/v1/plans/{planId}");
        Assert.Equal(("11", "draft", 16, 42), (plan.Str("provinceCode"), plan.Str("status"), plan["targetCount"]!.GetValue<int>(), plan["taskCount"]!.GetValue<int>()));
        Assert.Equal("department", (await db.Agencies.AsNoTracking().SingleAsync(a => a.ProvinceCode == "11" && a.Name == "Sở Công Thương")).Kind);
    }

    private static MultipartFormDataContent File(string yaml, bool createAgencies = false)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)), "file", "ke-hoach.yaml" } };
        if (createAgencies) form.Add(new StringContent("true"), "createAgencies");
        return form;
    }
}
