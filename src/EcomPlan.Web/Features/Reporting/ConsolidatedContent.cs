using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// Assembles the consolidated report of a province's cycle (báo cáo tổng hợp của Sở) and the Ministry's national
/// roll-up from the data: targets with values and status, tasks with their reported status per group, the reporting
/// situation, difficulties and proposals gathered, plus the parts the author edits.
/// </summary>
public static class ConsolidatedContent
{
    /// <summary>Reports whose content counts: those the Department has received.</summary>
    private static readonly ReportStatus[] Received = [ReportStatus.Submitted, ReportStatus.Accepted];

    /// <summary>The report as of <paramref name="today"/>: counts are of the reports received by then, the due date is shown as the due date.</summary>
    public static async Task<OfficialDocument> ForCycleAsync(EcomPlanDbContext db, AccessScope scope, ReportCycle cycle, ConsolidatedReport edits, DateOnly today, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == cycle.PlanId, ct);
        var province = plan.ProvinceCode is null ? null : await db.Provinces.AsNoTracking().Where(p => p.Code == plan.ProvinceCode).Select(p => p.Name).FirstAsync(ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.CycleId == cycle.Id).ToListAsync(ct);
        var received = reports.Where(r => Received.Contains(r.Status)).ToList();
        var receivedIds = received.Select(r => r.Id).ToList();
        var lines = await db.TaskProgress.AsNoTracking().Where(t => receivedIds.Contains(t.ReportId)).ToListAsync(ct);

        var sections = new List<DocumentSection>
        {
            new("TÌNH HÌNH TRIỂN KHAI", Paragraphs(edits.Introduction ?? DefaultIntroduction(plan, cycle, reports, received, today))),
            new("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", ["Giá trị là số liệu đã được duyệt mới nhất, kèm đơn vị tính; tình trạng đánh giá theo phương pháp tiến độ của hệ thống."],
                await TargetTableAsync(db, scope, plan.Id, cycle.Year, ct)),
            new("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", [TaskSummary(lines)], await TaskTableAsync(db, scope, plan.Id, lines, ct), "Tình hình thực hiện nhiệm vụ"),
            new("TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ", [ReportingSummary(cycle, reports, received, today)], ReportingTable(cycle, reports), "Tình hình gửi báo cáo của các đơn vị"),
            new("KHÓ KHĂN, VƯỚNG MẮC", Gathered(received, r => r.Difficulties, "Các đơn vị không nêu khó khăn, vướng mắc.")),
        };
        if (edits.Assessment is { } assessment) sections.Add(new DocumentSection("ĐÁNH GIÁ CHUNG", Paragraphs(assessment)));
        sections.Add(new("KIẾN NGHỊ, ĐỀ XUẤT", edits.Proposals is { } p ? Paragraphs(p) : Gathered(received, r => r.Proposals, "Các đơn vị không có kiến nghị.")));
        sections = DocumentSection.Numbered(sections);
        var header = new OfficialHeader(province is null ? null : $"UBND TỈNH {province.ToUpper(VietnameseText.Culture)}", "SỞ CÔNG THƯƠNG",
            string.IsNullOrWhiteSpace(edits.Number) ? "      /BC-SCT" : edits.Number!, province ?? "Hà Nội", edits.Date);
        return new OfficialDocument(header, "BÁO CÁO", $"{cycle.Label}: tình hình thực hiện {Lower(plan.Title)}", sections,
            Recipients(edits.Recipients, ["Bộ Công Thương (để b/c);", $"UBND tỉnh {province} (để b/c);", "Các sở, ngành, UBND các xã, phường;", "Lưu: VT, QLTM."]),
            edits.SignerTitle ?? "GIÁM ĐỐC", edits.SignerName, !edits.IsFinal);
    }

    public static async Task<OfficialDocument> NationalAsync(EcomPlanDbContext db, AccessScope scope, int year, ConsolidatedReport edits, DateOnly today, CancellationToken ct)
    {
        var national = await db.Plans.AsNoTracking().Where(p => p.Level == PlanLevel.National && p.PeriodStart <= year && p.PeriodEnd >= year)
            .OrderByDescending(p => p.Status).ThenByDescending(p => p.PeriodStart).FirstOrDefaultAsync(ct);
        var cycles = await db.ReportCycles.AsNoTracking().Where(c => c.Year == year && c.ProvinceCode != null)
            .Select(c => new { c.Id, c.ProvinceCode, c.Due, Reports = c.Reports.Select(r => new { r.Status, r.FirstSubmittedAt }).ToList() }).ToListAsync(ct);
        var cycleIds = cycles.Select(c => c.Id).ToList();
        var tasks = await db.TaskProgress.AsNoTracking()
            .Join(db.Reports.Where(r => cycleIds.Contains(r.CycleId) && Received.Contains(r.Status)), t => t.ReportId, r => r.Id, (t, r) => new { r.ProvinceCode, t.State })
            .ToListAsync(ct);
        var consolidated = await db.ConsolidatedReports.AsNoTracking().Where(c => c.CycleId != null && cycleIds.Contains(c.CycleId.Value))
            .Select(c => new { c.CycleId, c.IsFinal, c.Proposals }).ToListAsync(ct);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);

        var rows = cycles.GroupBy(c => c.ProvinceCode!).OrderBy(g => provinces[g.Key], VietnameseText.Comparer).Select((g, i) =>
        {
            var all = g.SelectMany(c => c.Reports.Select(r => (c.Due, r.FirstSubmittedAt))).ToList();
            var (reporting, onTime) = ReportWorkflow.Rates(all);
            var finals = g.Count(c => consolidated.Any(x => x.CycleId == c.Id && x.IsFinal));
            return new DocumentRow([$"{i + 1}", provinces[g.Key], $"{g.Count()}", $"{all.Count}", $"{all.Count(r => r.FirstSubmittedAt is not null)}",
                Percent(reporting), Percent(onTime), $"{tasks.Count(t => t.ProvinceCode == g.Key && t.State == TaskState.Done)}",
                $"{tasks.Count(t => t.ProvinceCode == g.Key && t.State == TaskState.Late)}", $"{finals}/{g.Count()}"]);
        }).ToList();
        var provinceTable = new DocumentTable("Các tỉnh", ["STT", "Tỉnh, thành phố", "Số kỳ", "Báo cáo phải gửi", "Đã gửi", "Tỷ lệ gửi (%)", "Đúng hạn (%)",
            "Nhiệm vụ hoàn thành", "Nhiệm vụ chậm", "Báo cáo tổng hợp đã ban hành"], rows);
        var proposals = consolidated.Where(c => !string.IsNullOrWhiteSpace(c.Proposals))
            .Select(c => $"{provinces[cycles.First(x => x.Id == c.CycleId).ProvinceCode!]}: {c.Proposals}").ToList();

        var sections = new List<DocumentSection>
        {
            new("TÌNH HÌNH CHUNG", Paragraphs(edits.Introduction
                ?? $"Năm {year}, đến ngày {VietnameseText.FormatDate(today)}, {rows.Count} tỉnh, thành phố triển khai báo cáo định kỳ trên hệ thống EcomPlan với {cycles.Count} kỳ báo cáo.")),
            new("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU QUỐC GIA", national is null ? ["Không có kế hoạch quốc gia cho năm này."] : [national.Title],
                national is null ? null : await TargetTableAsync(db, scope, national.Id, year, ct)),
            new("TÌNH HÌNH BÁO CÁO CỦA CÁC TỈNH, THÀNH PHỐ", [], provinceTable, "Tình hình báo cáo của các tỉnh, thành phố"),
        };
        if (edits.Assessment is { } assessment) sections.Add(new DocumentSection("ĐÁNH GIÁ CHUNG", Paragraphs(assessment)));
        sections.Add(new("KIẾN NGHỊ, ĐỀ XUẤT", edits.Proposals is { } p ? Paragraphs(p) : proposals.Count > 0 ? proposals : ["Chưa có kiến nghị từ báo cáo tổng hợp của các tỉnh."]));
        sections = DocumentSection.Numbered(sections);
        var header = new OfficialHeader(null, "BỘ CÔNG THƯƠNG", string.IsNullOrWhiteSpace(edits.Number) ? "      /BC-BCT" : edits.Number!, "Hà Nội", edits.Date);
        return new OfficialDocument(header, "BÁO CÁO", $"Tổng hợp tình hình thực hiện kế hoạch phát triển thương mại điện tử năm {year} của các địa phương",
            sections, Recipients(edits.Recipients, ["Thủ tướng Chính phủ (để b/c);", "UBND các tỉnh, thành phố;", "Lưu: VT, TMĐT."]),
            edits.SignerTitle ?? "BỘ TRƯỞNG", edits.SignerName, !edits.IsFinal);
    }

    private static async Task<DocumentTable> TargetTableAsync(EcomPlanDbContext db, AccessScope scope, string planId, int year, CancellationToken ct)
    {
        var progress = await ProgressQueries.ForPlanAsync(db, planId, scope, new DateOnly(year, 12, 31), ct);
        var rows = new List<DocumentRow>();
        foreach (var group in (progress?.Targets ?? []).GroupBy(t => (t.Target.Group, t.Target.GroupTitle)))
        {
            rows.Add(new DocumentRow([$"{group.Key.Group}. {group.Key.GroupTitle}"], IsGroupHeading: true));
            rows.AddRange(group.Select(t => new DocumentRow([
                t.Target.Key, t.Target.Text, t.Target.Requirement,
                t.Progress.Latest is { } latest ? TargetText.WithUnit(latest.Value, t.Target.Unit) : "–",
                t.Progress.Latest is { } l ? $"{l.Year}" : "–",
                ProgressQueries.StatusName(t.Progress.Status)])));
        }
        return new DocumentTable("Chỉ tiêu", ["STT", "Chỉ tiêu", "Mục tiêu", "Giá trị", "Năm", "Tình trạng"], rows);
    }

    private static async Task<DocumentTable> TaskTableAsync(EcomPlanDbContext db, AccessScope scope, string planId, List<TaskProgress> lines, CancellationToken ct)
    {
        var tasks = await PlanQueries.TasksAsync(db, planId, new PlanItemFilter(), scope, ct);
        var byTask = lines.GroupBy(l => l.TaskId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<DocumentRow>();
        foreach (var group in tasks.GroupBy(t => (t.Group, t.GroupTitle)))
        {
            var reported = group.SelectMany(t => byTask.GetValueOrDefault(t.Id) ?? []).ToList();
            rows.Add(new DocumentRow([$"{group.Key.Group}. {group.Key.GroupTitle} ({reported.Count(l => l.State == TaskState.Done)}/{group.Count()} hoàn thành)"], IsGroupHeading: true));
            rows.AddRange(group.Select(t =>
            {
                var mine = byTask.GetValueOrDefault(t.Id);
                var line = mine?.OrderByDescending(l => l.Percent).First();
                return new DocumentRow([t.Number ?? "", t.Text, t.Unassigned ? "(chưa giao)" : string.Join("; ", t.LeadAgencies),
                    line is null ? "Chưa báo cáo" : ReportWorkflow.Label(line.State), line is null ? "–" : VietnameseText.FormatNumber(line.Percent),
                    line?.Results ?? ""]);
            }));
        }
        return new DocumentTable("Nhiệm vụ", ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Tình trạng", "% hoàn thành", "Kết quả"], rows);
    }

    private static DocumentTable ReportingTable(ReportCycle cycle, List<Report> reports) =>
        new("Gửi báo cáo", ["STT", "Đơn vị", "Tình trạng", "Ngày gửi", "Đúng hạn"],
            reports.OrderBy(r => r.CommuneCode is not null).ThenBy(r => r.UnitName, VietnameseText.Comparer).Select((r, i) => new DocumentRow([
                $"{i + 1}", r.UnitName, ReportWorkflow.Label(r.Status),
                r.FirstSubmittedAt is { } at ? VietnameseText.FormatDate(ReportWorkflow.Today(at)) : "–",
                r.FirstSubmittedAt is { } a ? (ReportWorkflow.OnTime(a, cycle.Due) ? "Đúng hạn" : "Trễ hạn") : "–"])).ToList());

    private static string DefaultIntroduction(Plan plan, ReportCycle cycle, List<Report> reports, List<Report> received, DateOnly today) =>
        $"Thực hiện {(plan.DocumentNumber is { } n ? $"Kế hoạch số {n}" : "Kế hoạch")} của {plan.IssuingBody}, đến ngày {VietnameseText.FormatDate(today)} "
        + $"Sở Công Thương nhận được báo cáo của {received.Count}/{reports.Count} đơn vị "
        + $"(tỷ lệ {Percent(reports.Count == 0 ? null : Math.Round(100m * received.Count / reports.Count, 2))}%); "
        + $"hạn gửi báo cáo là ngày {VietnameseText.FormatDate(cycle.Due)}"
        + (cycle.Due > today ? $" (còn {cycle.Due.DayNumber - today.DayNumber} ngày)" : "")
        + $". Số liệu chốt đến ngày {VietnameseText.FormatDate(cycle.CutOff)}.";

    private static string ReportingSummary(ReportCycle cycle, List<Report> reports, List<Report> received, DateOnly today)
    {
        var onTime = received.Count(r => r.FirstSubmittedAt is { } at && ReportWorkflow.OnTime(at, cycle.Due));
        return $"Đến ngày {VietnameseText.FormatDate(today)}, {received.Count}/{reports.Count} đơn vị đã gửi báo cáo ({onTime} đúng hạn), "
            + $"{reports.Count - received.Count} đơn vị chưa gửi; hạn gửi báo cáo là ngày {VietnameseText.FormatDate(cycle.Due)}.";
    }

    private static string TaskSummary(List<TaskProgress> lines) =>
        lines.Count == 0 ? "Chưa có đơn vị nào báo cáo tình hình thực hiện nhiệm vụ."
            : $"Các đơn vị báo cáo {lines.Count} lượt nhiệm vụ: " + string.Join(", ",
                Enum.GetValues<TaskState>().Select(s => (s, n: lines.Count(l => l.State == s))).Where(x => x.n > 0).Select(x => $"{x.n} {ReportWorkflow.Label(x.s).ToLower(VietnameseText.Culture)}")) + ".";

    private static List<string> Gathered(List<Report> received, Func<Report, string?> field, string none)
    {
        var items = received.Where(r => !string.IsNullOrWhiteSpace(field(r))).OrderBy(r => r.UnitName, VietnameseText.Comparer)
            .Select(r => $"{r.UnitName}: {field(r)}").ToList();
        return items.Count > 0 ? items : [none];
    }

    private static List<string> Paragraphs(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<string> Recipients(string? edited, List<string> defaults) => edited is null ? defaults : Paragraphs(edited);

    private static string Percent(decimal? rate) => rate is { } r ? VietnameseText.FormatNumber(r) : "–";

    private static string Lower(string title) => title.Length > 0 ? char.ToLower(title[0], VietnameseText.Culture) + title[1..] : title;
}
