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

public sealed record IndicatorDetail(Indicator Indicator, IReadOnlyList<SeriesPoint> Series, string UnitCode, string UnitName,
    IReadOnlyList<string> UnitsWithData, IReadOnlyList<UnitValue> LatestByProvince, IReadOnlyList<IndicatorTargetLine> Targets,
    IReadOnlyList<UnitValue> IllustrativeByProvince);

public static class IndicatorQueries
{
    public static async Task<List<IndicatorSummary>> ListAsync(EcomPlanDbContext db, CancellationToken ct)
    {
        var rows = await db.Indicators.AsNoTracking()
            .Select(i => new IndicatorSummary(i.Code, i.NameVi, i.NameEn, i.Unit, i.Direction,
                db.Targets.Count(t => t.Indicator == i.Code),
                db.DataValues.Count(v => v.Code == i.Code && v.IsCurrent && v.Status == ValueStatus.Approved && !v.IsIllustrative)))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.NameVi, VietnameseText.Comparer).ToList();
    }

    /// <summary>One indicator for one unit ("VN", a province or a commune code; by default the country, or the first unit with values).</summary>
    public static async Task<IndicatorDetail?> GetAsync(EcomPlanDbContext db, string code, string? unit, AccessScope scope, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (indicator is null) return null;
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.Code == code && v.IsCurrent && v.Status == ValueStatus.Approved && !v.IsIllustrative && v.Period.Length == 4)
            .Select(v => new { v.UnitCode, v.Year, v.Value, v.Source, v.Qualifier, v.IsIllustrative })
            .ToListAsync(ct);
        var units = values.Select(v => v.UnitCode).Distinct().OrderBy(u => u == "VN" ? "" : u).ToList();
        unit ??= units.Contains("VN") ? "VN" : units.FirstOrDefault() ?? "VN";
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        string NameOf(string u) => u == "VN" ? "Cả nước" : provinces.GetValueOrDefault(u) ?? u;
        var series = values.Where(v => v.UnitCode == unit).OrderBy(v => v.Year)
            .Select(v => new SeriesPoint(v.Year, v.Value, v.Source, v.Qualifier, v.IsIllustrative)).ToList();
        var latestByProvince = values.Where(v => provinces.ContainsKey(v.UnitCode))
            .GroupBy(v => v.UnitCode).Select(g => g.OrderBy(v => v.Year).Last())
            .Select(v => new UnitValue(v.UnitCode, NameOf(v.UnitCode), v.Year, v.Value, v.Source))
            .OrderBy(v => indicator.LowerIsBetter ? v.Value : -v.Value).ThenBy(v => v.UnitName, VietnameseText.Comparer).ToList();
        var visible = await PlanQueries.VisibleIdsAsync(db, scope, ct);
        var targets = await PlanQueries.TargetsAsync(db, null, new PlanItemFilter(), scope, ct);
        var titles = await db.Plans.AsNoTracking().Where(p => visible.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.Title, p.ProvinceCode }, ct);
        var lines = targets.Where(t => t.Indicator == code)
            .Select(t => new IndicatorTargetLine(t.PlanId, titles[t.PlanId].Title, t.Key, t.Requirement, t.Value ?? t.Min, t.DeadlineYear, titles[t.PlanId].ProvinceCode ?? "VN"))
            .ToList();
        // Illustration, when generated on request, is a list of its own: never in the series or the ranking above.
        var illustrative = (await db.DataValues.AsNoTracking()
                .Where(v => v.Code == code && v.IsIllustrative && v.IsCurrent)
                .Select(v => new { v.UnitCode, v.Year, v.Value, v.Source }).ToListAsync(ct))
            .GroupBy(v => v.UnitCode).Select(g => g.OrderBy(v => v.Year).Last())
            .Select(v => new UnitValue(v.UnitCode, NameOf(v.UnitCode), v.Year, v.Value, v.Source))
            .OrderBy(v => v.UnitName, VietnameseText.Comparer).ToList();
        return new IndicatorDetail(indicator, series, unit, NameOf(unit), units, latestByProvince, lines, illustrative);
    }

    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/indicators").WithTags("Chỉ số (indicators)").AllowAnonymous();
        group.MapGet("/", async (EcomPlanDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .WithName("ListIndicators").WithSummary("Danh mục chỉ số");
        group.MapGet("/{code}", async Task<Results<Ok<IndicatorDetail>, ProblemHttpResult>> (string code, string? unit, EcomPlanDbContext db, CurrentUser user, CancellationToken ct) =>
                await GetAsync(db, code, unit, await user.ScopeAsync(ct), ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"Không có chỉ số mã '{code}'."))
            .WithName("GetIndicator").WithSummary("Một chỉ số: định nghĩa, chuỗi số liệu của một đơn vị, so sánh các tỉnh, các chỉ tiêu dùng chỉ số này");
        return app;
    }
}
