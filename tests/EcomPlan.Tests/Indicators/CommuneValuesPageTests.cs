using System.Net;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Indicators;

/// <summary>
/// An indicator with values for every commune of a province: the page names units, finds communes by name and
/// never lists them all (issues 11 and 12).
/// </summary>
[Collection(MutationCollection.Name)]
public partial class CommuneValuesPageTests(MutationApp app) : IAsyncLifetime
{
    // An indicator no other test of the collection writes to.
    private const string Code = "clean_energy_logistics_enterprises";
    private readonly HttpClient client = app.CreateClient();

    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.DataValues.AnyAsync(v => v.Code == Code && v.UnitCode.Length == 5)) return;
        var communes = await db.Communes.Where(c => c.ProvinceCode == "82").Select(c => c.Code).ToListAsync();
        db.DataValues.AddRange(communes.SelectMany(c => new[] { 2024, 2025 }.Select(y => new DataValue
        {
            Code = Code, UnitCode = c, Period = y.ToString(), Year = y, Value = y - 2020, Source = "Thử nghiệm xã",
            Status = ValueStatus.Approved, CreatedAt = DateTimeOffset.UtcNow,
        })));
        db.DataValues.Add(new DataValue
        {
            Code = Code, UnitCode = "82", Period = "2025", Year = 2025, Value = 40, Source = "Thử nghiệm tỉnh",
            Status = ValueStatus.Approved, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Communes_are_found_by_name_without_diacritics_and_never_listed()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/indicators/{Code}?unit=82&commune=my%20tho"));
        var picker = UnitPicker().Match(html);
        Assert.True(picker.Success);
        var options = Option().Matches(picker.Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("Đồng Tháp", options);
        Assert.DoesNotContain(options, o => o.Any(char.IsDigit));        // names, never codes
        Assert.True(options.Count <= 35, $"{options.Count} options: communes must not be listed");
        Assert.Contains($"/indicators/{Code}?unit=28261", html);          // Phường Mỹ Tho, found without diacritics
        Assert.Contains("Phường Mỹ Tho, Đồng Tháp", html);

        var commune = await client.GetJsonAsync($"/api/v1/indicators/{Code}?unit=28261");
        Assert.Equal("Phường Mỹ Tho, Đồng Tháp", commune.Str("unitName"));
        Assert.Equal([2024, 2025], commune["series"]!.Items().Select(s => s["year"]!.GetValue<int>()));
        Assert.True(commune["hasCommuneData"]!.GetValue<bool>());
        // The ranking holds provinces only, one row each, with their latest year.
        var ranking = commune["latestByProvince"]!.Items().ToList();
        var dongThap = Assert.Single(ranking);
        Assert.Equal((2025, 40m), (dongThap["year"]!.GetValue<int>(), dongThap["value"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_search_with_no_match_says_so_and_the_matches_are_bounded()
    {
        var none = WebUtility.HtmlDecode(await client.GetStringAsync($"/indicators/{Code}?unit=82&commune=khong%20co%20xa%20nay"));
        Assert.Contains("Không có xã, phường nào có số liệu khớp", none);
        var many = await client.GetJsonAsync($"/api/v1/indicators/{Code}?unit=82&commune=phuong");
        Assert.Equal(IndicatorQueries.CommuneMatchLimit, many["communeMatches"]!.AsArray().Count);
    }

    [GeneratedRegex("<select name=\"unit\">(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex UnitPicker();

    [GeneratedRegex("<option[^>]*>([^<]*)</option>")]
    private static partial Regex Option();
}
