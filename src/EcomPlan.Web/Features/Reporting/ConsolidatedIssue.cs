using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// What issuing ("Ban hành") a consolidated report means at this moment: how many of the expected reports are in,
/// and how far the due date still is. Issuing asks for a confirmation that says so; nothing is issued without it.
/// </summary>
/// <param name="Expected">Reports the cycle expects (a province) or provinces' consolidated reports of the year (national).</param>
/// <param name="Received">Of these, those received (submitted or accepted) or issued.</param>
/// <param name="Due">The cycle's due date; null for the national report.</param>
/// <param name="Today">The day in Vietnam.</param>
/// <param name="National">Whether the counts are of provinces' consolidated reports.</param>
public sealed record IssueNotice(int Expected, int Received, DateOnly? Due, DateOnly Today, bool National = false)
{
    public int Missing => Math.Max(Expected - Received, 0);

    /// <summary>Days from today to the due date; 0 or less once it is due.</summary>
    public int DaysBeforeDue => Due is { } due ? due.DayNumber - Today.DayNumber : 0;

    /// <summary>Issuing now deserves a warning: reports are missing or the due date is still ahead.</summary>
    public bool IsEarly => Missing > 0 || DaysBeforeDue > 0;
}

public static class ConsolidatedIssue
{
    /// <summary>The sentences of the confirmation: what happens, what is missing, how early it is, that it cannot be undone.</summary>
    public static IReadOnlyList<string> Sentences(IssueNotice notice)
    {
        var what = notice.National ? "báo cáo tổng hợp của các tỉnh" : "báo cáo của các đơn vị";
        var lines = new List<string>
        {
            "Ban hành sẽ lưu bản DOCX và XLSX chính thức với số liệu có đến hôm nay "
            + $"({VietnameseText.FormatDate(notice.Today)}); từ đó mọi người tải về đúng bản này.",
        };
        if (notice.Missing > 0)
            lines.Add($"Còn thiếu {notice.Missing} {what} (mới nhận {notice.Received}/{notice.Expected}); "
                + "báo cáo gửi sau khi ban hành sẽ không có trong văn bản.");
        else if (notice.Expected > 0)
            lines.Add($"Đã nhận đủ {notice.Received}/{notice.Expected} {what}.");
        if (notice.Due is { } due && notice.DaysBeforeDue > 0)
            lines.Add($"Hôm nay còn {notice.DaysBeforeDue} ngày nữa mới đến hạn báo cáo ({VietnameseText.FormatDate(due)}).");
        lines.Add("Không thể hoàn tác: sau khi ban hành, báo cáo tổng hợp không sửa được và không hủy được.");
        return lines;
    }

    /// <summary>The notice for a target as of <paramref name="now"/>.</summary>
    public static async Task<IssueNotice> NoticeAsync(EcomPlanDbContext db, ConsolidatedReports.Target target, DateTimeOffset now, CancellationToken ct)
    {
        var today = ReportWorkflow.Today(now);
        if (target.CycleId is { } cycleId)
        {
            var due = await db.ReportCycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => c.Due).FirstAsync(ct);
            var statuses = await db.Reports.AsNoTracking().Where(r => r.CycleId == cycleId).Select(r => r.Status).ToListAsync(ct);
            return new IssueNotice(statuses.Count, statuses.Count(s => s is ReportStatus.Submitted or ReportStatus.Accepted), due, today);
        }
        var year = target.Year!.Value;
        var cycles = await db.ReportCycles.AsNoTracking().Where(c => c.Year == year && c.ProvinceCode != null).Select(c => c.Id).ToListAsync(ct);
        var keys = cycles.Select(id => $"cycle-{id}").ToList();
        var issued = await db.ConsolidatedReports.AsNoTracking().CountAsync(c => keys.Contains(c.Key) && c.IsFinal, ct);
        return new IssueNotice(cycles.Count, issued, null, today, National: true);
    }

    /// <summary>
    /// Who issues, as the stamp shows it: full name and the role that lets them issue ("Nguyễn Thị B – Quản trị cấp
    /// tỉnh (Sở Công Thương)"), never the e-mail address they sign in with.
    /// </summary>
    public static async Task<string> IssuerAsync(EcomPlanDbContext db, int? userId, AccessScope scope, CancellationToken ct)
    {
        var name = userId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct) : null;
        var role = scope.Roles.Select(r => r.Role).Where(r => r is UserRole.ProvincialAdministrator or UserRole.MinistryEditor or UserRole.SystemAdministrator)
            .OrderByDescending(r => r).Select(r => (UserRole?)r).FirstOrDefault();
        var person = string.IsNullOrWhiteSpace(name) || name.Contains('@') ? "Người dùng không rõ tên" : name.Trim();
        var issuer = role is { } r ? $"{person} – {RoleRequests.RoleName(r)}" : person;
        return issuer.Length > 200 ? issuer[..200] : issuer;
    }

    /// <summary>
    /// The stamp of a report issued before names were stored: an e-mail address is replaced by the person's name.
    /// </summary>
    public static async Task<string?> StampNameAsync(EcomPlanDbContext db, string? finalizedBy, CancellationToken ct)
    {
        if (finalizedBy is null || !finalizedBy.Contains('@')) return finalizedBy;
        var name = await db.Users.AsNoTracking().Where(u => u.Email == finalizedBy).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(name) ? "Người dùng không rõ tên" : name;
    }
}
