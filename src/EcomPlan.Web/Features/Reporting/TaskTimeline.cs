using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

public sealed record TimelineTask(int Id, string GroupCode, string GroupTitle, string? Number, string Text, IReadOnlyList<string> LeadAgencies,
    int From, int To, TaskState? State, int? Percent, string? ReportedIn, bool IsLate, bool IsUnassigned);

/// <summary>A plan's tasks on its years. ShowsReports is false when the reader may not read the reports: tasks without what was reported.</summary>
public sealed record Timeline(string PlanId, string PlanTitle, int PeriodStart, int PeriodEnd, IReadOnlyList<TimelineTask> Tasks,
    IReadOnlyList<(int Id, string Name)> Agencies, bool ShowsReports);

/// <summary>
/// Every task of a plan on the years of its period, with the latest status reported for it: late tasks and tasks
/// without a lead agency stand out.
/// </summary>
public static class TaskTimeline
{
    /// <summary>
    /// Late when reported late, or when its last year is over and it is neither done nor stopped. Pure.
    /// </summary>
    public static bool IsLate(TaskState? latest, int endYear, int currentYear) =>
        latest == TaskState.Late || (endYear < currentYear && latest is not (TaskState.Done or TaskState.Stopped));

    public static async Task<Timeline?> ForPlanAsync(EcomPlanDbContext db, AccessScope scope, string planId, int? agencyId, int currentYear, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Visible(scope).Where(p => p.Id == planId)
            .Select(p => new { p.Title, p.PeriodStart, p.PeriodEnd, p.Level, p.ProvinceCode }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var tasks = await PlanQueries.TasksAsync(db, planId, new PlanItemFilter(), scope, ct);
        // The latest account of each task in a report the Department has seen (submitted or accepted), newest cycle first.
        var reported = await db.TaskProgress.AsNoTracking()
            .Join(db.Reports.Where(r => r.Cycle!.PlanId == planId && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted)),
                p => p.ReportId, r => r.Id, (p, r) => new { p.TaskId, p.State, p.Percent, r.Cycle!.Due, r.Cycle.Label, r.SubmittedAt, r.AgencyId, r.CommuneCode })
            .ToListAsync(ct);
        // What a report says is shown only to those who may read that report (as GET /api/v1/reports/{id} decides).
        var showsReports = scope.CanReadCycle(plan.Level, plan.ProvinceCode);
        var latest = reported.Where(r => scope.CanReadReport(plan.Level, plan.ProvinceCode, r.AgencyId, r.CommuneCode))
            .GroupBy(r => r.TaskId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Due).ThenByDescending(r => r.SubmittedAt).First());
        var leads = await db.TaskAgencies.AsNoTracking().Where(a => a.Role == AgencyRole.Lead && db.Tasks.Any(t => t.Id == a.TaskId && t.PlanId == planId))
            .Select(a => new { a.TaskId, a.AgencyId, a.Agency!.Name }).ToListAsync(ct);
        var rows = tasks
            .Where(t => agencyId is null || leads.Any(l => l.TaskId == t.Id && l.AgencyId == agencyId))
            .Select(t =>
            {
                var from = Math.Clamp(t.StartYear ?? plan.PeriodStart, plan.PeriodStart, plan.PeriodEnd);
                var to = Math.Clamp(t.EndYear ?? plan.PeriodEnd, from, plan.PeriodEnd);
                var last = latest.GetValueOrDefault(t.Id);
                return new TimelineTask(t.Id, t.Group, t.GroupTitle, t.Number, t.Text, t.LeadAgencies, from, to, last?.State, last?.Percent, last?.Label,
                    showsReports && IsLate(last?.State, to, currentYear), t.Unassigned);
            }).ToList();
        var agencies = leads.Select(l => (l.AgencyId, l.Name)).Distinct().OrderBy(a => a.Name, Infrastructure.VietnameseText.Comparer).ToList();
        return new Timeline(planId, plan.Title, plan.PeriodStart, plan.PeriodEnd, rows, agencies, showsReports);
    }
}
