using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

public sealed record CycleReportRow(int Id, string UnitName, bool IsCommune, ReportStatus Status, DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset? SubmittedAt, bool OnTime, bool Late, bool CanOpen);

public sealed record CycleView(int Id, string PlanId, string PlanTitle, PlanLevel Level, string? ProvinceCode, string Label, ReportKind Kind, int Year,
    DateOnly Opens, DateOnly CutOff, DateOnly Due, DateTimeOffset OpenedAt, string OpenedBy, IReadOnlyList<CycleReportRow> Reports, bool CanReview)
{
    public int Expected => Reports.Count;
    public int Submitted => Reports.Count(r => r.FirstSubmittedAt is not null);
    public int Accepted => Reports.Count(r => r.Status == ReportStatus.Accepted);
    public int LateCount => Reports.Count(r => r.Late);
    public int NotStarted => Reports.Count(r => r.Status == ReportStatus.NotStarted);
    public decimal? ReportingRate => ReportWorkflow.Rates(Reports.Select(r => (Due, r.FirstSubmittedAt)).ToList()).Reporting;
    public decimal? OnTimeRate => ReportWorkflow.Rates(Reports.Select(r => (Due, r.FirstSubmittedAt)).ToList()).OnTime;
}

public sealed record CycleRow(int Id, string Key, string Label, ReportKind Kind, DateOnly Due, int Expected, int Submitted, int Accepted, decimal? ReportingRate, decimal? OnTimeRate);

/// <summary>A unit's record over the plan's cycles: the reporting and on-time rates per agency and commune.</summary>
public sealed record UnitRateRow(string UnitName, bool IsCommune, int Expected, int Submitted, int OnTime, decimal? ReportingRate, decimal? OnTimeRate,
    IReadOnlyList<(string Cycle, ReportStatus Status, bool OnTime)> History);

/// <summary>Completeness and timeliness of cycles: who submitted, who is late, who has not started.</summary>
public static class CycleQueries
{
    public static async Task<CycleView?> GetAsync(EcomPlanDbContext db, AccessScope scope, int id, DateTimeOffset now, CancellationToken ct)
    {
        var cycle = await db.ReportCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return null;
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == cycle.PlanId).Select(p => new { p.Title, p.Level }).FirstAsync(ct);
        if (!scope.CanReadCycle(plan.Level, cycle.ProvinceCode)) return null;
        var today = ReportWorkflow.Today(now);
        var reports = await db.Reports.AsNoTracking().Where(r => r.CycleId == id)
            .Select(r => new { r.Id, r.UnitName, r.CommuneCode, r.AgencyId, r.Status, r.FirstSubmittedAt, r.SubmittedAt }).ToListAsync(ct);
        var rows = reports
            .Select(r => new CycleReportRow(r.Id, r.UnitName, r.CommuneCode is not null, r.Status, r.FirstSubmittedAt, r.SubmittedAt,
                r.FirstSubmittedAt is { } at && ReportWorkflow.OnTime(at, cycle.Due),
                ReportWorkflow.IsLate(r.Status, r.FirstSubmittedAt, cycle.Due, today),
                scope.CanReadReport(plan.Level, cycle.ProvinceCode, r.AgencyId, r.CommuneCode)))
            .OrderBy(r => r.IsCommune).ThenBy(r => r.UnitName, Infrastructure.VietnameseText.Comparer).ToList();
        return new CycleView(cycle.Id, cycle.PlanId, plan.Title, plan.Level, cycle.ProvinceCode, cycle.Label, cycle.Kind, cycle.Year, cycle.Opens, cycle.CutOff,
            cycle.Due, cycle.OpenedAt, cycle.OpenedBy, rows, scope.CanRunReporting(plan.Level, cycle.ProvinceCode));
    }

    /// <summary>The plan's opened cycles with their counts, newest first; null when the user may not see them.</summary>
    public static async Task<List<CycleRow>?> OfPlanAsync(EcomPlanDbContext db, AccessScope scope, string planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Level, p.ProvinceCode, p.IsPublic }).FirstOrDefaultAsync(ct);
        if (plan is null || !scope.CanReadPlan(plan.Level, plan.ProvinceCode, plan.IsPublic) || !scope.CanReadCycle(plan.Level, plan.ProvinceCode)) return null;
        var cycles = await db.ReportCycles.AsNoTracking().Where(c => c.PlanId == planId).OrderByDescending(c => c.Due).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Key, c.Label, c.Kind, c.Due, Reports = c.Reports.Select(r => new { r.Status, r.FirstSubmittedAt }).ToList() })
            .ToListAsync(ct);
        return cycles.Select(c =>
        {
            var (reporting, onTime) = ReportWorkflow.Rates(c.Reports.Select(r => (c.Due, r.FirstSubmittedAt)).ToList());
            return new CycleRow(c.Id, c.Key, c.Label, c.Kind, c.Due, c.Reports.Count, c.Reports.Count(r => r.FirstSubmittedAt is not null),
                c.Reports.Count(r => r.Status == ReportStatus.Accepted), reporting, onTime);
        }).ToList();
    }

    /// <summary>Reporting and on-time rates per unit over every cycle of the plan, worst first.</summary>
    public static async Task<List<UnitRateRow>> UnitRatesAsync(EcomPlanDbContext db, string planId, CancellationToken ct)
    {
        var rows = await db.Reports.AsNoTracking().Where(r => r.Cycle!.PlanId == planId)
            .Select(r => new { r.UnitName, r.AgencyId, r.CommuneCode, r.Status, r.FirstSubmittedAt, r.Cycle!.Due, r.Cycle.Label })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.AgencyId, r.CommuneCode))
            .Select(g =>
            {
                var list = g.OrderBy(r => r.Due).ToList();
                var (reporting, onTime) = ReportWorkflow.Rates(list.Select(r => (r.Due, r.FirstSubmittedAt)).ToList());
                return new UnitRateRow(list[^1].UnitName, g.Key.CommuneCode is not null, list.Count, list.Count(r => r.FirstSubmittedAt is not null),
                    list.Count(r => r.FirstSubmittedAt is { } at && ReportWorkflow.OnTime(at, r.Due)), reporting, onTime,
                    list.Select(r => (r.Label, r.Status, r.FirstSubmittedAt is { } at && ReportWorkflow.OnTime(at, r.Due))).ToList());
            })
            .OrderBy(r => r.ReportingRate).ThenBy(r => r.OnTimeRate).ThenBy(r => r.UnitName, Infrastructure.VietnameseText.Comparer).ToList();
    }
}
