using System.Net;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Tests.Reporting;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.MyWork;

/// <summary>Expected reporters are real units: the documents' group phrases are shown as such, never expected to report.</summary>
[Collection(ReportingCollection.Name)]
public class ExpectedReportersTests(ReportingApp app)
{
    private static readonly string[] DongThapGroups = ["Các sở, ngành Tỉnh", "Các sở, ngành, tổ chức có liên quan theo lĩnh vực", "Ủy ban nhân dân các xã, phường"];

    [Theory]
    [InlineData("collective", "Các sở, ngành Tỉnh", true)]
    [InlineData("other", "Các sở, ngành theo chức năng", true)]
    [InlineData("department", "Sở Công Thương", false)]
    [InlineData("people_committee", "Ủy ban nhân dân tỉnh Đồng Tháp", false)]
    public void A_group_phrase_is_told_by_its_kind_or_its_words(string kind, string name, bool group) =>
        Assert.Equal(group, ExpectedReporters.IsGroupPhrase(kind, name));

    [Fact]
    public void A_group_phrase_says_what_it_stands_for()
    {
        Assert.Contains("mỗi xã, phường báo cáo riêng", ExpectedReporters.Meaning("Ủy ban nhân dân các xã, phường", communesReport: true));
        Assert.Contains("không yêu cầu xã, phường", ExpectedReporters.Meaning("Ủy ban nhân dân các xã, phường", communesReport: false));
        Assert.Contains("không phải một đơn vị", ExpectedReporters.Meaning("Các sở, ngành, tổ chức có liên quan theo lĩnh vực", communesReport: true));
    }

    [Fact]
    public async Task Dong_Thap_cycles_expect_its_agencies_and_communes_but_no_group_phrase_and_the_page_offers_invitations()
    {
        var (department, _, _, agency) = await app.ActorsAsync();
        var (cycle, _) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – đơn vị thật");
        await using (var db = app.CreateDbContext())
        {
            var units = await db.Reports.Where(r => r.CycleId == cycle).Select(r => new { r.UnitName, r.AgencyId, r.CommuneCode }).ToListAsync();
            Assert.DoesNotContain(units, u => DongThapGroups.Contains(u.UnitName));
            Assert.Equal(await db.Communes.CountAsync(c => c.ProvinceCode == "82"), units.Count(u => u.CommuneCode is not null));
            Assert.Contains(units, u => u.UnitName == "Sở Công Thương");
            var groupIds = await db.Agencies.Where(a => a.Kind == "collective").Select(a => a.Id).ToListAsync();
            Assert.DoesNotContain(units, u => u.AgencyId is { } id && groupIds.Contains(id));
        }

        var view = await ExpectedReportersOfAsync("dong-thap-2026-2030");
        Assert.Equal(DongThapGroups.Order(), view.Groups.Select(g => g.Name).Order());
        Assert.True(view.Agencies.Single(a => a.Name == "Sở Công Thương").HasReporter);
        var missing = view.Agencies.First(a => !a.HasReporter);

        var (_, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var admin = await app.SignInAsync(adminEmail);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/plans/dong-thap-2026-2030/reporting"));
        Assert.Contains("Cụm từ chỉ nhóm trong văn bản (không tính là đơn vị báo cáo)", page);
        foreach (var g in DongThapGroups) Assert.Contains($"<strong>{g}</strong>", page);
        Assert.Contains($"{view.WithoutReporter} đơn vị chưa có tài khoản báo cáo viên", page);
        Assert.Contains($"href=\"/admin/users?role=AgencyReporter&agency={missing.AgencyId}#invite\"", page);
        Assert.DoesNotContain($"agency={agency}#invite", page); // Sở Công Thương has its reporters

        // One click: the invitation form opens with the role and the agency chosen.
        var form = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/users?role=AgencyReporter&agency={missing.AgencyId}"));
        Assert.Contains($"Mời báo cáo viên cho <strong>{missing.Name}</strong>", form);
        Assert.Matches("<option value=\"AgencyReporter\" selected", form);
        Assert.Matches($"<option value=\"{missing.AgencyId}\" selected", form);
        var commune = view.Communes.First(c => !c.HasReporter);
        var communeForm = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/users?role=CommuneReporter&commune={commune.CommuneCode}"));
        Assert.Contains($"value=\"{commune.Name} – Đồng Tháp\"", communeForm);

        // Invited, the agency no longer lacks a reporter.
        var invited = await admin.PostFormAsync("/admin/users", "invite", new()
        {
            ["Email"] = $"moi-{Guid.NewGuid():N}@test.ecomplan.local", ["FullName"] = "Nguyễn Văn Mời", ["Role"] = "AgencyReporter", ["AgencyId"] = $"{missing.AgencyId}",
        });
        Assert.Contains("Đã gửi lời mời", WebUtility.HtmlDecode(await invited.Content.ReadAsStringAsync()));
        Assert.True((await ExpectedReportersOfAsync("dong-thap-2026-2030")).Agencies.Single(a => a.AgencyId == missing.AgencyId).HasReporter);
    }

    [Fact]
    public async Task Khanh_Hoa_expects_its_agencies_not_the_phrase_of_its_document_and_Dong_Thap_cannot_see_its_list()
    {
        // What a Khánh Hòa cycle would expect (its regime is left unset: other tests rely on that).
        await using (var db = app.CreateDbContext())
        {
            var (reporting, groups) = await ExpectedReporters.AgenciesOfAsync(db, "khanh-hoa-2026-2030", CancellationToken.None);
            Assert.Contains(groups, g => g.Name == "Các sở, ngành theo chức năng");
            Assert.DoesNotContain(reporting, r => r.Agency.Name == "Các sở, ngành theo chức năng");
            Assert.Contains(reporting, r => r.Agency.Name == "Sở Công Thương" && r.Agency.ProvinceCode == "56");
            Assert.All(reporting, r => Assert.False(ExpectedReporters.IsGroupPhrase(r.Agency.Kind, r.Agency.Name)));
        }

        var (_, dtEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var dt = await app.SignInAsync(dtEmail);
        var response = await dt.GetAsync("/plans/khanh-hoa-2026-2030/reporting");
        Assert.DoesNotContain("Đơn vị phải báo cáo", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<ExpectedReportersView> ExpectedReportersOfAsync(string plan)
    {
        await using var db = app.CreateDbContext();
        return (await ExpectedReporters.ForPlanAsync(db, plan, CancellationToken.None))!;
    }
}
