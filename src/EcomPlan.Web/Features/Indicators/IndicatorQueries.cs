using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

public sealed record IndicatorSummary(string Code, string NameVi, string NameEn, string Unit, string Direction, int TargetCount, int ValueCount);

public sealed record UnitValue(string UnitCode, string UnitName, int Year, decimal Value, string Source);

public sealed record IndicatorTargetLine(string PlanId, string PlanTitle, string Key, string Requirement, decimal? Value, int? DeadlineYear, string UnitCode);

public sealed record RegionValue(string RegionCode, string RegionName, decimal Value, int ProvincesWithData, int Provinces, string Method);

public sealed record ProjectionPoint(int Year, decimal Value, string TargetKey);

/// <summary>A unit offered in a picker, by its name.</summary>
public sealed record UnitChoice(string Code, string Name);

public sealed record IndicatorDetail(Indicator Indicator, IReadOnlyList<SeriesPoint> Series, string UnitCode, string UnitName,
    IReadOnlyList<UnitChoice> Units, bool HasCommuneData, IReadOnlyList<UnitChoice> CommuneMatches, IReadOnlyList<UnitValue> LatestByProvince, IReadOnlyList<IndicatorTargetLine> Targets,
    IReadOnlyList<UnitValue> IllustrativeByProvince, IReadOnlyList<RegionValue> Regions, IReadOnlyList<ProjectionPoint> Projection);

public static class IndicatorQueries
{
    /// <summary>The catalogue with its counts, each counted in one grouped query rather than one count per indicator.</summary>
    public static async Task<List<IndicatorSummary>> ListAsync(EcomPlanDbContext db, CancellationToken ct)
    {
        var targetCounts = await db.Targets.AsNoTracking().Where(t => t.Indicator != null).GroupBy(t => t.Indicator!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var valueCounts = await db.DataValues.AsNoTracking().Where(v => v.IsCurrent && v.Status == ValueStatus.Approved && !v.IsIllustrative)
            .GroupBy(v => v.Code).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.NameVi, i.NameEn, i.Unit, i.Direction }).ToListAsync(ct);
        return rows.Select(i => new IndicatorSummary(i.Code, i.NameVi, i.NameEn, i.Unit, i.Direction,
                targetCounts.GetValueOrDefault(i.Code), valueCounts.GetValueOrDefault(i.Code)))
            .OrderBy(r => r.NameVi, VietnameseText.Comparer).ToList();
    }

    /// <summary>
    /// One indicator for one unit ("VN", a province or a commune code; by default the country, or the first province
    /// with values). Loads only what the page shows: the unit's series, each province's latest value (chosen in SQL),
    /// the targets on this indicator and, when asked, at most <see cref="CommuneMatchLimit"/> communes by name, so
    /// that its cost does not grow with the commune data.
    /// </summary>
    public static async Task<IndicatorDetail?> GetAsync(EcomPlanDbContext db, string code, string? unit, AccessScope scope, CancellationToken ct,
        string? communeSearch = null)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (indicator is null) return null;
        var yearly = db.DataValues.AsNoTracking().Where(v => v.Code == code && v.IsCurrent && v.Period.Length == 4);
        var real = yearly.Where(v => v.Status == ValueStatus.Approved && !v.IsIllustrative);
        var latestByProvince = (await LatestPerProvinceAsync(db, real, ct))
            .OrderBy(v => indicator.LowerIsBetter ? v.Value : -v.Value).ThenBy(v => v.UnitName, VietnameseText.Comparer).ToList();
        var hasCountry = await real.AnyAsync(v => v.UnitCode == "VN", ct);
        unit ??= hasCountry ? "VN" : latestByProvince.Select(v => v.UnitCode).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? await real.OrderBy(v => v.UnitCode).Select(v => v.UnitCode).FirstOrDefaultAsync(ct) ?? "VN";
        var unitName = await UnitNameAsync(db, unit, ct);
        var series = await real.Where(v => v.UnitCode == unit).OrderBy(v => v.Year)
            .Select(v => new SeriesPoint(v.Year, v.Value, v.Source, v.Qualifier, v.IsIllustrative)).ToListAsync(ct);

        // The unit picker: the country and the provinces with data by name; communes are found by a search, never listed.
        var choices = new List<UnitChoice>();
        if (hasCountry) choices.Add(new("VN", "Cả nước"));
        choices.AddRange(latestByProvince.OrderBy(v => v.UnitName, VietnameseText.Comparer).Select(v => new UnitChoice(v.UnitCode, v.UnitName)));
        if (choices.All(c => c.Code != unit)) choices.Add(new(unit, unitName));
        var hasCommuneData = await real.AnyAsync(v => db.Communes.Any(c => c.Code == v.UnitCode), ct);
        var communes = hasCommuneData && VietnameseText.Fold(communeSearch) is { Length: > 0 } folded
            ? await db.Communes.AsNoTracking()
                .Where(c => c.SearchText.Contains(folded) && real.Any(v => v.UnitCode == c.Code))
                .OrderBy(c => c.Name).Take(CommuneMatchLimit)
                .Select(c => new UnitChoice(c.Code, c.FullName + ", " + db.Provinces.Where(p => p.Code == c.ProvinceCode).Select(p => p.Name).First()))
                .ToListAsync(ct)
            : [];

        var targets = await PlanQueries.TargetsAsync(db, null, new PlanItemFilter(Indicator: code), scope, ct);
        var planIds = targets.Select(t => t.PlanId).Distinct().ToList();
        var titles = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.Title, p.ProvinceCode }, ct);
        var lines = targets
            .Select(t => new IndicatorTargetLine(t.PlanId, titles[t.PlanId].Title, t.Key, t.Requirement, t.Value ?? t.Min, t.DeadlineYear, titles[t.PlanId].ProvinceCode ?? "VN"))
            .ToList();
        // Illustration, when generated on request, is a list of its own: never in the series or the ranking above.
        var illustrative = (await LatestPerProvinceAsync(db, yearly.Where(v => v.IsIllustrative), ct))
            .OrderBy(v => v.UnitName, VietnameseText.Comparer).ToList();
        var regions = await RegionsAsync(db, indicator, latestByProvince, ct);
        // The trend of the unit's own targets extended to their deadline, by the progress method.
        var projection = lines.Where(l => l.UnitCode == unit && l.DeadlineYear is not null && series.Count >= 2)
            .Select(l => (Line: l, Target: targets.First(t => t.PlanId == l.PlanId && t.Key == l.Key)))
            .Select(x => (x.Line, Result: ProgressMethod.Evaluate(new ProgressInput(x.Target.Kind, indicator.LowerIsBetter, x.Target.Value, x.Target.Min,
                x.Target.Max, x.Target.Exclusive, x.Target.DeadlineYear, null, series.Select(s => new Observation(s.Year, s.Value)).ToList()))))
            .Where(x => x.Result.Projection is not null && x.Line.DeadlineYear > series[^1].Year)
            .Select(x => new ProjectionPoint(x.Line.DeadlineYear!.Value, Math.Round(x.Result.Projection!.Value, 2), x.Line.Key))
            .DistinctBy(p => p.Year).ToList();
        return new IndicatorDetail(indicator, series, unit, unitName, choices, hasCommuneData, communes, latestByProvince, lines, illustrative, regions, projection);
    }

    public const int CommuneMatchLimit = 20;

    /// <summary>Each province's value of its latest year: at most one row per province leaves the database.</summary>
    private static async Task<List<UnitValue>> LatestPerProvinceAsync(EcomPlanDbContext db, IQueryable<DataValue> values, CancellationToken ct) =>
        await (from v in values
               join p in db.Provinces on v.UnitCode equals p.Code
               where !values.Any(w => w.UnitCode == v.UnitCode && w.Year > v.Year)
               select new UnitValue(v.UnitCode, p.Name, v.Year, v.Value, v.Source))
            .ToListAsync(ct);

    private static async Task<string> UnitNameAsync(EcomPlanDbContext db, string unit, CancellationToken ct)
    {
        if (unit == "VN") return "Cả nước";
        return await db.Provinces.AsNoTracking().Where(p => p.Code == unit).Select(p => p.Name).FirstOrDefaultAsync(ct)
            ?? await db.Communes.AsNoTracking().Where(c => c.Code == unit)
                .Select(c => c.FullName + ", " + db.Provinces.Where(p => p.Code == c.ProvinceCode).Select(p => p.Name).First()).FirstOrDefaultAsync(ct)
            ?? unit;
    }

    /// <summary>
    /// Regions from their provinces' latest values, by the catalogue's roll-up rule: sums add up; shares are
    /// weighted by population (the numerators and denominators are not stored yet, so a ratio of sums is
    /// approximated this way, and said so); ranks and national-only figures do not roll up.
    /// </summary>
    private static async Task<List<RegionValue>> RegionsAsync(EcomPlanDbContext db, Indicator indicator, List<UnitValue> provinces, CancellationToken ct)
    {
        if (indicator.Rollup == "none" || provinces.Count == 0) return [];
        var units = await db.Provinces.AsNoTracking().Select(p => new { p.Code, p.RegionCode, p.Population }).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Number).ToListAsync(ct);
        var byCode = provinces.ToDictionary(p => p.UnitCode);
        return regions.Select(r =>
        {
            var members = units.Where(u => u.RegionCode == r.Code).ToList();
            var withData = members.Where(m => byCode.ContainsKey(m.Code)).ToList();
            if (withData.Count == 0) return null;
            var sum = indicator.Rollup == "sum";
            var weight = withData.Sum(m => (decimal)(m.Population ?? 0));
            var value = sum
                ? withData.Sum(m => byCode[m.Code].Value)
                : weight == 0 ? withData.Average(m => byCode[m.Code].Value) : withData.Sum(m => byCode[m.Code].Value * (m.Population ?? 0)) / weight;
            return new RegionValue(r.Code, r.Name, Math.Round(value, 2), withData.Count, members.Count, sum ? "tổng" : "bình quân gia quyền theo dân số");
        }).OfType<RegionValue>().ToList();
    }

    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/indicators").WithTags("Chỉ số (indicators)").AllowAnonymous();
        group.MapGet("/", async (EcomPlanDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .WithName("ListIndicators").WithSummary("Danh mục chỉ số");
        group.MapGet("/{code}/values/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, string? format, EcomPlanDbContext db, CancellationToken ct) =>
            {
                if (format is not (null or "csv" or "xlsx")) return Problems.BadRequest("Định dạng phải là csv hoặc xlsx.");
                if (!await db.Indicators.AnyAsync(i => i.Code == code, ct)) return Problems.NotFound($"Không có chỉ số mã '{code}'.");
                var values = await db.DataValues.AsNoTracking()
                    .Where(v => v.Code == code && v.IsCurrent && v.Status == ValueStatus.Approved && !v.IsIllustrative)
                    .OrderBy(v => v.UnitCode).ThenBy(v => v.Period)
                    .Select(v => new { v.UnitCode, v.Period, v.Value, v.Source, v.SourceUrl, v.Qualifier, v.Version })
                    .ToListAsync(ct);
                var rows = new List<IReadOnlyList<string>> { new[] { "ma_chi_so", "ma_don_vi", "ky", "gia_tri", "nguon", "dia_chi_nguon", "muc_do", "phien_ban" } };
                rows.AddRange(values.Select(v => (IReadOnlyList<string>)[code, v.UnitCode, v.Period, v.Value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
                    v.Source, v.SourceUrl ?? "", v.Qualifier ?? "", v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
                return format == "xlsx"
                    ? TypedResults.File(Spreadsheet.WriteXlsx("So lieu", rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"so-lieu-{code}.xlsx")
                    : TypedResults.File(Spreadsheet.WriteCsv(rows), "text/csv; charset=utf-8", $"so-lieu-{code}.csv");
            })
            .WithName("ExportIndicatorValues").WithSummary("Xuất số liệu đã duyệt (thật) của một chỉ số ra CSV hoặc XLSX");
        group.MapGet("/{code}", async Task<Results<Ok<IndicatorDetail>, ProblemHttpResult>> (string code, string? unit, string? commune, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await GetAsync(db, code, unit, await user.ScopeAsync(ct), ct, commune) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"Không có chỉ số mã '{code}'."))
            .WithName("GetIndicator").WithSummary("Một chỉ số: định nghĩa, chuỗi số liệu của một đơn vị, so sánh các tỉnh, các chỉ tiêu dùng chỉ số này");
        return app;
    }
}
