using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.MyWork;

/// <summary>A report the user's unit owes in an open cycle (or one returned to it), with its deadline.</summary>
public sealed record DueReport(int Id, string CycleLabel, string PlanTitle, string UnitName, DateOnly Due, ReportStatus Status, string? ReviewComment, bool Late);

/// <summary>A submitted report waiting for the reviewer's decision.</summary>
public sealed record ReportToReview(int Id, string CycleLabel, string PlanTitle, string UnitName, DateTimeOffset? SubmittedAt);

/// <summary>An open (or recently due) cycle the user follows: how many reported, how many are late.</summary>
public sealed record CycleWatch(int Id, string Label, string PlanTitle, DateOnly Due, int Expected, int Submitted, int Late);

/// <summary>Everything "Việc của tôi" shows, for one user.</summary>
public sealed record MyWorkView(
    IReadOnlyList<DueReport> Due, IReadOnlyList<DueReport> Returned, IReadOnlyList<ReportToReview> ToReview,
    IReadOnlyList<CycleWatch> Cycles, int ValuesToApprove, int ProposalsToDecide, bool IsReporter, bool IsReviewer)
{
    /// <summary>Things waiting for this user to act: the number in the menu.</summary>
    public int ActionCount => Due.Count + Returned.Count + ToReview.Count + ValuesToApprove + ProposalsToDecide;
}

/// <summary>
/// The home page of a signed-in user, per role: reporters see the reports due and those returned; the Department sees
/// values and reports waiting for it and the late units of its open cycles; the Ministry the same for national plans.
/// </summary>
public static class MyWorkQueries
{
    /// <summary>Cycles whose due date passed more than this many days ago are no longer followed on the home page.</summary>
    public const int FollowDaysAfterDue = 60;

    public static async Task<MyWorkView> GetAsync(EcomPlanDbContext db, AccessScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var today = ReportWorkflow.Today(now);
        var (due, returned) = await ReportsDueAsync(db, scope, today, ct);
        var isReviewer = MyWorkMenu.CanReview(scope);
        var toReview = isReviewer ? await ToReviewAsync(db, scope, ct) : [];
        var cycles = await CyclesAsync(db, scope, today, ct);
        var values = isReviewer ? await ValuesToApproveAsync(db, scope, ct) : 0;
        var proposals = scope.CanEditCatalogue ? await db.IndicatorProposals.CountAsync(p => p.Status == ProposalStatus.Proposed, ct) : 0;
        return new MyWorkView(due, returned, toReview, cycles, values, proposals, MyWorkMenu.IsReporter(scope), isReviewer);
    }

    /// <summary>Open reports of the user's agencies and communes: due (not yet submitted) and returned for correction.</summary>
    public static async Task<(List<DueReport> Due, List<DueReport> Returned)> ReportsDueAsync(EcomPlanDbContext db, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var agencies = scope.Roles.Where(r => r.Role == UserRole.AgencyReporter && r.AgencyId is not null).Select(r => r.AgencyId!.Value).ToList();
        var communes = scope.Roles.Where(r => r.Role == UserRole.CommuneReporter && r.CommuneCode is not null).Select(r => r.CommuneCode!).ToList();
        if (agencies.Count == 0 && communes.Count == 0) return ([], []);
        var rows = await db.Reports.AsNoTracking()
            .Where(r => (r.AgencyId != null && agencies.Contains(r.AgencyId.Value)) || (r.CommuneCode != null && communes.Contains(r.CommuneCode)))
            .Where(r => r.Status == ReportStatus.NotStarted || r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned)
            .Where(r => r.Cycle!.Opens <= today)
            .Select(r => new
            {
                r.Id, r.Cycle!.Label, PlanTitle = db.Plans.Where(p => p.Id == r.Cycle.PlanId).Select(p => p.Title).First(), r.UnitName, r.Cycle.Due,
                r.Status, r.ReviewComment, r.FirstSubmittedAt,
            })
            .Take(500).ToListAsync(ct);
        var all = rows.Select(r => new DueReport(r.Id, r.Label, r.PlanTitle, r.UnitName, r.Due, r.Status, r.ReviewComment,
                ReportWorkflow.IsLate(r.Status, r.FirstSubmittedAt, r.Due, today)))
            .OrderBy(r => r.Due).ThenBy(r => r.UnitName, Infrastructure.VietnameseText.Comparer).ToList();
        return (all.Where(r => r.Status != ReportStatus.Returned).ToList(), all.Where(r => r.Status == ReportStatus.Returned).ToList());
    }

    private static async Task<List<ReportToReview>> ToReviewAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        var rows = await db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted)
            .Select(r => new
            {
                r.Id, r.Cycle!.Label, r.ProvinceCode, r.UnitName, r.SubmittedAt,
                Plan = db.Plans.Where(p => p.Id == r.Cycle.PlanId).Select(p => new { p.Title, p.Level }).First(),
            })
            .ToListAsync(ct);
        return rows.Where(r => scope.CanRunReporting(r.Plan.Level, r.ProvinceCode))
            .OrderBy(r => r.SubmittedAt).Select(r => new ReportToReview(r.Id, r.Label, r.Plan.Title, r.UnitName, r.SubmittedAt)).Take(200).ToList();
    }

    /// <summary>Cycles opened and not long past their due date, of the plans the user runs (or, for the Ministry's viewers, national plans).</summary>
    private static async Task<List<CycleWatch>> CyclesAsync(EcomPlanDbContext db, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        if (!MyWorkMenu.FollowsCycles(scope)) return [];
        var from = today.AddDays(-FollowDaysAfterDue);
        var cycles = await db.ReportCycles.AsNoTracking().Where(c => c.Opens <= today && c.Due >= from)
            .Select(c => new
            {
                c.Id, c.Label, c.Due, c.ProvinceCode,
                Plan = db.Plans.Where(p => p.Id == c.PlanId).Select(p => new { p.Title, p.Level }).First(),
                Reports = c.Reports.Select(r => new { r.Status, r.FirstSubmittedAt }).ToList(),
            })
            .ToListAsync(ct);
        return cycles.Where(c => scope.CanRunReporting(c.Plan.Level, c.ProvinceCode) || (c.Plan.Level == PlanLevel.National && scope.SeesWholeCountry))
            .Select(c => new CycleWatch(c.Id, c.Label, c.Plan.Title, c.Due, c.Reports.Count, c.Reports.Count(r => r.FirstSubmittedAt is not null),
                c.Reports.Count(r => ReportWorkflow.IsLate(r.Status, r.FirstSubmittedAt, c.Due, today))))
            .OrderByDescending(c => c.Late).ThenBy(c => c.Due).ToList();
    }

    /// <summary>Submitted values this user approves (the same reach as <see cref="ValuePermissions.Approves"/>), counted in the database.</summary>
    public static async Task<int> ValuesToApproveAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        var pending = db.DataValues.AsNoTracking().Where(v => v.IsCurrent && v.Status == ValueStatus.Submitted);
        if (scope.IsSystemAdmin) return await pending.CountAsync(ct);
        var provinces = scope.AdministeredProvinces.ToList();
        var national = scope.IsMinistryEditor;
        if (provinces.Count == 0 && !national) return 0;
        return await pending.CountAsync(v => (national && v.UnitCode == "VN") || provinces.Contains(v.UnitCode)
            || db.Communes.Any(c => c.Code == v.UnitCode && provinces.Contains(c.ProvinceCode)), ct);
    }

    /// <summary>The number in the menu, without loading the lists the home page shows.</summary>
    public static async Task<int> CountAsync(EcomPlanDbContext db, AccessScope scope, DateTimeOffset now, CancellationToken ct)
    {
        if (!scope.IsSignedIn) return 0;
        var (due, returned) = await ReportsDueAsync(db, scope, ReportWorkflow.Today(now), ct);
        var actions = due.Count + returned.Count;
        if (MyWorkMenu.CanReview(scope))
        {
            actions += (await ToReviewAsync(db, scope, ct)).Count;
            actions += await ValuesToApproveAsync(db, scope, ct);
        }
        if (scope.CanEditCatalogue) actions += await db.IndicatorProposals.CountAsync(p => p.Status == ProposalStatus.Proposed, ct);
        return actions;
    }
}
