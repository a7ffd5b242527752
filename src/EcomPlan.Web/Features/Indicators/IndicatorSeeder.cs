using System.Globalization;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// Loads the indicator catalogue (SeedData/indicators.yaml) and the real values shipped with the product: the
/// national series of SeedData/facts and the results the plan documents report. Every target's indicator must
/// be in the catalogue, or start-up stops naming the plan and target.
/// </summary>
public static class IndicatorSeeder
{
    public const string CatalogueFile = "indicators.yaml";

    /// <summary>National series names in facts → catalogue codes. Series left out have no matching indicator.</summary>
    private static readonly Dictionary<string, string> FactIndicators = new()
    {
        ["b2c_revenue"] = "b2c_revenue",
        ["b2c_growth"] = "ecommerce_retail_growth",
        ["b2c_share_of_retail"] = "ecommerce_retail_share",
        ["population_shopping_online"] = "online_shoppers_population_share",
        ["spend_per_shopper"] = "online_spending_per_capita",
    };

    private sealed class CatalogueDoc
    {
        public List<IndicatorDoc> Indicators { get; set; } = [];
        public List<DataElement> DataElements { get; set; } = [];
    }

    private sealed class IndicatorDoc
    {
        public string Code { get; set; } = "";
        public string NameVi { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string Definition { get; set; } = "";
        public string Unit { get; set; } = "";
        public string Direction { get; set; } = "higher";
        public string PeriodType { get; set; } = "year";
        public string Kind { get; set; } = "ratio";
        public string? Numerator { get; set; }
        public string? Denominator { get; set; }
        public decimal? Factor { get; set; }
        public string Rollup { get; set; } = "none";
        public string? RollupCondition { get; set; }
        public List<string>? Related { get; set; }
        public string? Note { get; set; }
    }

    public static (List<Indicator> Indicators, List<DataElement> Elements) ReadCatalogue(SeedDataOptions options)
    {
        var path = Path.Combine(options.Path, CatalogueFile);
        CatalogueDoc doc;
        try
        {
            doc = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<CatalogueDoc>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new PlanFileException(CatalogueFile, (int)e.Start.Line, $"danh mục chỉ số không hợp lệ: {e.InnerException?.Message ?? e.Message}");
        }
        var elements = doc.DataElements.Select(e => e.Code).ToHashSet();
        var seen = new HashSet<string>();
        foreach (var i in doc.Indicators)
        {
            if (!seen.Add(i.Code)) throw new PlanFileException(CatalogueFile, 1, $"chỉ số '{i.Code}' được khai báo hai lần");
            if (i.Direction is not ("higher" or "lower")) throw new PlanFileException(CatalogueFile, 1, $"chỉ số '{i.Code}': hướng '{i.Direction}' không hợp lệ");
            foreach (var e in new[] { i.Numerator, i.Denominator }.OfType<string>())
                if (!elements.Contains(e)) throw new PlanFileException(CatalogueFile, 1, $"chỉ số '{i.Code}' dùng thành phần '{e}' chưa khai báo");
        }
        return (doc.Indicators.Select(i => new Indicator
        {
            Code = i.Code, NameVi = i.NameVi, NameEn = i.NameEn, Definition = i.Definition, Unit = i.Unit, Direction = i.Direction,
            PeriodType = i.PeriodType, Kind = i.Kind, Numerator = i.Numerator, Denominator = i.Denominator, Factor = i.Factor,
            Rollup = i.Rollup, RollupCondition = i.RollupCondition, Related = i.Related is { Count: > 0 } r ? string.Join(",", r) : null, Note = i.Note,
        }).ToList(), doc.DataElements);
    }

    public static async Task SeedAsync(EcomPlanDbContext db, SeedDataOptions options, TimeProvider clock, CancellationToken ct)
    {
        var (indicators, elements) = ReadCatalogue(options);
        var codes = indicators.Select(i => i.Code).ToHashSet();
        var missing = await db.Targets.AsNoTracking().Where(t => t.Indicator != null).Select(t => new { t.PlanId, t.Key, t.Indicator }).ToListAsync(ct);
        if (missing.FirstOrDefault(t => !codes.Contains(t.Indicator!)) is { } m)
            throw new PlanFileException(CatalogueFile, 1, $"chỉ tiêu {m.Key} của kế hoạch '{m.PlanId}' dùng chỉ số '{m.Indicator}' không có trong danh mục");
        if (await db.Indicators.AnyAsync(ct)) return;

        db.Indicators.AddRange(indicators);
        db.DataElements.AddRange(elements);
        var now = clock.GetUtcNow();
        db.DataValues.AddRange(NationalFacts(options, now));
        db.DataValues.AddRange(await PlanResultsAsync(db, now, ct));
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<DataValue> NationalFacts(SeedDataOptions options, DateTimeOffset now)
    {
        using var reader = new StreamReader(Path.Combine(options.Path, "facts", "national-ecommerce-series.csv"));
        foreach (var row in Csv.ReadWithHeader(reader).ToList())
        {
            if (!FactIndicators.TryGetValue(row["indicator"], out var code)) continue;
            yield return new DataValue
            {
                Code = code, UnitCode = row["unit_code"], Period = row["year"], Year = int.Parse(row["year"], CultureInfo.InvariantCulture),
                Value = decimal.Parse(row["value"], CultureInfo.InvariantCulture), Source = row["source_org"], SourceUrl = row["source_url"],
                Qualifier = row["qualifier"], Note = string.IsNullOrWhiteSpace(row["note"]) ? null : row["note"],
                Status = ValueStatus.Approved, CreatedAt = now,
            };
        }
    }

    /// <summary>Results a plan document reports for its own targets (Đồng Tháp 2021–2025 in 244/KH-UBND, section I).</summary>
    private static async Task<List<DataValue>> PlanResultsAsync(EcomPlanDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var results = await db.Targets.AsNoTracking()
            .Where(t => t.ResultValue != null && t.ResultYear != null && t.Indicator != null)
            .Select(t => new
            {
                t.Indicator, t.ResultValue, t.ResultYear, t.ResultLine, t.Key,
                Plan = db.Plans.Where(p => p.Id == t.PlanId).Select(p => new { p.ProvinceCode, p.DocumentNumber, p.SourceDocument }).First(),
            })
            .ToListAsync(ct);
        return results.Select(r => new DataValue
        {
            Code = r.Indicator!, UnitCode = r.Plan.ProvinceCode ?? "VN", Period = r.ResultYear!.Value.ToString(CultureInfo.InvariantCulture), Year = r.ResultYear.Value,
            Value = r.ResultValue!.Value, Source = $"Văn bản {r.Plan.SourceDocument}, dòng {r.ResultLine} (kết quả do văn bản báo cáo)",
            Qualifier = "reported", Status = ValueStatus.Approved, CreatedAt = now,
        }).ToList();
    }
}
