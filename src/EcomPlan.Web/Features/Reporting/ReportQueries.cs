using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

public sealed record TaskLineView(int TaskId, string GroupCode, string GroupTitle, string? Number, string Text, string? Timeframe,
    TaskState State, int Percent, string? Results, string? Difficulties);

public sealed record AttachmentView(int Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record VersionView(int Number, DateTimeOffset SubmittedAt, string SubmittedBy, ReportStatus? Outcome, string? ReviewComment,
    DateTimeOffset? ReviewedAt, string? ReviewedBy);

/// <summary>A target the agency monitors, with the latest value of its indicator in the plan's unit up to the cycle's year.</summary>
public sealed record MonitoredTargetView(int TargetId, string Key, string Text, string? Indicator, decimal? Value = null, string? Period = null,
    Indicators.ValueStatus? ValueStatus = null);

public sealed record ReportView(int Id, int CycleId, string CycleLabel, string PlanId, string PlanTitle, PlanLevel Level, DateOnly CutOff, DateOnly Due,
    string UnitName, int? AgencyId, string? CommuneCode, string? ProvinceCode, ReportStatus Status, string? Summary, string? Difficulties, string? Proposals,
    string? ReviewComment, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, int Revision,
    IReadOnlyList<TaskLineView> Tasks, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<VersionView> Versions,
    IReadOnlyList<MonitoredTargetView> MonitoredTargets, bool CanWrite, bool CanReview);

/// <summary>One report read by the people who may see it (its unit, the reviewers, viewers of the province).</summary>
public static class ReportQueries
{
    public static async Task<ReportView?> GetAsync(EcomPlanDbContext db, AccessScope scope, int id, CancellationToken ct)
    {
        var r = await db.Reports.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { Report = x, x.Cycle!.Label, x.Cycle.PlanId, x.Cycle.CutOff, x.Cycle.Due })
            .FirstOrDefaultAsync(ct);
        if (r is null) return null;
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == r.PlanId).Select(p => new { p.Title, p.Level }).FirstAsync(ct);
        var report = r.Report;
        if (!scope.CanReadReport(plan.Level, report.ProvinceCode, report.AgencyId, report.CommuneCode)) return null;

        var tasks = await db.TaskProgress.AsNoTracking().Where(t => t.ReportId == id)
            .Join(db.Tasks, p => p.TaskId, t => t.Id, (p, t) => new { p, t.Number, t.Text, t.Timeframe, t.Order, GroupCode = t.Group!.Code, GroupTitle = t.Group.Title, GroupOrder = t.Group.Order })
            .OrderBy(x => x.GroupOrder).ThenBy(x => x.Order)
            .Select(x => new TaskLineView(x.p.TaskId, x.GroupCode, x.GroupTitle, x.Number, x.Text, x.Timeframe, x.p.State, x.p.Percent, x.p.Results, x.p.Difficulties))
            .ToListAsync(ct);
        var attachments = await db.ReportAttachments.AsNoTracking().Where(a => a.ReportId == id).OrderBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy)).ToListAsync(ct);
        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == id).OrderByDescending(v => v.Number)
            .Select(v => new VersionView(v.Number, v.SubmittedAt, v.SubmittedBy, v.Outcome, v.ReviewComment, v.ReviewedAt, v.ReviewedBy)).ToListAsync(ct);
        var targets = report.AgencyId is not { } agency ? [] : await db.TargetMonitors.AsNoTracking()
            .Where(m => m.AgencyId == agency)
            .Join(db.Targets.Where(t => t.PlanId == r.PlanId), m => m.TargetId, t => t.Id, (m, t) => new MonitoredTargetView(t.Id, t.Key, t.Text, t.Indicator))
            .ToListAsync(ct);
        targets = await WithValuesAsync(db, targets, report.ProvinceCode ?? "VN", r.Due.Year, ct);
        return new ReportView(report.Id, report.CycleId, r.Label, r.PlanId, plan.Title, plan.Level, r.CutOff, r.Due, report.UnitName, report.AgencyId,
            report.CommuneCode, report.ProvinceCode, report.Status, report.Summary, report.Difficulties, report.Proposals, report.ReviewComment,
            report.FirstSubmittedAt, report.SubmittedAt, report.AcceptedAt, report.Revision, tasks, attachments, versions, targets.OrderBy(t => t.Key).ToList(),
            scope.CanWriteReport(report.AgencyId, report.CommuneCode), scope.CanRunReporting(plan.Level, report.ProvinceCode));
    }

    private static async Task<List<MonitoredTargetView>> WithValuesAsync(EcomPlanDbContext db, List<MonitoredTargetView> targets, string unit, int year, CancellationToken ct)
    {
        var codes = targets.Select(t => t.Indicator).OfType<string>().Distinct().ToList();
        if (codes.Count == 0) return targets;
        var values = await db.DataValues.AsNoTracking()
            .Where(v => codes.Contains(v.Code) && v.UnitCode == unit && v.IsCurrent && !v.IsIllustrative && v.Year <= year && v.Period.Length == 4)
            .Select(v => new { v.Code, v.Year, v.Period, v.Value, v.Status }).ToListAsync(ct);
        var latest = values.GroupBy(v => v.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Year).First());
        return targets.Select(t => t.Indicator is { } c && latest.TryGetValue(c, out var v) ? t with { Value = v.Value, Period = v.Period, ValueStatus = v.Status } : t).ToList();
    }

    /// <summary>A version's content as submitted.</summary>
    public static async Task<ReportSnapshot?> VersionAsync(EcomPlanDbContext db, AccessScope scope, int id, int number, CancellationToken ct)
    {
        if (await GetAsync(db, scope, id, ct) is null) return null;
        var json = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == id && v.Number == number).Select(v => v.Content).FirstOrDefaultAsync(ct);
        return json is null ? null : System.Text.Json.JsonSerializer.Deserialize<ReportSnapshot>(json);
    }

    public static async Task<(string FileName, string ContentType, byte[] Content)?> AttachmentAsync(EcomPlanDbContext db, AccessScope scope, int id, int attachmentId, CancellationToken ct)
    {
        if (await GetAsync(db, scope, id, ct) is null) return null;
        var a = await db.ReportAttachments.AsNoTracking().Where(x => x.Id == attachmentId && x.ReportId == id)
            .Select(x => new { x.FileName, x.ContentType, x.Content }).FirstOrDefaultAsync(ct);
        return a is null ? null : (a.FileName, a.ContentType, a.Content);
    }

    /// <summary>The open reports of the units the user reports for, most urgent first.</summary>
    public static async Task<List<MyReportRow>> MineAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        var agencies = scope.Roles.Where(r => r.Role == UserRole.AgencyReporter && r.AgencyId is not null).Select(r => r.AgencyId!.Value).ToList();
        var communes = scope.Roles.Where(r => r.Role == UserRole.CommuneReporter && r.CommuneCode is not null).Select(r => r.CommuneCode!).ToList();
        if (agencies.Count == 0 && communes.Count == 0) return [];
        return await db.Reports.AsNoTracking()
            .Where(r => (r.AgencyId != null && agencies.Contains(r.AgencyId.Value)) || (r.CommuneCode != null && communes.Contains(r.CommuneCode)))
            .OrderByDescending(r => r.Cycle!.Due).ThenBy(r => r.UnitName)
            .Select(r => new MyReportRow(r.Id, r.Cycle!.Label, r.Cycle.PlanId, r.UnitName, r.Cycle.Due, r.Status, r.ReviewComment))
            .Take(200).ToListAsync(ct);
    }
}

public sealed record MyReportRow(int Id, string CycleLabel, string PlanId, string UnitName, DateOnly Due, ReportStatus Status, string? ReviewComment);
