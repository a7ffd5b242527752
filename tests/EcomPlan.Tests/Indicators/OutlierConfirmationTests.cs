using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Indicators;

[Collection(MutationCollection.Name)]
public class OutlierConfirmationTests(MutationApp app)
{
    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        var hidden = TestAccounts.HiddenFieldsOf(await client.GetStringAsync("/values/import"), "import");
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in hidden) form.Add(new StringContent(v), k);
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "so-lieu.csv");
        return WebUtility.HtmlDecode(await (await client.PostAsync("/values/import", form)).Content.ReadAsStringAsync());
    }

    private static async Task<string> ConfirmAsync(HttpClient client, string keptId)
    {
        var token = Regex.Match(await client.GetStringAsync("/values/import"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/values/import", new FormUrlEncodedContent(
            [new("_handler", "confirm-outliers"), new("__RequestVerificationToken", token), new("KeptId", keptId)]));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outliers_are_confirmed_on_the_page_without_uploading_again_and_only_by_the_uploader()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var client = await app.SignInAsync(email);
        const string header = "ma_chi_so,ma_don_vi,ky,gia_tri,tu_so,mau_so,nguon,ghi_chu\n";
        Assert.Contains("Đã ghi 1 giá trị", await UploadAsync(client, header + "recyclable_packaging_share,56,2037,10,,,Sở Công Thương,\n"));

        var asked = await UploadAsync(client, header + "recyclable_packaging_share,56,2038,40,,,Sở Công Thương,\n");
        Assert.Contains("giá trị bất thường cần xác nhận", asked);
        Assert.Contains("bấm «Xác nhận các giá trị bất thường và ghi»", asked);
        var kept = Regex.Match(asked, "name=\"KeptId\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(kept);
        async Task<bool> WrittenAsync()
        {
            await using var db = app.CreateDbContext();
            return await db.DataValues.AnyAsync(v => v.Code == "recyclable_packaging_share" && v.UnitCode == "56" && v.Period == "2038");
        }
        Assert.False(await WrittenAsync());

        // Another user cannot confirm someone else's kept file.
        var (_, otherEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        Assert.Contains("Tệp chờ xác nhận không còn", await ConfirmAsync(await app.SignInAsync(otherEmail), kept));
        Assert.False(await WrittenAsync());

        Assert.Contains("Đã ghi 1 giá trị", await ConfirmAsync(client, kept));
        Assert.True(await WrittenAsync());
        Assert.Contains("Tệp chờ xác nhận không còn", await ConfirmAsync(client, kept));   // used once
    }
}
