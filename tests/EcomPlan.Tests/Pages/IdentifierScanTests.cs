using System.Net;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Pages;

/// <summary>
/// Every page of the seeded plans, read as an official reads it (the visible text, not the links): no document file
/// name, no indicator or data element code, no plan slug and no province code where a name belongs. (The indicator
/// catalogue itself lists each code beside its name, as the key the import templates use, so it is not scanned.)
/// </summary>
[Collection(AppCollection.Name)]
public partial class IdentifierScanTests(EcomPlanApp app)
{
    private static readonly string[] PlanPages = ["", "/progress", "/alignment", "/timeline", "/document", "/versions", "/reporting"];

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b\d{3}_[0-9a-f]{16}\.txt\b")]
    private static partial Regex DocumentFile();

    [GeneratedRegex(@"\b(tỉnh|thành phố|Tỉnh|Thành phố|đơn vị|Đơn vị)\s+\d{2}\b")]
    private static partial Regex ProvinceCode();

    /// <summary>What a reader sees: the text between tags, the page title included, scripts and styles left out.</summary>
    private static string Visible(string html) => WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(html, " "), " "));

    [Fact]
    public async Task No_page_of_a_seeded_plan_shows_an_internal_identifier_where_a_name_belongs()
    {
        List<string> plans, codes;
        await using (var db = app.CreateDbContext())
        {
            plans = await db.Plans.AsNoTracking().Select(p => p.Id).ToListAsync();
            codes = await db.Indicators.AsNoTracking().Select(i => i.Code).ToListAsync();
            codes.AddRange(await db.DataElements.AsNoTracking().Select(e => e.Code).ToListAsync());
        }
        var words = new Regex(@"(?<![\w/])(" + string.Join('|', codes.Concat(plans).Distinct().OrderByDescending(c => c.Length).Select(Regex.Escape)) + @")(?![\w/])");
        // Someone with a province-wide role, so the users page has a province to name.
        await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "82" });
        var readers = new Dictionary<string, HttpClient>
        {
            ["khách"] = app.CreateClient(),
            ["quản trị"] = await app.SignInAsync("admin@test.ecomplan.local", EcomPlanApp.AdminPassword),
        };
        var found = new List<string>();
        foreach (var (who, client) in readers)
            foreach (var url in plans.SelectMany(p => PlanPages.Select(page => $"/plans/{p}{page}")).Prepend("/plans")
                         .Concat(who == "quản trị" ? ["/admin/users", "/agencies"] : []))
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect or HttpStatusCode.Found) continue;
                Assert.True(response.IsSuccessStatusCode, $"{who} GET {url} → {(int)response.StatusCode}");
                var text = Visible(await response.Content.ReadAsStringAsync());
                foreach (var m in DocumentFile().Matches(text).Concat(ProvinceCode().Matches(text)).Concat(words.Matches(text)).DistinctBy(m => m.Value))
                    found.Add($"{who} {url}: “{Around(text, m.Index)}”");
            }
        Assert.True(found.Count == 0, $"{found.Count} chỗ:\n" + string.Join('\n', found.Take(60)));
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 50);
        return Regex.Replace(text.Substring(start, Math.Min(text.Length - start, 110)), @"\s+", " ").Trim();
    }
}
