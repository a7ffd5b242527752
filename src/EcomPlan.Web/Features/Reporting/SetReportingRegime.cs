using System.Globalization;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>One kind of report as typed in the form or sent to the API: days as "dd/MM".</summary>
public sealed record RuleRequest(ReportKind Kind, string Due, string CutOff, int OpensDaysBefore = 30);

/// <summary>A plan's regime as the owner sets it.</summary>
public sealed record RegimeRequest(bool AgenciesReport, bool CommunesReport, int RemindDaysBefore, IReadOnlyList<RuleRequest> Rules);

/// <summary>One kind of report of the regime form exactly as typed.</summary>
public sealed record RuleFormInput(ReportKind Kind, bool On, string Due, string CutOff, string Opens);

/// <summary>The regime form exactly as typed (kept and shown again when anything is refused).</summary>
public sealed record RegimeFormInput(bool Agencies, bool Communes, string Remind, IReadOnlyList<RuleFormInput> Rules);

/// <summary>
/// The Department (or the Ministry for a national plan) sets which reports are due when and who reports. The regime
/// takes effect from today: cycles already past are not opened retroactively.
/// </summary>
public static class SetReportingRegime
{
    public enum Outcome { Saved, NotFound, Invalid }

    /// <summary>Every problem of the request, in Vietnamese, keyed by field.</summary>
    public static Dictionary<string, string> Validate(RegimeRequest request)
    {
        var errors = new Dictionary<string, string>();
        if (!request.AgenciesReport && !request.CommunesReport)
            errors["units"] = "Chọn ít nhất một loại đơn vị báo cáo (cơ quan hoặc xã, phường).";
        if (request.RemindDaysBefore is < 0 or > 30)
            errors["remindDaysBefore"] = "Số ngày nhắc trước hạn phải từ 0 đến 30.";
        if (request.Rules.Count == 0) errors["rules"] = "Cần ít nhất một loại báo cáo định kỳ.";
        foreach (var group in request.Rules.GroupBy(r => r.Kind).Where(g => g.Count() > 1))
            errors[$"{group.Key}"] = $"Loại báo cáo {ReportWorkflow.Label(group.Key).ToLowerInvariant()} bị khai báo hai lần.";
        foreach (var rule in request.Rules)
        {
            var label = ReportWorkflow.Label(rule.Kind).ToLowerInvariant();
            if (rule.Kind == ReportKind.AdHoc) errors[$"{rule.Kind}"] = "Báo cáo đột xuất không có lịch: Sở mở từng kỳ khi cần.";
            if (ParseDayMonth(rule.Due) is null) errors[$"{rule.Kind}.due"] = $"Hạn nộp báo cáo {label} '{rule.Due}' không phải ngày/tháng hợp lệ (ví dụ 14/06).";
            if (ParseDayMonth(rule.CutOff) is null) errors[$"{rule.Kind}.cutOff"] = $"Ngày chốt số liệu báo cáo {label} '{rule.CutOff}' không phải ngày/tháng hợp lệ (ví dụ 31/05).";
            if (rule.OpensDaysBefore is < 1 or > 120) errors[$"{rule.Kind}.opens"] = $"Số ngày mở kỳ trước hạn của báo cáo {label} phải từ 1 đến 120.";
        }
        return errors;
    }

    /// <summary>
    /// Reads the typed form: every problem at once, keyed as <see cref="Validate"/> keys them ("Yearly.due",
    /// "Yearly.opens", "remindDaysBefore"), what could not be read named as typed.
    /// </summary>
    public static (RegimeRequest Request, Dictionary<string, string> Errors) Parse(RegimeFormInput input)
    {
        var errors = new Dictionary<string, string>();
        int Whole(string typed, string key, string what, int placeholder)
        {
            if (int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            errors[key] = typed.Trim().Length == 0 ? $"Nhập {what}." : $"{Capitalize(what)} '{typed.Trim()}' không phải số nguyên.";
            return placeholder;
        }
        var rules = input.Rules.Where(r => r.On)
            .Select(r => new RuleRequest(r.Kind, r.Due, r.CutOff, Whole(r.Opens, $"{r.Kind}.opens", $"số ngày mở kỳ trước hạn của báo cáo {ReportWorkflow.Label(r.Kind).ToLowerInvariant()}", 30)))
            .ToList();
        var remind = Whole(input.Remind, "remindDaysBefore", "số ngày nhắc trước hạn", 5);
        var request = new RegimeRequest(input.Agencies, input.Communes, remind, rules);
        foreach (var (key, message) in Validate(request)) errors.TryAdd(key, message);
        return (request, errors);
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"14/06" → (14, 6); 29/02 is allowed (it clamps to 28 in other years).</summary>
    public static (int Day, int Month)? ParseDayMonth(string? text)
    {
        var parts = (text ?? "").Trim().Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)) return null;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month)) return null;
        return (day, month);
    }

    public static async Task<(Outcome Outcome, Dictionary<string, string> Errors)> HandleAsync(
        EcomPlanDbContext db, AccessScope scope, string planId, RegimeRequest request, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Level, p.ProvinceCode, p.IsPublic }).FirstOrDefaultAsync(ct);
        if (plan is null || !scope.CanReadPlan(plan.Level, plan.ProvinceCode, plan.IsPublic))
            return (Outcome.NotFound, new() { ["plan"] = $"Không có kế hoạch mã '{planId}'." });
        if (!scope.CanRunReporting(plan.Level, plan.ProvinceCode))
            return (Outcome.NotFound, new() { ["plan"] = "Chỉ cơ quan chủ trì kế hoạch được đặt chế độ báo cáo." });
        var errors = Validate(request);
        if (errors.Count > 0) return (Outcome.Invalid, errors);

        var now = clock.GetUtcNow();
        var regime = await db.ReportingRegimes.Include(r => r.Rules).FirstOrDefaultAsync(r => r.PlanId == planId, ct);
        if (regime is null)
        {
            regime = new ReportingRegime { PlanId = planId, ProvinceCode = plan.ProvinceCode, EffectiveFrom = ReportWorkflow.Today(now) };
            db.ReportingRegimes.Add(regime);
        }
        regime.AgenciesReport = request.AgenciesReport;
        regime.CommunesReport = request.CommunesReport;
        regime.RemindDaysBefore = request.RemindDaysBefore;
        regime.UpdatedAt = now;
        db.ReportingRules.RemoveRange(regime.Rules);
        regime.Rules = request.Rules.Select(r =>
        {
            var (dueDay, dueMonth) = ParseDayMonth(r.Due)!.Value;
            var (cutDay, cutMonth) = ParseDayMonth(r.CutOff)!.Value;
            return new ReportingRuleRow
            {
                PlanId = planId, Kind = r.Kind, DueDay = dueDay, DueMonth = dueMonth, CutOffDay = cutDay, CutOffMonth = cutMonth,
                OpensDaysBefore = r.OpensDaysBefore,
            };
        }).ToList();
        db.AuditProvinceCode = plan.ProvinceCode;
        await db.SaveChangesAsync(ct);
        return (Outcome.Saved, []);
    }

    /// <summary>Đồng Tháp's regime as its plan states it (section 6): agencies and communes, 15/6 and 15/12.</summary>
    public static ReportingRegime DongThapSeed(string planId, string provinceCode, DateOnly effectiveFrom) => new()
    {
        PlanId = planId,
        ProvinceCode = provinceCode,
        EffectiveFrom = effectiveFrom,
        AgenciesReport = true,
        CommunesReport = true,
        Rules = ReportingCalendar.DongThap.Select(r => new ReportingRuleRow
        {
            PlanId = planId, Kind = r.Kind, DueDay = r.DueDay, DueMonth = r.DueMonth, CutOffDay = r.CutOffDay, CutOffMonth = r.CutOffMonth,
            OpensDaysBefore = r.OpensDaysBefore,
        }).ToList(),
    };
}
