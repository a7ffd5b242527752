using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// Generated values for the provinces that have no real data, only when asked for ("Data:IllustrativeValues" =
/// true). They are marked <see cref="DataValue.IsIllustrative"/>, labelled "Dữ liệu minh họa" wherever shown, and
/// never used for statuses, rankings or exports of real figures.
/// </summary>
public static class IllustrativeData
{
    public const string Label = "Dữ liệu minh họa";
    public const string Source = "Dữ liệu minh họa (sinh tự động, không phải số liệu thật)";

    public static async Task EnsureAsync(EcomPlanDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.DataValues.AnyAsync(v => v.IsIllustrative, ct)) return;
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.Unit == "%" && i.Kind == "ratio").Select(i => i.Code).ToListAsync(ct);
        var provinces = await db.Provinces.AsNoTracking().Select(p => p.Code).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var province in provinces)
        {
            // Deterministic per province and indicator, so two starts generate the same illustration.
            foreach (var code in indicators)
            {
                var random = new Random(HashCode.Combine(province, code) & 0x7fffffff ^ 20261123);
                var value = 10m + random.Next(0, 50);
                for (var year = 2021; year <= 2025; year++)
                {
                    value = Math.Min(100, value + random.Next(0, 9));
                    db.DataValues.Add(new DataValue
                    {
                        Code = code, UnitCode = province, Period = year.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = year,
                        Value = value, Source = Source, Status = ValueStatus.Approved, IsIllustrative = true, CreatedAt = now,
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
