using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Tests.Startup;

/// <summary>
/// A newer indicators.yaml reaches a database that already has a catalogue: new entries added, shipped ones updated,
/// the Ministry's wording kept, indicators created at run time kept; a bad file changes nothing.
/// </summary>
public class CatalogueUpsertTests
{
    private const string NewIndicator = """
          - code: internet_users_share
            nameVi: "Tỷ lệ dân số sử dụng internet"
            nameEn: "Share of the population using the internet"
            definition: "Số người sử dụng internet trong năm chia cho dân số, nhân 100."
            unit: "%"
            direction: higher
            periodType: year
            kind: ratio
            numerator: internet_users
            denominator: population
            factor: 100
            rollup: ratio_of_sums
            concept: internet_users
            note: null

        """;

    private const string NewElement = """

          - code: internet_users
            nameVi: "Số người sử dụng internet"
            nameEn: "Number of internet users"
            unit: "người"
        """;

    private static void Edit(string seed, Func<string, string> change)
    {
        var path = Path.Combine(seed, IndicatorSeeder.CatalogueFile);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to);
    }

    [Fact]
    public async Task A_newer_catalogue_updates_the_file_fields_keeps_the_Ministry_wording_and_the_runtime_indicators()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seed = StartupTests.CopySeedData();
        string b2cDefinition;
        int values;
        using (var first = new StartupTests.App(db, seed))
        {
            using var scope = first.Services.CreateScope();
            var context = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
            var b2c = await context.Indicators.AsNoTracking().SingleAsync(i => i.Code == "b2c_revenue");
            b2cDefinition = b2c.Definition;
            // The Ministry renames b2c_revenue; it edited last_mile_cost_share's English name before edits were recorded on the row.
            var (_, errors) = await EditIndicator.HandleAsync(context, "b2c_revenue",
                new("Doanh số TMĐT B2C (tên Bộ sửa)", b2c.NameEn, b2c.Definition, b2c.Note), CancellationToken.None);
            Assert.Empty(errors);
            var lastMile = await context.Indicators.AsNoTracking().SingleAsync(i => i.Code == "last_mile_cost_share");
            (_, errors) = await EditIndicator.HandleAsync(context, "last_mile_cost_share",
                new(lastMile.NameVi, "Last-mile cost share (Ministry wording)", lastMile.Definition, lastMile.Note), CancellationToken.None);
            Assert.Empty(errors);
            await context.Indicators.Where(i => i.Code == "last_mile_cost_share").ExecuteUpdateAsync(s => s.SetProperty(i => i.MinistryEditedFields, (string?)null));
            var (created, _) = await AddToCatalogue.AddIndicatorAsync(context, new("households_online_share", "Tỷ lệ hộ mua sắm trực tuyến", "Households shopping online",
                "Số hộ có người mua sắm trực tuyến chia cho số hộ, nhân 100.", "%", "higher", "year", "ratio", "online_shoppers", "population", 100, "ratio_of_sums",
                null, "online_shoppers", null), CancellationToken.None);
            Assert.NotNull(created);
            values = await context.DataValues.CountAsync();
        }

        Edit(seed, text =>
        {
            text = Replace(text, "Doanh số bán lẻ thương mại điện tử (B2C, hàng hóa và dịch vụ tiêu dùng) của địa bàn trong năm chia cho tổng mức bán lẻ",
                "Doanh số bán lẻ thương mại điện tử B2C (hàng hóa và dịch vụ tiêu dùng) của địa bàn trong năm chia cho tổng mức bán lẻ");
            text = Replace(text, "    nameVi: \"Doanh số thương mại điện tử B2C\"\n", "    nameVi: \"Doanh số thương mại điện tử B2C (tên mới của tệp)\"\n");
            text = Replace(text, b2cDefinition, b2cDefinition + " Bản sửa của tệp.");
            text = Replace(text, "Last-mile delivery cost as a share of the value of goods", "Last-mile delivery cost share (file wording)");
            text = Replace(text, "\ndataElements:", "\n" + NewIndicator + "dataElements:");
            return text.TrimEnd() + NewElement;
        });
        using (var second = new StartupTests.App(db, seed)) { _ = second.Services; }

        await using var after = StartupTests.Open(db);
        var indicators = await after.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code);
        Assert.StartsWith("Doanh số bán lẻ thương mại điện tử B2C (hàng hóa", indicators["ecommerce_retail_share"].Definition);
        Assert.Equal("Doanh số TMĐT B2C (tên Bộ sửa)", indicators["b2c_revenue"].NameVi);
        Assert.Equal(b2cDefinition + " Bản sửa của tệp.", indicators["b2c_revenue"].Definition);
        Assert.Equal("Last-mile cost share (Ministry wording)", indicators["last_mile_cost_share"].NameEn);
        Assert.Equal("NameEn", indicators["last_mile_cost_share"].MinistryEditedFields);
        Assert.Equal(CatalogueOrigin.Ministry, indicators["households_online_share"].Origin);
        Assert.Equal(("internet_users", CatalogueOrigin.Catalogue), (indicators["internet_users_share"].Concept, indicators["internet_users_share"].Origin));
        Assert.True(await after.DataElements.AnyAsync(e => e.Code == "internet_users"));
        Assert.Equal(values, await after.DataValues.CountAsync());
        var audit = await after.AuditEntries.AsNoTracking().Where(a => a.EntityType == "IndicatorCatalogue" && a.Action == "Upserted").SingleAsync();
        Assert.Contains("internet_users_share", audit.NewValues);
        Assert.Contains("\"b2c_revenue\":[\"NameVi\"]", audit.NewValues);
        Assert.Contains("\"last_mile_cost_share\":[\"NameEn\"]", audit.NewValues);

        // A third start on the same file changes nothing and says nothing.
        using (var third = new StartupTests.App(db, seed)) { _ = third.Services; }
        await using var again = StartupTests.Open(db);
        Assert.Equal(1, await again.AuditEntries.CountAsync(a => a.EntityType == "IndicatorCatalogue" && a.Action == "Upserted"));
        Directory.Delete(seed, recursive: true);
    }

    [Fact]
    public async Task A_bad_newer_catalogue_stops_start_up_and_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seed = StartupTests.CopySeedData();
        using (var first = new StartupTests.App(db, seed)) { _ = first.Services; }
        string definition;
        await using (var context = StartupTests.Open(db))
            definition = (await context.Indicators.AsNoTracking().SingleAsync(i => i.Code == "ecommerce_retail_share")).Definition;

        // A new element and a changed definition, but the new indicator forgets its concept: all or nothing.
        Edit(seed, text =>
        {
            text = Replace(text, definition, "Định nghĩa mới.");
            text = Replace(text, "\ndataElements:", "\n" + NewIndicator.Replace("    concept: internet_users\n", "") + "dataElements:");
            return text.TrimEnd() + NewElement;
        });
        using var second = new StartupTests.App(db, seed);
        var error = StartupTests.FindPlanFileException(Assert.ThrowsAny<Exception>(() => second.Services));
        Assert.Contains("internet_users_share", error.Problem);
        Assert.Contains("concept", error.Problem);

        await using var after = StartupTests.Open(db);
        Assert.False(await after.DataElements.AnyAsync(e => e.Code == "internet_users"));
        Assert.Equal(definition, (await after.Indicators.AsNoTracking().SingleAsync(i => i.Code == "ecommerce_retail_share")).Definition);
        Directory.Delete(seed, recursive: true);
    }
    [Fact]
    public async Task Results_cited_by_the_stored_file_name_are_renamed_to_the_document_number_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seed = StartupTests.CopySeedData();
        using (var first = new StartupTests.App(db, seed)) { _ = first.Services; }
        // A database seeded before results were cited by number: the source names the text file.
        await using (var context = StartupTests.Open(db))
        {
            var cited = await context.DataValues.Where(v => v.Source != null && v.Source.StartsWith("Văn bản 244/KH-UBND,")).ToListAsync();
            Assert.NotEmpty(cited);
            foreach (var v in cited) v.Source = "Văn bản 004_a65b8c3d4f9ed49f.txt," + v.Source![("Văn bản 244/KH-UBND,").Length..];
            context.SuppressAudit = true;
            await context.SaveChangesAsync();
        }
        using (var second = new StartupTests.App(db, seed)) { _ = second.Services; }
        using (var third = new StartupTests.App(db, seed)) { _ = third.Services; }

        await using var after = StartupTests.Open(db);
        Assert.False(await after.DataValues.AnyAsync(v => v.Source != null && v.Source.Contains(".txt")));
        Assert.Contains(await after.DataValues.Select(v => v.Source).ToListAsync(), s => s == "Văn bản 244/KH-UBND, dòng 9 (kết quả do văn bản báo cáo)");
        Assert.Equal(1, await after.AuditEntries.CountAsync(a => a.EntityType == "DataValue" && a.EntityId == "*"));
        Directory.Delete(seed, recursive: true);
    }
}
