using System.Globalization;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>A value waiting for review, as the reviewer reads it: names, never codes.</summary>
public sealed record PendingValue(long Id, string Code, string IndicatorName, string Measure, string UnitCode, string UnitName, string Period,
    decimal Value, string Source, string? Note, int Version, string SubmitterName, DateTimeOffset SubmittedAt, decimal? PreviousValue, string? PreviousPeriod);

/// <summary>A value the reviewer returned to its reporter, with the reason.</summary>
public sealed record ReturnedValue(long Id, string Code, string IndicatorName, string Measure, string UnitCode, string UnitName, string Period,
    decimal Value, string Reason, string ReturnedByName, DateTimeOffset? ReturnedAt);

/// <summary>The reviewer's and the reporter's views of values under review.</summary>
public static class ValueReviewQueries
{
    public static async Task<List<PendingValue>> PendingAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        var pending = await ReviewValues.PendingAsync(db, scope, ct);
        if (pending.Count == 0) return [];
        var codes = pending.Select(v => v.Code).Distinct().ToList();
        var unitCodes = pending.Select(v => v.UnitCode).Distinct().ToList();
        var ids = pending.Select(v => v.Id).ToList();
        var entered = await db.DataValues.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.EnteredBy }).ToDictionaryAsync(v => v.Id, v => v.EnteredBy, ct);
        var names = await NamesAsync(db, codes, unitCodes, entered.Values, ct);
        // The latest approved value of an earlier period, for the change.
        var approved = await db.DataValues.AsNoTracking()
            .Where(v => v.IsCurrent && v.Status == ValueStatus.Approved && !v.IsIllustrative && codes.Contains(v.Code) && unitCodes.Contains(v.UnitCode))
            .Select(v => new { v.Code, v.UnitCode, v.Period, v.Year, v.Value }).ToListAsync(ct);
        return pending.Select(v =>
        {
            var year = int.Parse(v.Period[..4], CultureInfo.InvariantCulture);
            var previous = approved.Where(a => a.Code == v.Code && a.UnitCode == v.UnitCode && (a.Year < year || (a.Year == year && string.CompareOrdinal(a.Period, v.Period) < 0)))
                .OrderByDescending(a => a.Year).ThenByDescending(a => a.Period, StringComparer.Ordinal).FirstOrDefault();
            var (indicator, measure) = names.Indicators.GetValueOrDefault(v.Code, (v.Code, ""));
            return new PendingValue(v.Id, v.Code, indicator, measure, v.UnitCode, names.UnitName(v.UnitCode), v.Period, v.Value, v.Source, v.Note, v.Version,
                entered.GetValueOrDefault(v.Id) is { } by ? names.Users.GetValueOrDefault(by, "–") : "–", v.CreatedAt, previous?.Value, previous?.Period);
        }).OrderBy(v => v.UnitName, VietnameseText.Comparer).ThenBy(v => v.IndicatorName, VietnameseText.Comparer).ThenBy(v => v.Period).ToList();
    }

    /// <summary>
    /// The values returned to this user: the ones they entered, or ones they may write and not approve themselves
    /// (a reporter sees the returns of their agency or commune), still a draft since.
    /// </summary>
    public static async Task<List<ReturnedValue>> ReturnedToAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsSignedIn) return [];
        var permissions = await ValuePermissions.ForAsync(db, scope, ct);
        var rows = await db.DataValues.AsNoTracking().Where(v => v.IsCurrent && v.Status == ValueStatus.Draft && v.ReturnReason != null)
            .OrderByDescending(v => v.ReturnedAt).Take(2000).ToListAsync(ct);
        var communes = await db.Communes.AsNoTracking().Where(c => rows.Select(r => r.UnitCode).Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.ProvinceCode, ct);
        string? Province(string unit) => unit == "VN" ? null : unit.Length == 2 ? unit : communes.GetValueOrDefault(unit);
        rows = rows.Where(v => v.EnteredBy == scope.UserId
            || (permissions.MayWrite(v.UnitCode, Province(v.UnitCode), v.Code) && !permissions.Approves(v.UnitCode, Province(v.UnitCode)))).ToList();
        if (rows.Count == 0) return [];
        var names = await NamesAsync(db, rows.Select(v => v.Code).Distinct().ToList(), rows.Select(v => v.UnitCode).Distinct().ToList(),
            rows.Select(v => v.ReturnedBy), ct);
        return rows.Select(v =>
        {
            var (indicator, measure) = names.Indicators.GetValueOrDefault(v.Code, (v.Code, ""));
            return new ReturnedValue(v.Id, v.Code, indicator, measure, v.UnitCode, names.UnitName(v.UnitCode), v.Period, v.Value, v.ReturnReason!,
                v.ReturnedBy is { } by ? names.Users.GetValueOrDefault(by, "–") : "–", v.ReturnedAt);
        }).ToList();
    }

    /// <summary>"+3 (+25%)", "−1,5 (−10%)", "0": the change from the previous approved value; null without one.</summary>
    public static string? Change(decimal value, decimal? previous)
    {
        if (previous is not { } p) return null;
        var delta = value - p;
        if (delta == 0) return "0";
        var sign = delta > 0 ? "+" : "−";
        var text = sign + VietnameseText.FormatNumber(Math.Abs(delta));
        return p == 0 ? text : $"{text} ({sign}{VietnameseText.FormatNumber(Math.Round(Math.Abs(delta / p * 100), 1))}%)";
    }

    private sealed record Names(Dictionary<string, (string Name, string Measure)> Indicators, Dictionary<string, string> Units, Dictionary<int, string> Users)
    {
        public string UnitName(string code) => Units.GetValueOrDefault(code, code);
    }

    private static async Task<Names> NamesAsync(EcomPlanDbContext db, List<string> codes, List<string> units, IEnumerable<int?> userIds, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => (i.NameVi, i.Unit), ct);
        foreach (var e in await db.DataElements.AsNoTracking().Where(e => codes.Contains(e.Code)).ToListAsync(ct)) indicators.TryAdd(e.Code, (e.NameVi, e.Unit));
        var unitNames = await db.Provinces.AsNoTracking().Where(p => units.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var communes = await db.Communes.AsNoTracking().Where(c => units.Contains(c.Code))
            .Select(c => new { c.Code, c.Name, Province = db.Provinces.Where(p => p.Code == c.ProvinceCode).Select(p => p.Name).FirstOrDefault() }).ToListAsync(ct);
        foreach (var c in communes) unitNames[c.Code] = c.Province is null ? c.Name : $"{c.Name} ({c.Province})";
        unitNames["VN"] = "Cả nước";
        var ids = userIds.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return new Names(indicators, unitNames, users);
    }
}
