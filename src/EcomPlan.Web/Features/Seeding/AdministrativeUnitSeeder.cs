using System.Globalization;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.AdministrativeUnits;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Seeding;

/// <summary>Loads regions, the 34 provinces and the communes (since 1 July 2025) from SeedData/admin once.</summary>
public static class AdministrativeUnitSeeder
{
    public static async Task SeedAsync(EcomPlanDbContext db, SeedDataOptions options, CancellationToken ct)
    {
        if (await db.Regions.AnyAsync(ct)) return;

        var regions = ReadCsv(options, "regions.csv").Select(r => new Region
        {
            Code = r["region_code"], Number = int.Parse(r["region_id"], CultureInfo.InvariantCulture),
            Name = r["name"], NameEn = r["name_en"],
        });
        var provinces = ReadCsv(options, "provinces.csv").Select(r => new Province
        {
            Code = r["code"], Name = r["name"], FullName = r["full_name_current"], NameEn = r["name_en"], RegionCode = r["region_code"],
            Population = long.TryParse(r["population"], CultureInfo.InvariantCulture, out var pop) ? pop : null,
            AreaKm2 = decimal.TryParse(r["area_km2"], CultureInfo.InvariantCulture, out var area) ? area : null,
            SearchText = VietnameseText.Fold(r["full_name_current"]),
        });
        var communes = ReadCsv(options, "communes.csv").Select(r => new Commune
        {
            Code = r["code"], Name = r["name"], FullName = r["full_name_current"], Type = r["type_current"],
            ProvinceCode = r["province_code"], SearchText = VietnameseText.Fold(r["full_name_current"]),
        });

        db.Regions.AddRange(regions);
        db.Provinces.AddRange(provinces);
        db.Communes.AddRange(communes);
        await db.SaveChangesAsync(ct);
    }

    private static List<IReadOnlyDictionary<string, string>> ReadCsv(SeedDataOptions options, string file)
    {
        using var reader = new StreamReader(Path.Combine(options.AdminFolder, file));
        return Csv.ReadWithHeader(reader).ToList();
    }
}
