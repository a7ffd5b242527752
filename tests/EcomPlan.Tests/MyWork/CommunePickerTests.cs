using System.Net;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Tests.Reporting;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Accounts.Admin;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.MyWork;

/// <summary>A commune reporter is invited with the commune picked by name, never by a typed code.</summary>
[Collection(ReportingCollection.Name)]
public class CommunePickerTests(ReportingApp app)
{
    private static readonly List<CommuneChoice> Sample =
    [
        new("28261", "Phường Mỹ Tho", "82", "Đồng Tháp"), new("28270", "Phường Thới Sơn", "82", "Đồng Tháp"),
        new("22366", "Phường Nha Trang", "56", "Khánh Hòa"), new("99999", "Phường An Bình", "56", "Khánh Hòa"), new("99998", "Phường An Bình", "82", "Đồng Tháp"),
    ];

    private static bool DongThapOnly(string province) => province == "82";

    [Theory]
    [InlineData("Phường Mỹ Tho – Đồng Tháp", "28261")]
    [InlineData("phuong my tho", "28261")]
    [InlineData("  MY THO ", "28261")]
    [InlineData("Phường An Bình", "99998")] // the namesake in Khánh Hòa is out of reach, so the name is unique here
    public void A_name_with_or_without_diacritics_picks_the_commune(string typed, string code) =>
        Assert.Equal(code, CommunePicker.Resolve(typed, Sample, DongThapOnly).Commune?.Code);

    [Theory]
    [InlineData("Phường Nha Trang – Khánh Hòa", "thuộc Khánh Hòa, ngoài phạm vi")]
    [InlineData("22366", "thuộc Khánh Hòa, ngoài phạm vi")]
    [InlineData("dong thap", "Có 3 xã, phường khớp")]
    [InlineData("Xã Không Có", "Không tìm thấy xã, phường")]
    [InlineData("", "Chọn xã, phường")]
    public void A_bad_ambiguous_or_other_province_choice_is_refused_with_the_reason(string typed, string message)
    {
        var (commune, error) = CommunePicker.Resolve(typed, Sample, DongThapOnly);
        Assert.Null(commune);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task The_invitation_form_finds_the_commune_by_name_and_refuses_another_province_next_to_the_field_keeping_what_was_typed()
    {
        var (_, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var admin = await app.SignInAsync(adminEmail);
        var form = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users"));
        Assert.Contains("<option value=\"Phường Mỹ Tho – Đồng Tháp\" label=\"phuong my tho – dong thap\">", form);
        Assert.DoesNotContain("Khánh Hòa\" label=", form); // only the communes of the administrator's province are suggested
        Assert.DoesNotContain("vd. 22333", form);

        var email = $"xa-{Guid.NewGuid():N}@test.ecomplan.local";
        var refused = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/admin/users", "invite", new()
        {
            ["Email"] = email, ["FullName"] = "Lê Thị Xã", ["Role"] = "CommuneReporter", ["Commune"] = "Phường Nha Trang – Khánh Hòa",
        })).Content.ReadAsStringAsync());
        Assert.Matches("<span class=\"field-error\" id=\"Commune-error\" role=\"alert\">[^<]*thuộc Khánh Hòa, ngoài phạm vi", refused);
        Assert.Contains($"value=\"{email}\"", refused);
        Assert.Contains("value=\"Lê Thị Xã\"", refused);
        Assert.Contains("value=\"Phường Nha Trang – Khánh Hòa\"", refused);
        Assert.Matches("<option value=\"CommuneReporter\" selected", refused);
        await using (var db = app.CreateDbContext()) Assert.False(await db.Users.AnyAsync(u => u.Email == email));

        var invited = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/admin/users", "invite", new()
        {
            ["Email"] = email, ["FullName"] = "Lê Thị Xã", ["Role"] = "CommuneReporter", ["Commune"] = "phuong my tho",
        })).Content.ReadAsStringAsync());
        Assert.Contains($"Đã gửi lời mời tới {email}", invited);
        await using (var db = app.CreateDbContext())
            Assert.Equal("28261", await db.Users.Where(u => u.Email == email).SelectMany(u => u.Roles).Select(r => r.CommuneCode).SingleAsync());
    }
}
