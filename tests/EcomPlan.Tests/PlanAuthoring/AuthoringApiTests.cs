using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.PlanAuthoring;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>A province without a plan makes one through the API: derive, edit, issue, amend, compare; and nobody else can touch it.</summary>
[Collection(AuthoringCollection.Name)]
public class AuthoringApiTests(AuthoringApp app)
{
    private const string GiaLai = "52";

    private async Task<HttpClient> AdminOfAsync(string province)
    {
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = province });
        return app.ClientWithToken(await app.TokenForAsync(id));
    }

    private static async Task<JsonObject> OkJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static object Target(JsonNode t, object? changes = null)
    {
        var o = new Dictionary<string, object?>
        {
            ["group"] = t.Str("group"), ["key"] = t.Str("key"), ["text"] = t.Str("text"), ["indicator"] = t["indicator"]?.GetValue<string>(),
            ["kind"] = t.Str("kind"), ["value"] = t["value"]?.GetValue<decimal>(), ["min"] = t["min"]?.GetValue<decimal>(), ["max"] = t["max"]?.GetValue<decimal>(),
            ["exclusive"] = t["exclusive"]!.GetValue<bool>(), ["unit"] = t["unit"]?.GetValue<string>(), ["deadlineYear"] = t["deadlineYear"]?.GetValue<int>(),
            ["monitoringAgencyIds"] = t["monitoringAgencyIds"]!.AsArray().Select(i => i!.GetValue<int>()).ToArray(), ["revision"] = t["revision"]!.GetValue<int>(),
        };
        foreach (var p in changes?.GetType().GetProperties() ?? []) o[char.ToLowerInvariant(p.Name[0]) + p.Name[1..]] = p.GetValue(changes);
        return o;
    }

    [Fact]
    public async Task A_province_without_a_plan_derives_one_edits_issues_and_amends_it_and_the_diff_shows_the_one_change()
    {
        var admin = await AdminOfAsync(GiaLai);
        // Derived from the national plan: two of its targets, one with a higher value; its task groups as empty groups.
        var created = await OkJsonAsync(await admin.PostAsJsonAsync("/api/v1/plans", new
        {
            provinceCode = GiaLai, title = "Kế hoạch phát triển thương mại điện tử tỉnh Gia Lai giai đoạn 2026 - 2030", periodStart = 2026, periodEnd = 2030,
            issuingBody = "Ủy ban nhân dân tỉnh Gia Lai", sourceKind = "form_only", derivedFrom = "national-2026-2030",
            targets = new object[] { new { key = "2.1.1", value = 60 }, new { key = "2.2.2" } },
        }), HttpStatusCode.Created);
        var id = created.Str("id");
        Assert.Equal("gia-lai-2026-2030", id);
        Assert.Equal(("draft", false, "national-2026-2030"), (created.Str("status"), created["isPublic"]!.GetValue<bool>(), created.Str("nationalPlanId")));
        var targets = (await admin.GetJsonAsync($"/api/v1/plans/{id}/targets")).Items().ToList();
        Assert.Equal(["2.1.1", "2.2.2"], targets.Select(t => t.Str("key")));
        Assert.Equal(60m, targets[0]["value"]!.GetValue<decimal>());
        Assert.NotEmpty(created["taskGroups"]!.AsArray());

        // The province's own agency, then a task led by it in a new group.
        var agency = await OkJsonAsync(await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "Sở Công Thương", kind = "department", provinceCode = GiaLai }), HttpStatusCode.Created);
        var agencyId = agency["agency"]!["id"]!.GetValue<int>();
        await OkJsonAsync(await admin.PostAsJsonAsync($"/api/v1/plans/{id}/task-groups", new { code = "A", title = "Hoàn thiện thể chế" }), HttpStatusCode.Created);
        var task = await OkJsonAsync(await admin.PostAsJsonAsync($"/api/v1/plans/{id}/tasks", new
        {
            group = "A", number = "1", text = "Xây dựng sàn thương mại điện tử của tỉnh", leadAgencyIds = new[] { agencyId }, startYear = 2026, endYear = 2027,
        }), HttpStatusCode.Created);
        Assert.Equal(["Sở Công Thương"], task["leadAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));

        // A target edited: bad values are refused field by field and nothing changes; a stale form gets 409.
        var first = targets[0];
        var bad = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/targets/{first["id"]}", Target(first, new { Value = 170m, DeadlineYear = 2040 })), HttpStatusCode.BadRequest);
        Assert.Contains("phải từ 0 đến 100", bad["errors"]!["value"]![0]!.GetValue<string>());
        Assert.Contains("ngoài kỳ kế hoạch", bad["errors"]!["deadlineYear"]![0]!.GetValue<string>());
        var unknown = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/targets/{first["id"]}", new { group = "2.1", valeu = 3 }), HttpStatusCode.BadRequest);
        Assert.Contains("valeu", unknown.ToJsonString());
        await OkJsonAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/targets/{first["id"]}", Target(first, new { Value = 65m, MonitoringAgencyIds = new[] { agencyId } })));
        await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/targets/{first["id"]}", Target(first, new { Value = 66m })), HttpStatusCode.Conflict);
        first = (await admin.GetJsonAsync($"/api/v1/plans/{id}/targets")).Items().First();
        Assert.Equal(65m, first["value"]!.GetValue<decimal>());

        // Another province changes nothing of it.
        var other = await AdminOfAsync("56");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/plans/{id}/targets/{first["id"]}", Target(first, new { Value = 1m }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PatchAsJsonAsync($"/api/v1/plans/{id}", new { title = "x", revision = 0 })).StatusCode);

        // Issued: version 1; content now changes only by amendment.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/plans/{id}/issue", new { })).StatusCode);
        var locked = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/targets/{first["id"]}", Target(first, new { Value = 70m })), HttpStatusCode.Conflict);
        Assert.Contains("quyết định sửa đổi", locked.Str("detail"));

        await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/plans/{id}/amendments", new { documentNumber = "15/QĐ-UBND" }), HttpStatusCode.BadRequest);
        await OkJsonAsync(await admin.PostAsJsonAsync($"/api/v1/plans/{id}/amendments", new
        {
            documentNumber = "15/QĐ-UBND", documentDate = "2027-01-10", effectiveDate = "2027-02-01", reason = "Nâng chỉ tiêu mua sắm trực tuyến",
        }), HttpStatusCode.Created);
        await OkJsonAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/targets/{first["id"]}", Target(first, new { Value = 72m })));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/plans/{id}/amendments/current/issue", null)).StatusCode);

        var versions = (await admin.GetJsonAsync($"/api/v1/plans/{id}/versions")).Items().ToList();
        Assert.Equal([1, 2], versions.Select(v => v["number"]!.GetValue<int>()));
        Assert.Equal(["issue", "amendment"], versions.Select(v => v.Str("kind")));
        var diff = await admin.GetJsonAsync($"/api/v1/plans/{id}/diff?from=1&to=2");
        var change = Assert.Single(diff["targets"]!.AsArray());
        Assert.Equal(("2.1.1", "changed"), (change!.Str("key"), change!.Str("kind")));
        var field = Assert.Single(change!["fields"]!.AsArray());
        Assert.Equal(("value", "65", "72"), (field!.Str("field"), field!.Str("old"), field!.Str("new")));
        Assert.Empty(diff["tasks"]!.AsArray());

        // Following a target (who monitors it) is not a change of the plan: allowed on the issued plan without an amendment.
        first = (await admin.GetJsonAsync($"/api/v1/plans/{id}/targets")).Items().First();
        await OkJsonAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/targets/{first["id"]}", Target(first, new { MonitoringAgencyIds = Array.Empty<int>() })));

        // The rest of the platform works for the new plan.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/plans/{id}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/plans/{id}/alignment")).StatusCode);
    }

    [Fact]
    public async Task Statuses_use_the_version_in_force_until_an_amendment_takes_effect()
    {
        var admin = await AdminOfAsync("48");
        var id = (await OkJsonAsync(await admin.PostAsJsonAsync("/api/v1/plans", new
        {
            provinceCode = "48", title = "Kế hoạch TMĐT Đà Nẵng", periodStart = 2026, periodEnd = 2030, issuingBody = "UBND thành phố Đà Nẵng",
            sourceKind = "form_only", derivedFrom = "national-2026-2030", targets = new object[] { new { key = "2.1.1", value = 50 } },
        }), HttpStatusCode.Created)).Str("id");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/plans/{id}/issue", new { effectiveDate = "2026-01-01" })).StatusCode);
        var target = (await admin.GetJsonAsync($"/api/v1/plans/{id}/targets")).Items().Single();
        await OkJsonAsync(await admin.PostAsJsonAsync($"/api/v1/plans/{id}/amendments", new
        {
            documentNumber = "9/QĐ-UBND", documentDate = "2026-06-01", effectiveDate = "2099-01-01", reason = "Thử hiệu lực sau",
        }), HttpStatusCode.Created);
        await OkJsonAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/targets/{target["id"]}", Target(target, new { Value = 90m })));

        // The amendment is open, then issued but not yet effective: progress still requires 50%.
        foreach (var step in new[] { "open", "issued" })
        {
            var progress = await admin.GetJsonAsync($"/api/v1/plans/{id}/progress");
            Assert.Equal("≥ 50%", progress["targets"]![0]!["target"]!.Str("requirement"));
            if (step == "open") Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/plans/{id}/amendments/current/issue", null)).StatusCode);
        }
        var versions = (await admin.GetJsonAsync($"/api/v1/plans/{id}/versions")).Items().ToList();
        Assert.True(versions[0]["inForce"]!.GetValue<bool>());
        Assert.False(versions[1]["inForce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_whole_plan_read_back_and_imported_again_is_the_same_plan()
    {
        await using var db = app.CreateDbContext();
        var source = (await PlanContentStore.ReadAsync(db, "dong-thap-2026-2030", CancellationToken.None))!;
        var ministry = new AccessScope(1, [new ScopedRole(UserRole.SystemAdministrator)]);
        var result = await ImportPlanContent.HandleAsync(db, ministry, source, planId: null, createAgencies: false, null, "thử", TimeProvider.System, CancellationToken.None);
        Assert.True(result.Ok, string.Join("; ", result.Problems.Select(p => p.Message)));
        await using var fresh = app.CreateDbContext();
        var copy = (await PlanContentStore.ReadAsync(fresh, result.PlanId!, CancellationToken.None))!;
        Assert.True(PlanDiff.Compare(source, copy).IsEmpty, System.Text.Json.JsonSerializer.Serialize(PlanDiff.Compare(source, copy)));
        Assert.Equal(source.Targets.Count(), copy.Targets.Count());
        Assert.Equal(source.Tasks.Count(), copy.Tasks.Count());
    }
    [Fact]
    public async Task The_signed_decision_is_kept_as_a_pdf_and_a_renamed_file_or_another_province_is_refused()
    {
        const string ThaiNguyen = "19";
        var admin = await AdminOfAsync(ThaiNguyen);
        var id = (await OkJsonAsync(await admin.PostAsJsonAsync("/api/v1/plans", new
        {
            provinceCode = ThaiNguyen, title = "Kế hoạch TMĐT Thái Nguyên", periodStart = 2026, periodEnd = 2030, issuingBody = "UBND tỉnh Thái Nguyên",
            sourceKind = "form_only", derivedFrom = "national-2026-2030", targets = new object[] { new { key = "2.1.1" } },
        }), HttpStatusCode.Created)).Str("id");
        static MultipartFormDataContent Upload(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };
        var pdf = "%PDF-1.7\n% Quyết định số 12/QĐ-UBND\n%%EOF"u8.ToArray();
        async Task<int> CountAsync() { await using var db = app.CreateDbContext(); return await db.PlanFiles.CountAsync(f => f.PlanId == id); }

        // A text file renamed to .pdf, an empty file and a Word file: each told why, nothing kept.
        var renamed = await ProblemAsync(await admin.PostAsync($"/api/v1/plans/{id}/decision", Upload("Quyết định"u8.ToArray(), "quyet-dinh.pdf")), HttpStatusCode.BadRequest);
        Assert.Contains("không phải PDF", renamed.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        await ProblemAsync(await admin.PostAsync($"/api/v1/plans/{id}/decision", Upload(pdf, "quyet-dinh.docx")), HttpStatusCode.BadRequest);
        Assert.Equal(0, await CountAsync());

        // Another province's administrator cannot attach one.
        var other = await AdminOfAsync("82");
        var refused = await other.PostAsync($"/api/v1/plans/{id}/decision", Upload(pdf, "quyet-dinh.pdf"));
        Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{(int)refused.StatusCode}");
        Assert.Equal(0, await CountAsync());

        // The real one is kept under a clean name; the draft plan's decision is not for the public.
        await OkJsonAsync(await admin.PostAsync($"/api/v1/plans/{id}/decision", Upload(pdf, "../QĐ 12 ký.pdf")), HttpStatusCode.Created);
        var download = await admin.GetAsync($"/api/v1/plans/{id}/decision");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("/", download.Content.Headers.ContentDisposition?.FileNameStar ?? "/");
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/v1/plans/{id}/decision")).StatusCode);
    }
    [Fact]
    public async Task Groups_are_added_renamed_and_removed_only_when_empty_and_a_taken_code_writes_nothing()
    {
        const string QuangNinh = "22";
        var admin = await AdminOfAsync(QuangNinh);
        var id = (await OkJsonAsync(await admin.PostAsJsonAsync("/api/v1/plans", new
        {
            provinceCode = QuangNinh, title = "Kế hoạch TMĐT Quảng Ninh", periodStart = 2026, periodEnd = 2030, issuingBody = "UBND tỉnh Quảng Ninh",
            sourceKind = "form_only", derivedFrom = "national-2026-2030", targets = new object[] { new { key = "2.1.1" } },
        }), HttpStatusCode.Created)).Str("id");
        async Task<List<(string Code, string Title, int Revision)>> GroupsAsync(bool targets)
        {
            await using var db = app.CreateDbContext();
            return targets
                ? (await db.TargetGroups.Where(g => g.PlanId == id).OrderBy(g => g.Order).Select(g => new { g.Code, g.Title, g.Revision }).ToListAsync()).Select(g => (g.Code, g.Title, g.Revision)).ToList()
                : (await db.TaskGroups.Where(g => g.PlanId == id).OrderBy(g => g.Order).Select(g => new { g.Code, g.Title, g.Revision }).ToListAsync()).Select(g => (g.Code, g.Title, g.Revision)).ToList();
        }

        foreach (var (path, isTarget) in new[] { ("target-groups", true), ("task-groups", false) })
        {
            await OkJsonAsync(await admin.PostAsJsonAsync($"/api/v1/plans/{id}/{path}", new { code = "Z", title = "Nhóm thử" }), HttpStatusCode.Created);
            var before = await GroupsAsync(isTarget);
            var taken = before[0].Code;
            var duplicate = await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/plans/{id}/{path}", new { code = taken, title = "Trùng" }), HttpStatusCode.BadRequest);
            Assert.Contains($"'{taken}' đã có", duplicate.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            var z = before.Single(g => g.Code == "Z");
            await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/{path}/Z", new { code = taken, title = "Trùng", revision = z.Revision }), HttpStatusCode.BadRequest);
            await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/plans/{id}/{path}/Z", new { code = "Y", title = "Cũ", revision = z.Revision + 1 }), HttpStatusCode.Conflict);
            Assert.Equal(before, await GroupsAsync(isTarget));

            Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/plans/{id}/{path}/Z", new { code = "Y", title = "Nhóm mới", revision = z.Revision })).StatusCode);
            Assert.Contains(("Y", "Nhóm mới"), (await GroupsAsync(isTarget)).Select(g => (g.Code, g.Title)));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/plans/{id}/{path}/Z")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/plans/{id}/{path}/Y")).StatusCode);
            Assert.DoesNotContain("Y", (await GroupsAsync(isTarget)).Select(g => g.Code));
        }

        // The derived target group still holds its target: not removed, and told why.
        var full = (await GroupsAsync(true))[0].Code;
        var refused = await ProblemAsync(await admin.DeleteAsync($"/api/v1/plans/{id}/target-groups/{full}"), HttpStatusCode.BadRequest);
        Assert.Contains("còn chỉ tiêu", refused.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains(full, (await GroupsAsync(true)).Select(g => g.Code));
    }
}
