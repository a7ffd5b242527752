using System.Globalization;
using System.Text.Json;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Audit;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// Loads the indicator catalogue (SeedData/indicators.yaml) on every start, adding and updating entries by code
/// (<see cref="CatalogueUpsert"/>), and, with the first catalogue, the real values shipped with the product: the
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
        public List<DataElementDoc> DataElements { get; set; } = [];
    }

    private sealed class DataElementDoc
    {
        public string Code { get; set; } = "";
        public string NameVi { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string Unit { get; set; } = "";
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
        public string? Concept { get; set; }
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
            if (!CatalogueRules.Directions.Contains(i.Direction)) throw new PlanFileException(CatalogueFile, 1, $"chỉ số '{i.Code}': hướng '{i.Direction}' không hợp lệ");
            foreach (var e in new[] { i.Numerator, i.Denominator }.OfType<string>())
                if (!elements.Contains(e)) throw new PlanFileException(CatalogueFile, 1, $"chỉ số '{i.Code}' dùng thành phần '{e}' chưa khai báo");
            // Alignment pairs indicators by concept: a forgotten one would silently stop pairing.
            if (!CatalogueRules.IsCode(i.Concept)) throw new PlanFileException(CatalogueFile, 1, $"chỉ số '{i.Code}' thiếu khái niệm (concept) dạng mã chữ thường");
        }
        if (doc.DataElements.GroupBy(e => e.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new PlanFileException(CatalogueFile, 1, $"phần tử dữ liệu '{twice.Key}' được khai báo hai lần");
        return (doc.Indicators.Select(i => new Indicator
        {
            Code = i.Code, NameVi = i.NameVi, NameEn = i.NameEn, Definition = i.Definition, Unit = i.Unit, Direction = i.Direction,
            PeriodType = i.PeriodType, Kind = i.Kind, Numerator = i.Numerator, Denominator = i.Denominator, Factor = i.Factor,
            Rollup = i.Rollup, RollupCondition = i.RollupCondition, Related = i.Related is { Count: > 0 } r ? string.Join(",", r) : null, Note = i.Note,
            Concept = i.Concept!, Origin = CatalogueOrigin.Catalogue,
        }).ToList(), doc.DataElements.Select(e => new DataElement
        {
            Code = e.Code, NameVi = e.NameVi, NameEn = e.NameEn, Unit = e.Unit, Origin = CatalogueOrigin.Catalogue,
        }).ToList());
    }

    /// <summary>What start-up did to the catalogue (for the log and the audit trail).</summary>
    public sealed record UpsertReport(IReadOnlyList<string> Added, IReadOnlyList<CatalogueUpsert.Change> Changes)
    {
        public IEnumerable<CatalogueUpsert.Change> Updated => Changes.Where(c => c.Updated.Count > 0);
        public IEnumerable<CatalogueUpsert.Change> Kept => Changes.Where(c => c.Kept.Count > 0);
        /// <summary>Something was written (a kept wording alone writes nothing: it is logged at every start instead).</summary>
        public bool Any => Added.Count > 0 || Updated.Any();
    }

    public const string StartupActor = "(khởi động: cập nhật danh mục chỉ số)";

    /// <summary>
    /// Upserts the shipped catalogue by code (rule in <see cref="CatalogueUpsert"/>) on every start, all or nothing in one
    /// transaction; the shipped values are loaded with the first catalogue only.
    /// </summary>
    public static async Task<UpsertReport> SeedAsync(EcomPlanDbContext db, SeedDataOptions options, TimeProvider clock, CancellationToken ct)
    {
        var (indicators, elements) = ReadCatalogue(options);
        // Targets may name the shipped indicators and those added at run time (by the Ministry, from proposals).
        var codes = indicators.Select(i => i.Code).Concat(await db.Indicators.Select(i => i.Code).ToListAsync(ct)).ToHashSet();
        var missing = await db.Targets.AsNoTracking().Where(t => t.Indicator != null).Select(t => new { t.PlanId, t.Key, t.Indicator }).ToListAsync(ct);
        if (missing.FirstOrDefault(t => !codes.Contains(t.Indicator!)) is { } m)
            throw new PlanFileException(CatalogueFile, 1, $"chỉ tiêu {m.Key} của kế hoạch '{m.PlanId}' dùng chỉ số '{m.Indicator}' không có trong danh mục");

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var firstLoad = !await db.Indicators.AnyAsync(ct);
        await LearnMinistryEditsFromAuditAsync(db, ct);
        var added = new List<string>();
        var changes = new List<CatalogueUpsert.Change>();
        var storedElements = await db.DataElements.ToDictionaryAsync(e => e.Code, ct);
        foreach (var e in elements)
        {
            if (storedElements.TryGetValue(e.Code, out var stored)) changes.Add(CatalogueUpsert.Apply(stored, e));
            else { db.DataElements.Add(e); added.Add(e.Code); }
        }
        var storedIndicators = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        foreach (var i in indicators)
        {
            if (storedIndicators.TryGetValue(i.Code, out var stored)) changes.Add(CatalogueUpsert.Apply(stored, i));
            else { db.Indicators.Add(i); added.Add(i.Code); }
        }
        // Rows from before the concept column: alone in their concept until the file or the Ministry says otherwise.
        foreach (var stored in storedIndicators.Values.Where(i => i.Concept.Length == 0)) stored.Concept = stored.Code;

        var now = clock.GetUtcNow();
        if (firstLoad)
        {
            db.DataValues.AddRange(NationalFacts(options, now));
            db.DataValues.AddRange(await PlanResultsAsync(db, now, ct));
        }
        else await NameResultSourcesAsync(db, now, ct);
        var report = new UpsertReport(added, changes.Where(c => c.Updated.Count > 0 || c.Kept.Count > 0).ToList());
        if (report.Any)
        {
            // One entry for the whole upsert (start-up writes without row-by-row audit): what was added, what the file
            // changed, and where the Ministry's words were kept although the file says otherwise.
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, UserName = StartupActor, EntityType = "IndicatorCatalogue", EntityId = CatalogueFile, Action = firstLoad ? "Seeded" : "Upserted",
                NewValues = JsonSerializer.Serialize(new
                {
                    added,
                    updated = report.Updated.ToDictionary(c => c.Code, c => c.Updated),
                    keptMinistryWording = report.Kept.ToDictionary(c => c.Code, c => c.Kept),
                }, AuditJson),
            });
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return report;
    }

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Wording edits made before <see cref="Indicator.MinistryEditedFields"/> existed are known only from the audit trail
    /// (start-up writes no row-by-row entries, so every "Modified" entry of an indicator is a person's edit).
    /// </summary>
    private static async Task LearnMinistryEditsFromAuditAsync(EcomPlanDbContext db, CancellationToken ct)
    {
        var edits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Indicator) && a.Action == "Modified")
            .Select(a => new { a.EntityId, a.NewValues }).ToListAsync(ct);
        if (edits.Count == 0) return;
        var byCode = edits.GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => g.SelectMany(e => CatalogueUpsert.EditedIn(e.NewValues)).ToList());
        var unmarked = await db.Indicators.Where(i => i.MinistryEditedFields == null && i.Origin == CatalogueOrigin.Catalogue).ToListAsync(ct);
        foreach (var indicator in unmarked)
            if (byCode.TryGetValue(indicator.Code, out var fields)) indicator.MinistryEditedFields = CatalogueUpsert.Join(fields);
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
        var numbers = await DocumentNumbersAsync(db, ct);
        return results.Select(r => new DataValue
        {
            Code = r.Indicator!, UnitCode = r.Plan.ProvinceCode ?? "VN", Period = r.ResultYear!.Value.ToString(CultureInfo.InvariantCulture), Year = r.ResultYear.Value,
            Value = r.ResultValue!.Value, Source = ResultSource(numbers.GetValueOrDefault(r.Plan.SourceDocument ?? ""), r.ResultLine),
            Qualifier = "reported", Status = ValueStatus.Approved, CreatedAt = now,
        }).ToList();
    }

    /// <summary>Where a reported result comes from, as an official cites it: the document's number and the line.</summary>
    public static string ResultSource(string? documentNumber, int? line) =>
        $"Văn bản {documentNumber ?? "của kế hoạch"}, dòng {line} (kết quả do văn bản báo cáo)";

    /// <summary>
    /// Databases seeded before results were cited by document number name the stored text file (“Văn bản 004_….txt”):
    /// rename those sources once, recorded as one audit entry.
    /// </summary>
    private static async Task NameResultSourcesAsync(EcomPlanDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var renamed = 0;
        foreach (var (file, number) in await DocumentNumbersAsync(db, ct))
        {
            var old = $"Văn bản {file},";
            foreach (var value in await db.DataValues.Where(v => v.Source != null && v.Source.StartsWith(old)).ToListAsync(ct))
            {
                value.Source = $"Văn bản {number ?? "của kế hoạch"}," + value.Source![old.Length..];
                renamed++;
            }
        }
        if (renamed > 0)
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, UserName = StartupActor, EntityType = nameof(DataValue), EntityId = "*", Action = "Modified",
                NewValues = JsonSerializer.Serialize(new { renamedSources = renamed, why = "nguồn ghi số hiệu văn bản thay cho tên tệp" }, AuditJson),
            });
    }

    /// <summary>
    /// The number of each stored document. A document may serve two plans (Đồng Tháp's 244/KH-UBND sets 2026–2030 and
    /// evaluates 2021–2025, whose own plan was 39/KH-UBND): it is the document of the latest of them.
    /// </summary>
    private static async Task<Dictionary<string, string?>> DocumentNumbersAsync(EcomPlanDbContext db, CancellationToken ct) =>
        (await db.Plans.AsNoTracking().Where(p => p.SourceDocument != null).Select(p => new { p.SourceDocument, p.DocumentNumber, p.PeriodStart }).ToListAsync(ct))
            .GroupBy(p => p.SourceDocument!).ToDictionary(g => g.Key, g => g.MaxBy(p => p.PeriodStart)!.DocumentNumber);
}
