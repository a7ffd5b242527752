using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Tests.Indicators;

public class ValuesTemplateRuleTests
{
    [Fact]
    public void Required_columns_are_marked_and_the_importer_reads_the_marked_names()
    {
        Assert.Equal(["ma_chi_so *", "ten_chi_so", "don_vi_tinh", "ma_don_vi *", "ten_don_vi", "ky *", "gia_tri *", "tu_so", "mau_so", "nguon *", "ghi_chu"], ValuesTemplate.Header);
        Assert.Equal("ma_chi_so", ImportValues.HeaderName("\uFEFFMa_chi_so *"));
        Assert.Equal("nguon", ImportValues.HeaderName(" nguon"));
    }
}

[Collection(MutationCollection.Name)]
public class ValuesTemplateTests(MutationApp app)
{
    private static async Task<(HttpStatusCode, JsonObject)> ImportAsync(HttpClient client, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        var response = await client.PostAsync("/api/v1/values/import", form);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task The_template_has_names_units_the_reporting_year_and_a_sheet_named_with_diacritics_and_imports_as_filled()
    {
        var anonymous = app.CreateClient();
        var bytes = await anonymous.GetByteArrayAsync("/api/v1/plans/khanh-hoa-2026-2030/values-template?format=xlsx");
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        using (var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()))
            Assert.Contains("name=\"Số liệu\"", await reader.ReadToEndAsync());
        var rows = Spreadsheet.Read(new MemoryStream(bytes), "mau.xlsx");
        var year = ReportingYear.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))).ToString();
        var rank = rows.Single(r => r[0] == "ecommerce_index_rank");
        Assert.Equal("56", rank[3]);
        Assert.Equal("Khánh Hòa", rank[4]);
        Assert.Equal(year, rank[5]);
        Assert.False(string.IsNullOrWhiteSpace(rank[1]));
        Assert.NotEqual(rank[0], rank[1]);
        Assert.All(rows.Skip(1), r => Assert.Equal(year, r[5]));

        var csv = await anonymous.GetStringAsync("/api/v1/plans/khanh-hoa-2026-2030/values-template");
        Assert.StartsWith("ma_chi_so *,ten_chi_so,don_vi_tinh,ma_don_vi *", csv.TrimStart('\uFEFF'));

        // Filled in as downloaded (marks and name columns kept), one row kept: imported.
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var admin = app.ClientWithToken(await app.TokenForAsync(id));
        var share = rows.First(r => r[2] == "%");
        var filled = Spreadsheet.WriteXlsx(ValuesTemplate.SheetName, [rows[0], [share[0], share[1], share[2], "56", "Khánh Hòa", "2031", "41.5", "", "", "Sở Công Thương Khánh Hòa", ""]]);
        var (status, report) = await ImportAsync(admin, filled, "mau-da-dien.xlsx");
        Assert.True(status == HttpStatusCode.OK, report.ToJsonString());
        Assert.Equal(1, report["written"]!.GetValue<int>());

        // The old template's files (codes only, no marks) are still accepted.
        var old = Encoding.UTF8.GetBytes($"ma_chi_so,ma_don_vi,ky,gia_tri,tu_so,mau_so,nguon,ghi_chu\n{share[0]},56,2032,42,,,Sở Công Thương Khánh Hòa,\n");
        var (oldStatus, oldReport) = await ImportAsync(admin, old, "mau-cu.csv");
        Assert.True(oldStatus == HttpStatusCode.OK, oldReport.ToJsonString());
    }
}
