using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>An expected reporting unit (an agency or a commune) and whether anyone has an account to report for it.</summary>
public sealed record ExpectedUnit(int? AgencyId, string? CommuneCode, string Name, bool HasReporter);

/// <summary>A group phrase of the document ("Các sở, ngành Tỉnh") with what it stands for: never a reporter itself.</summary>
public sealed record GroupPhrase(string Name, string Meaning);

public sealed record ExpectedReportersView(IReadOnlyList<ExpectedUnit> Agencies, IReadOnlyList<ExpectedUnit> Communes, IReadOnlyList<GroupPhrase> Groups)
{
    public int WithoutReporter => Agencies.Count(a => !a.HasReporter) + Communes.Count(c => !c.HasReporter);
}

/// <summary>
/// Who is expected to report for a plan. Only real units: the agencies that lead a task or monitor a target, and the
/// communes when communes report. The documents' group phrases (kind "collective": "Các sở, ngành, tổ chức có liên
/// quan theo lĩnh vực", "Ủy ban nhân dân các xã, phường") are no unit and no account can report for them; they are
/// shown with what they stand for.
/// </summary>
public static class ExpectedReporters
{
    public const string GroupKind = "collective";

    /// <summary>A group phrase, by its kind or, for an agency an import guessed no kind for, by its words ("Các …").</summary>
    public static bool IsGroupPhrase(string kind, string name) =>
        kind == GroupKind || (kind == "other" && AgencyKinds.Guess(name) == GroupKind);

    /// <summary>What a group phrase stands for, in the words an official uses.</summary>
    public static string Meaning(string name, bool communesReport)
    {
        var f = VietnameseText.Fold(name);
        if (f.Contains("xa, phuong", StringComparison.Ordinal) || f.Contains("cac xa", StringComparison.Ordinal) || f.Contains("cap xa", StringComparison.Ordinal))
            return communesReport
                ? "Các xã, phường của tỉnh: mỗi xã, phường báo cáo riêng (đã có trong danh sách xã, phường)."
                : "Các xã, phường của tỉnh: chế độ báo cáo hiện không yêu cầu xã, phường báo cáo.";
        if (f.Contains("tinh, thanh pho", StringComparison.Ordinal))
            return "Ủy ban nhân dân các tỉnh, thành phố: mỗi tỉnh báo cáo theo kế hoạch của tỉnh.";
        if (f.StartsWith("cac so", StringComparison.Ordinal) || f.Contains("so, nganh", StringComparison.Ordinal))
            return "Các sở, ngành của tỉnh theo lĩnh vực: các sở chủ trì nhiệm vụ hoặc theo dõi chỉ tiêu đã báo cáo riêng; cụm từ này không phải một đơn vị.";
        return "Cụm từ chỉ một nhóm cơ quan trong văn bản, không phải một đơn vị báo cáo.";
    }

    /// <summary>The agencies of a plan that report (lead a task or monitor a target), group phrases left out.</summary>
    public static async Task<(List<(Agency Agency, List<int> Tasks)> Reporting, List<Agency> Groups)> AgenciesOfAsync(EcomPlanDbContext db, string planId, CancellationToken ct)
    {
        var leads = await db.TaskAgencies.AsNoTracking()
            .Where(a => a.Role == AgencyRole.Lead && db.Tasks.Any(t => t.Id == a.TaskId && t.PlanId == planId))
            .Select(a => new { a.AgencyId, a.TaskId }).ToListAsync(ct);
        var monitors = await db.TargetMonitors.AsNoTracking()
            .Where(m => db.Targets.Any(t => t.Id == m.TargetId && t.PlanId == planId)).Select(m => m.AgencyId).ToListAsync(ct);
        var ids = leads.Select(l => l.AgencyId).Concat(monitors).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var reporting = agencies.Where(a => !IsGroupPhrase(a.Kind, a.Name))
            .Select(a => (a, leads.Where(l => l.AgencyId == a.Id).Select(l => l.TaskId).Distinct().ToList())).ToList();
        return (reporting, agencies.Where(a => IsGroupPhrase(a.Kind, a.Name)).ToList());
    }

    /// <summary>The plan's expected units with their reporter accounts, and its group phrases; null without a regime.</summary>
    public static async Task<ExpectedReportersView?> ForPlanAsync(EcomPlanDbContext db, string planId, CancellationToken ct)
    {
        var regime = await db.ReportingRegimes.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == planId, ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.ProvinceCode }).FirstOrDefaultAsync(ct);
        if (regime is null || plan is null) return null;
        var (reporting, groups) = await AgenciesOfAsync(db, planId, ct);
        var agencyIds = reporting.Select(r => r.Agency.Id).ToList();
        var withAgencyReporter = regime.AgenciesReport
            ? (await db.RoleAssignments.AsNoTracking().Where(r => r.Role == UserRole.AgencyReporter && r.AgencyId != null && agencyIds.Contains(r.AgencyId.Value))
                .Select(r => r.AgencyId!.Value).Distinct().ToListAsync(ct)).ToHashSet()
            : [];
        var agencies = !regime.AgenciesReport ? [] : reporting
            .Select(r => new ExpectedUnit(r.Agency.Id, null, r.Agency.Name, withAgencyReporter.Contains(r.Agency.Id)))
            .OrderBy(u => u.HasReporter).ThenBy(u => u.Name, VietnameseText.Comparer).ToList();
        List<ExpectedUnit> communes = [];
        if (regime.CommunesReport && plan.ProvinceCode is { } province)
        {
            var withCommuneReporter = (await db.RoleAssignments.AsNoTracking()
                .Where(r => r.Role == UserRole.CommuneReporter && r.CommuneCode != null && db.Communes.Any(c => c.Code == r.CommuneCode && c.ProvinceCode == province))
                .Select(r => r.CommuneCode!).Distinct().ToListAsync(ct)).ToHashSet();
            communes = (await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == province).Select(c => new { c.Code, c.FullName }).ToListAsync(ct))
                .Select(c => new ExpectedUnit(null, c.Code, c.FullName, withCommuneReporter.Contains(c.Code)))
                .OrderBy(u => u.HasReporter).ThenBy(u => u.Name, VietnameseText.Comparer).ToList();
        }
        return new ExpectedReportersView(agencies, communes,
            groups.Select(g => new GroupPhrase(g.Name, Meaning(g.Name, regime.CommunesReport))).OrderBy(g => g.Name, VietnameseText.Comparer).ToList());
    }
}
