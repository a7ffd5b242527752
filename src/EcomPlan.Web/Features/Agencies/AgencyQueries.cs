using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Agencies;

public sealed record AgencySummary(int Id, string Name, string Kind, string? ProvinceCode, string? ProvinceName, int LeadTaskCount, int CoordinatingTaskCount, int MonitoredTargetCount);

public sealed record AgencyDetail(AgencySummary Agency, IReadOnlyList<TaskDto> Tasks, IReadOnlyList<TargetDto> MonitoredTargets, IReadOnlyDictionary<string, string> PlanTitles);

public static class AgencyQueries
{
    public static async Task<List<AgencySummary>> ListAsync(EcomPlanDbContext db, string? q, string? provinceCode, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(provinceCode))
            query = provinceCode == "national" ? query.Where(a => a.ProvinceCode == null) : query.Where(a => a.ProvinceCode == provinceCode);
        foreach (var word in PlanQueries.SearchWords(q)) query = query.Where(a => a.SearchText.Contains(word));
        var rows = await Project(db, query).ToListAsync(ct);
        return rows.OrderBy(a => a.ProvinceName ?? "", VietnameseText.Comparer).ThenBy(a => a.Name, VietnameseText.Comparer).ToList();
    }

    public static async Task<AgencyDetail?> GetAsync(EcomPlanDbContext db, int id, AccessScope scope, CancellationToken ct)
    {
        var agency = await Project(db, db.Agencies.AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct);
        if (agency is null) return null;
        var filter = new PlanItemFilter(Agency: id);
        var tasks = await PlanQueries.TasksAsync(db, null, filter, scope, ct);
        var targets = await PlanQueries.TargetsAsync(db, null, filter, scope, ct);
        var planIds = tasks.Select(t => t.PlanId).Concat(targets.Select(t => t.PlanId)).Distinct().ToList();
        var titles = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return new AgencyDetail(agency, tasks, targets, titles);
    }

    private static IQueryable<AgencySummary> Project(EcomPlanDbContext db, IQueryable<Agency> query) =>
        query.Select(a => new AgencySummary(a.Id, a.Name, a.Kind, a.ProvinceCode,
            db.Provinces.Where(p => p.Code == a.ProvinceCode).Select(p => p.Name).FirstOrDefault(),
            db.TaskAgencies.Count(t => t.AgencyId == a.Id && t.Role == AgencyRole.Lead),
            db.TaskAgencies.Count(t => t.AgencyId == a.Id && t.Role == AgencyRole.Coordinating),
            db.TargetMonitors.Count(m => m.AgencyId == a.Id)));

    public static string KindName(string kind) => kind switch
    {
        "government" => "Chính phủ",
        "ministry" => "Bộ, ngành trung ương",
        "central_agency" => "Cơ quan trung ương",
        "people_committee" => "Ủy ban nhân dân",
        "department" => "Sở, ngành tỉnh",
        "tax" => "Cơ quan thuế",
        "customs" => "Hải quan",
        "police" => "Công an",
        "state_bank" => "Ngân hàng Nhà nước",
        "statistics" => "Thống kê",
        "association" => "Hiệp hội",
        "enterprise" => "Doanh nghiệp",
        "education" => "Cơ sở giáo dục",
        "media" => "Báo chí, truyền thông",
        "collective" => "Nhóm cơ quan",
        _ => "Khác",
    };
}
