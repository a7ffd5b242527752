using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Unit;

public class ReportingCalendarTests
{
    [Fact]
    public void Dong_Thap_reports_six_monthly_before_15_June_and_yearly_before_15_December()
    // "trước ngày 15/6", "trước ngày 15/12": the 14th is the last day.
    {
        var cycles = ReportingCalendar.Cycles(ReportingCalendar.DongThap, 2026, 2030, new DateOnly(2026, 1, 1));
        Assert.Equal(10, cycles.Count);
        var first = cycles[0];
        Assert.Equal((ReportKind.SixMonthly, new DateOnly(2026, 6, 14), new DateOnly(2026, 5, 31), new DateOnly(2026, 5, 15)),
            (first.Kind, first.Due, first.CutOff, first.Opens));
        Assert.Equal("Báo cáo 6 tháng đầu năm 2026", first.Label);
        var yearly = cycles[1];
        Assert.Equal((ReportKind.Yearly, new DateOnly(2026, 12, 14), new DateOnly(2026, 11, 30)), (yearly.Kind, yearly.Due, yearly.CutOff));
        Assert.Equal(new DateOnly(2030, 12, 14), cycles[^1].Due);
    }

    [Fact]
    public void A_regime_set_mid_year_starts_with_the_next_cycle_still_to_come()
    {
        var cycles = ReportingCalendar.Cycles(ReportingCalendar.DongThap, 2026, 2030, new DateOnly(2026, 9, 12));
        Assert.Equal(new DateOnly(2026, 12, 14), cycles[0].Due);
        Assert.Equal(9, cycles.Count);
    }

    [Fact]
    public void A_plan_that_ends_has_no_cycle_after_its_last_year()
    {
        var cycles = ReportingCalendar.Cycles(ReportingCalendar.DongThap, 2021, 2025, new DateOnly(2021, 1, 1));
        Assert.All(cycles, c => Assert.InRange(c.Year, 2021, 2025));
        Assert.Empty(ReportingCalendar.Cycles(ReportingCalendar.DongThap, 2021, 2025, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Open_cycles_are_those_between_opening_and_due_date()
    {
        var cycles = ReportingCalendar.Cycles(ReportingCalendar.DongThap, 2026, 2030, new DateOnly(2026, 1, 1));
        Assert.Empty(ReportingCalendar.OpenOn(cycles, new DateOnly(2026, 5, 14)));
        Assert.Equal(ReportKind.SixMonthly, Assert.Single(ReportingCalendar.OpenOn(cycles, new DateOnly(2026, 6, 14))).Kind);
        Assert.Empty(ReportingCalendar.OpenOn(cycles, new DateOnly(2026, 6, 15)));
    }

    [Fact]
    public void A_cut_off_after_the_due_day_belongs_to_the_year_before_and_impossible_days_clamp()
    {
        // A yearly report due 15 January covers data up to 31 December of the year before.
        var cycle = Assert.Single(ReportingCalendar.Cycles([new ReportRule(ReportKind.Yearly, 1, 15, 12, 31)], 2027, 2027, new DateOnly(2027, 1, 1)));
        Assert.Equal(new DateOnly(2026, 12, 31), cycle.CutOff);
        var leap = Assert.Single(ReportingCalendar.Cycles([new ReportRule(ReportKind.Yearly, 2, 30, 1, 31)], 2027, 2027, new DateOnly(2027, 1, 1)));
        Assert.Equal(new DateOnly(2027, 2, 28), leap.Due);
        Assert.Empty(ReportingCalendar.Cycles([new ReportRule(ReportKind.AdHoc, 6, 1, 5, 1)], 2026, 2030, new DateOnly(2026, 1, 1)));
        Assert.Throws<ArgumentException>(() => ReportingCalendar.Cycles(ReportingCalendar.DongThap, 2030, 2026, new DateOnly(2026, 1, 1)));
    }
}
