namespace EcomPlan.Web.Features.Reporting;

/// <summary>Kinds of periodic report the plans require (báo cáo 6 tháng, năm, đột xuất).</summary>
public enum ReportKind { SixMonthly, Yearly, AdHoc }

/// <summary>
/// One kind of report of a plan's regime: due on a fixed day of the year, covering data up to a cut-off date, the
/// cycle opening some days before it is due. Đồng Tháp: six-monthly due 15/06, yearly due 15/12.
/// </summary>
public sealed record ReportRule(ReportKind Kind, int DueMonth, int DueDay, int CutOffMonth, int CutOffDay, int OpensDaysBefore = 30);

/// <summary>A reporting cycle: what period it covers, when it opens, its data cut-off and its due date.</summary>
public sealed record ReportingCycle(ReportKind Kind, int Year, string Label, DateOnly Opens, DateOnly CutOff, DateOnly Due);

/// <summary>
/// The cycles a regime produces over a plan's life. Pure: the platform opens each cycle on its date (a later job),
/// and the calendar is tested on its own.
/// </summary>
public static class ReportingCalendar
{
    /// <summary>
    /// The regime of Đồng Tháp's plan 244/KH-UBND, section 6 (document line 100): "trước ngày 15/6" for the six-monthly
    /// report and "trước ngày 15/12" for the yearly one, so the last day is the 14th. The document sets no data
    /// cut-off; the end of the month before is a default the Department can change.
    /// </summary>
    public static readonly IReadOnlyList<ReportRule> DongThap =
    [
        new(ReportKind.SixMonthly, 6, 14, 5, 31),
        new(ReportKind.Yearly, 12, 14, 11, 30),
    ];

    /// <summary>
    /// Every cycle due within the plan's period whose due date is not before <paramref name="effectiveFrom"/> (a regime
    /// set, or a plan approved, in the middle of a year starts with the next cycle still to come). Ad-hoc rules produce no
    /// calendar cycles: they are opened by hand.
    /// </summary>
    public static IReadOnlyList<ReportingCycle> Cycles(IEnumerable<ReportRule> rules, int periodStart, int periodEnd, DateOnly effectiveFrom)
    {
        if (periodEnd < periodStart) throw new ArgumentException("Kỳ kế hoạch kết thúc trước khi bắt đầu.");
        var cycles = new List<ReportingCycle>();
        foreach (var rule in rules.Where(r => r.Kind != ReportKind.AdHoc))
        {
            for (var year = periodStart; year <= periodEnd; year++)
            {
                var due = Day(year, rule.DueMonth, rule.DueDay);
                if (due < effectiveFrom) continue;
                var cutOff = Day(year, rule.CutOffMonth, rule.CutOffDay);
                if (cutOff > due) cutOff = cutOff.AddYears(-1);
                var opens = due.AddDays(-rule.OpensDaysBefore);
                var label = rule.Kind == ReportKind.SixMonthly ? $"Báo cáo 6 tháng đầu năm {year}" : $"Báo cáo năm {year}";
                cycles.Add(new ReportingCycle(rule.Kind, year, label, opens, cutOff, due));
            }
        }
        return cycles.OrderBy(c => c.Due).ThenBy(c => c.Kind).ToList();
    }

    /// <summary>The cycles open on <paramref name="today"/>: opened and not yet past due.</summary>
    public static IEnumerable<ReportingCycle> OpenOn(IEnumerable<ReportingCycle> cycles, DateOnly today) =>
        cycles.Where(c => c.Opens <= today && today <= c.Due);

    /// <summary>Days like 29 February or 31 June clamp to the month's last day instead of failing.</summary>
    private static DateOnly Day(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
