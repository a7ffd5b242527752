using System.Net;
using System.Net.Http.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Tests.Unit;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Security;

/// <summary>Files from users are read within bounds, and files given back to users cannot run anything.</summary>
[Collection(MutationCollection.Name)]
public class HostileFileTests(MutationApp app)
{
    [Fact]
    public async Task A_tiny_workbook_holding_200_MB_of_text_is_refused_without_echo_and_writes_nothing()
    {
        // Any signed-in user may post a file: a viewer's token is enough to reach the reader.
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var file = SpreadsheetTests.Workbook(SpreadsheetTests.Sheet("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""),
            SpreadsheetTests.HugeSharedString(200L * 1024 * 1024));
        Assert.True(file.Length < 1024 * 1024, $"the file is {file.Length} bytes");
        await using var db = app.CreateDbContext();
        var before = await db.DataValues.CountAsync();

        var response = await app.ClientWithToken(await app.TokenForAsync(id)).PostAsync("/api/v1/values/import",
            new MultipartFormDataContent { { new ByteArrayContent(file), "file", "so-lieu.xlsx" } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp nén bất thường (tỉ lệ nén quá lớn)", body);
        Assert.DoesNotContain("AAAAAAAA", body);
        Assert.True(body.Length < 2000, "the answer does not carry the file back");
        Assert.Equal(before, await db.DataValues.CountAsync());
    }

    [Fact]
    public async Task A_formula_imported_as_a_source_comes_out_of_the_public_CSV_as_text()
    {
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        await using (var db = app.CreateDbContext())
        {
            var commune = await db.Communes.Where(c => c.ProvinceCode == "56").OrderByDescending(c => c.Code).Select(c => c.Code).FirstAsync();
            var posted = await app.ClientWithToken(await app.TokenForAsync(id)).PostAsJsonAsync("/api/v1/values", new
            {
                rows = new[] { new { indicator = "online_shoppers_population_share", unit = commune, period = "2019", value = 12.5m, source = "=HYPERLINK(\"http://x\",\"y\")" } },
                confirmOutliers = true,
            });
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }
        var csv = await app.CreateClient().GetStringAsync("/api/v1/indicators/online_shoppers_population_share/values/export?format=csv");
        Assert.Contains("'=HYPERLINK(", csv);
        Assert.DoesNotContain(",=HYPERLINK(", csv);
    }
}
