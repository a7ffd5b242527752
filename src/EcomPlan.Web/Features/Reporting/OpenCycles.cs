using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// Opens reporting cycles: on their date from the regime's calendar (the background job), or earlier by hand, or an
/// ad-hoc cycle (báo cáo đột xuất). Opening lists the expected reports: every agency that leads a task or monitors a
/// target of the plan, every commune of the province when communes report.
/// </summary>
public static class OpenCycles
{
    public sealed record AdHocRequest(string Label, DateOnly Due, DateOnly? CutOff);

    /// <summary>Opens every calendar cycle whose opening day has come. Safe to run twice or on two instances at once.</summary>
    public static async Task<int> OpenDueAsync(EcomPlanDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var today = ReportWorkflow.Today(now);
        var regimes = await db.ReportingRegimes.AsNoTracking().Include(r => r.Rules).ToListAsync(ct);
        var opened = 0;
        foreach (var regime in regimes)
        {
            var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == regime.PlanId, ct);
            var existing = await db.ReportCycles.AsNoTracking().Where(c => c.PlanId == plan.Id).Select(c => c.Key).ToListAsync(ct);
            var due = ReportingCalendar.Cycles(regime.Rules.Select(r => r.ToRule()), plan.PeriodStart, plan.PeriodEnd, regime.EffectiveFrom)
                .Where(c => c.Opens <= today && !existing.Contains(KeyOf(c)));
            foreach (var cycle in due)
                if (await OpenAsync(db, plan, regime, cycle, KeyOf(cycle), OpenedBySchedule, now, ct) is not null) opened++;
        }
        return opened;
    }

    /// <summary>Who opened a cycle the job opened on its day (shown as "Mở ngày … (hệ thống: mở theo lịch)").</summary>
    public const string OpenedBySchedule = "hệ thống: mở theo lịch";

    public static string KeyOf(ReportingCycle cycle) => $"{cycle.Kind}-{cycle.Year}";

    /// <summary>The plan's calendar with, for each cycle, the opened cycle's id if it is open.</summary>
    public static async Task<List<(ReportingCycle Cycle, int? OpenedId)>> CalendarAsync(EcomPlanDbContext db, string planId, CancellationToken ct)
    {
        var regime = await db.ReportingRegimes.AsNoTracking().Include(r => r.Rules).FirstOrDefaultAsync(r => r.PlanId == planId, ct);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (regime is null || plan is null) return [];
        var opened = await db.ReportCycles.AsNoTracking().Where(c => c.PlanId == planId).ToDictionaryAsync(c => c.Key, c => c.Id, ct);
        return ReportingCalendar.Cycles(regime.Rules.Select(r => r.ToRule()), plan.PeriodStart, plan.PeriodEnd, regime.EffectiveFrom)
            .Select(c => (c, opened.TryGetValue(KeyOf(c), out var id) ? (int?)id : null)).ToList();
    }

    /// <summary>
    /// The one calendar cycle its owner may open by hand on <paramref name="today"/>: the earliest not yet opened whose
    /// due date has not passed. Later cycles open by themselves on their day (never years ahead by hand); a cycle past
    /// its due date is not opened late (an ad-hoc cycle serves instead).
    /// </summary>
    public static string? OpenableEarly(IEnumerable<(string Key, DateOnly Due, bool Opened)> calendar, DateOnly today) =>
        calendar.Where(c => !c.Opened && c.Due >= today).OrderBy(c => c.Due).Select(c => c.Key).FirstOrDefault();

    /// <summary>Whether <paramref name="key"/> may be opened now, with the cycle and the number of units that would report; else the reason.</summary>
    public static async Task<(ReportingCycle? Cycle, int Expected, string? Error)> CheckEarlyAsync(EcomPlanDbContext db, AccessScope scope, string planId, string key,
        DateTimeOffset now, CancellationToken ct)
    {
        var (plan, regime, error) = await OwnedAsync(db, scope, planId, ct);
        if (error is not null) return (null, 0, error);
        var calendar = ReportingCalendar.Cycles(regime!.Rules.Select(r => r.ToRule()), plan!.PeriodStart, plan.PeriodEnd, regime.EffectiveFrom);
        var cycle = calendar.FirstOrDefault(c => KeyOf(c) == key);
        if (cycle is null) return (null, 0, $"Không có kỳ báo cáo '{key}' trong lịch của kế hoạch.");
        var opened = await db.ReportCycles.AsNoTracking().Where(c => c.PlanId == planId).Select(c => c.Key).ToListAsync(ct);
        if (opened.Contains(key)) return (null, 0, "Kỳ báo cáo này đã được mở.");
        var today = ReportWorkflow.Today(now);
        if (cycle.Due < today)
            return (null, 0, $"{cycle.Label} đã qua hạn nộp ({cycle.Due:dd/MM/yyyy}); không mở muộn được. Nếu cần, hãy mở một kỳ báo cáo đột xuất.");
        var openable = OpenableEarly(calendar.Select(c => (KeyOf(c), c.Due, opened.Contains(KeyOf(c)))), today);
        if (openable != key)
        {
            var next = calendar.First(c => KeyOf(c) == openable);
            return (null, 0, $"Chỉ mở sớm được kỳ kế tiếp: {next.Label} (hạn nộp {next.Due:dd/MM/yyyy}). {cycle.Label} tự mở ngày {cycle.Opens:dd/MM/yyyy}.");
        }
        return (cycle, (await ExpectedReportsAsync(db, plan, regime, ct)).Count, null);
    }

    /// <summary>The Department opens the next calendar cycle before its day (to let units start early); see <see cref="CheckEarlyAsync"/>.</summary>
    public static async Task<(int? CycleId, string? Error)> OpenEarlyAsync(EcomPlanDbContext db, AccessScope scope, string planId, string key,
        string actor, DateTimeOffset now, CancellationToken ct)
    {
        var (cycle, _, error) = await CheckEarlyAsync(db, scope, planId, key, now, ct);
        if (cycle is null) return (null, error);
        var (plan, regime, _) = await OwnedAsync(db, scope, planId, ct);
        var id = await OpenAsync(db, plan!, regime!, cycle, key, actor, now, ct);
        return id is null ? (null, "Kỳ báo cáo này đã được mở.") : (id, null);
    }

    /// <summary>How many units would have to report if a cycle of the plan opened now.</summary>
    public static async Task<int> ExpectedCountAsync(EcomPlanDbContext db, AccessScope scope, string planId, CancellationToken ct)
    {
        var (plan, regime, error) = await OwnedAsync(db, scope, planId, ct);
        return error is null ? (await ExpectedReportsAsync(db, plan!, regime!, ct)).Count : 0;
    }

    /// <summary>
    /// An ad-hoc cycle with its own label and due date. With <c>write</c> false it checks everything and writes nothing;
    /// the id is then 0 when the cycle could be opened.
    /// </summary>
    public static async Task<(int? CycleId, string? Error)> OpenAdHocAsync(EcomPlanDbContext db, AccessScope scope, string planId, AdHocRequest request,
        string actor, DateTimeOffset now, CancellationToken ct, bool write = true)
    {
        var (plan, regime, error) = await OwnedAsync(db, scope, planId, ct);
        if (error is not null) return (null, error);
        var today = ReportWorkflow.Today(now);
        if (string.IsNullOrWhiteSpace(request.Label) || request.Label.Length > 200) return (null, "Nhập tên kỳ báo cáo đột xuất (tối đa 200 ký tự).");
        if (request.Due < today) return (null, "Hạn nộp báo cáo đột xuất không được trước hôm nay.");
        // A report is about the plan: it cannot fall due after the year following the plan's last year.
        var latest = new DateOnly(plan!.PeriodEnd + 1, 12, 31);
        if (request.Due > latest) return (null, $"Hạn nộp báo cáo đột xuất phải trước {latest:dd/MM/yyyy} (năm sau năm cuối của kế hoạch).");
        if (request.CutOff is { } early && early < new DateOnly(plan.PeriodStart, 1, 1))
            return (null, $"Ngày chốt số liệu phải từ 01/01/{plan.PeriodStart} (năm đầu của kế hoạch).");
        if (request.CutOff is { } c && c > request.Due) return (null, "Ngày chốt số liệu phải trước hạn nộp.");
        if (!write) return (0, null);
        var count = await db.ReportCycles.CountAsync(x => x.PlanId == planId && x.Kind == ReportKind.AdHoc && x.Year == request.Due.Year, ct);
        var cycle = new ReportingCycle(ReportKind.AdHoc, request.Due.Year, request.Label.Trim(), today, request.CutOff ?? today, request.Due);
        var id = await OpenAsync(db, plan!, regime!, cycle, $"AdHoc-{request.Due.Year}-{count + 1}", actor, now, ct);
        return id is null ? (null, "Không mở được kỳ báo cáo, vui lòng thử lại.") : (id, null);
    }

    private static async Task<(Plan? Plan, ReportingRegime? Regime, string? Error)> OwnedAsync(EcomPlanDbContext db, AccessScope scope, string planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !scope.CanRunReporting(plan.Level, plan.ProvinceCode)) return (null, null, $"Không có kế hoạch mã '{planId}' trong phạm vi của bạn.");
        var regime = await db.ReportingRegimes.AsNoTracking().Include(r => r.Rules).FirstOrDefaultAsync(r => r.PlanId == planId, ct);
        return regime is null ? (null, null, "Kế hoạch chưa có chế độ báo cáo: hãy đặt chế độ báo cáo trước.") : (plan, regime, null);
    }

    /// <summary>Creates the cycle and its expected reports in one transaction; null when the cycle already exists.</summary>
    private static async Task<int?> OpenAsync(EcomPlanDbContext db, Plan plan, ReportingRegime regime, ReportingCycle calendar, string key,
        string actor, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.ReportCycles.AnyAsync(c => c.PlanId == plan.Id && c.Key == key, ct)) return null;
        var cycle = new ReportCycle
        {
            PlanId = plan.Id, ProvinceCode = plan.ProvinceCode, Key = key, Kind = calendar.Kind, Year = calendar.Year, Label = calendar.Label,
            Opens = calendar.Opens, CutOff = calendar.CutOff, Due = calendar.Due, OpenedAt = now, OpenedBy = actor,
        };
        cycle.Reports = await ExpectedReportsAsync(db, plan, regime, ct);
        db.ReportCycles.Add(cycle);
        db.AuditProvinceCode = plan.ProvinceCode;
        db.AuditActor ??= actor;
        try
        {
            await db.SaveChangesAsync(ct);
            return cycle.Id;
        }
        catch (DbUpdateException)
        {
            // Another instance opened it between our check and our insert: the unique (plan, key) index decided.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    private static async Task<List<Report>> ExpectedReportsAsync(EcomPlanDbContext db, Plan plan, ReportingRegime regime, CancellationToken ct)
    {
        var reports = new List<Report>();
        if (regime.AgenciesReport)
        {
            // Real agencies only: the documents' group phrases ("Các sở, ngành Tỉnh") are no unit that could report.
            var (agencies, _) = await ExpectedReporters.AgenciesOfAsync(db, plan.Id, ct);
            reports.AddRange(agencies.Select(a => new Report
            {
                AgencyId = a.Agency.Id, ProvinceCode = plan.ProvinceCode, UnitName = a.Agency.Name,
                Tasks = a.Tasks.Select(t => new TaskProgress { TaskId = t }).ToList(),
            }));
        }
        if (regime.CommunesReport && plan.ProvinceCode is not null)
        {
            var communes = await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == plan.ProvinceCode).Select(c => new { c.Code, c.FullName }).ToListAsync(ct);
            reports.AddRange(communes.Select(c => new Report { CommuneCode = c.Code, ProvinceCode = plan.ProvinceCode, UnitName = c.FullName }));
        }
        return reports;
    }
}
