using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Tests.Unit;

/// <summary>
/// One status per target (issue 11): the three contradictions users saw on ended plans, and values outside the
/// plan's period, which never decide its status.
/// </summary>
public class TargetStandingTests
{
    private static ProgressInput Plan2021To2025(TargetKind kind, decimal target, params (int Year, decimal Value)[] series) =>
        new(kind, false, target, null, null, false, 2025, null, series.Select(s => new Observation(s.Year, s.Value)).ToList(),
            PeriodStart: 2021, PeriodEnd: 2025);

    [Fact]
    public void An_ended_plan_shows_its_verdict_not_a_progress_status()
    {
        // National 2021–2025, 1.b.1: B2C growth 16, 20, 25, 20, 22 %/year against 25 %: the last year alone reads
        // "needs acceleration" (22 ÷ 25 = 0,88), the period's mean 20,6 % is the verdict: not met.
        var input = Plan2021To2025(TargetKind.Growth, 25, (2021, 16), (2022, 20), (2023, 25), (2024, 20), (2025, 22));
        Assert.Equal(ProgressStatus.NeedsAcceleration, ProgressMethod.Evaluate(input).Status);

        var standing = ProgressMethod.Standing(input, periodClosed: true);

        Assert.Equal(ProgressStatus.NotAchieved, standing.Status);
        Assert.Equal(20.6m, standing.Latest!.Value);
        Assert.Contains("Không đạt", standing.Explanation + ProgressQueries.StatusName(standing.Status));
    }

    [Fact]
    public void A_single_value_of_the_deadline_year_decides_an_ended_plan()
    {
        // Đồng Tháp 2021–2025, target 7: 47 % in 2025 against 50 %. One value is too few for a trend
        // ("insufficient data") but is exactly what the verdict needs.
        var input = Plan2021To2025(TargetKind.Floor, 50, (2025, 47));
        Assert.Equal(ProgressStatus.InsufficientData, ProgressMethod.Evaluate(input).Status);

        var standing = ProgressMethod.Standing(input, periodClosed: true);

        Assert.Equal(ProgressStatus.NotAchieved, standing.Status);
        Assert.Equal(new Observation(2025, 47), standing.Latest);
        Assert.Equal(3, standing.Gap);
        Assert.Contains("2025", standing.Explanation);
    }

    [Fact]
    public void A_value_after_the_period_never_decides_an_ended_plan()
    {
        // A 2026 value (95 %) imported after the 2021–2025 plan ended: it met the target, the 2025 value did not.
        var input = Plan2021To2025(TargetKind.Floor, 50, (2024, 40), (2025, 45), (2026, 95));

        var standing = ProgressMethod.Standing(input, periodClosed: true);

        Assert.Equal(ProgressStatus.NotAchieved, standing.Status);
        Assert.Equal(2025, standing.Latest!.Year);
        Assert.DoesNotContain("2026", standing.Explanation);
    }

    [Fact]
    public void Met_at_the_deadline_is_achieved_and_no_deadline_value_is_undecided()
    {
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Standing(Plan2021To2025(TargetKind.Floor, 55, (2025, 60.82m)), true).Status);

        var undecided = ProgressMethod.Standing(Plan2021To2025(TargetKind.Floor, 55, (2022, 40), (2024, 58)), true);
        Assert.Equal(ProgressStatus.InsufficientData, undecided.Status);
        Assert.Contains("2024", undecided.Explanation);
    }

    [Fact]
    public void A_running_plan_ignores_values_after_its_period()
    {
        // 2026–2030 plan, floor 70 %: 2026 60, 2027 62, and a stray 2031 value of 80 that would read "achieved".
        var input = new ProgressInput(TargetKind.Floor, false, 70, null, null, false, 2030, new Observation(2025, 55),
            [new(2026, 60), new(2027, 62), new(2031, 80)], PeriodStart: 2026, PeriodEnd: 2030);

        var standing = ProgressMethod.Standing(input, periodClosed: false);

        Assert.NotEqual(ProgressStatus.Achieved, standing.Status);
        Assert.Equal(new Observation(2027, 62), standing.Latest);
        Assert.StartsWith("Theo giá trị năm 2027", standing.Explanation);
    }

    [Fact]
    public void Values_before_the_period_are_a_starting_point_never_the_latest()
    {
        var beforeOnly = new ProgressInput(TargetKind.Floor, false, 70, null, null, false, 2030, null,
            [new(2024, 50), new(2025, 75)], PeriodStart: 2026, PeriodEnd: 2030);
        var waiting = ProgressMethod.Standing(beforeOnly, periodClosed: false);
        Assert.Equal(ProgressStatus.InsufficientData, waiting.Status);
        Assert.Null(waiting.Latest);
        Assert.Contains("2025", waiting.Explanation);

        // With a 2026 value, the 2025 value is the base: 50 → 60 in a year towards 70 in 2030 is on track,
        // although the series' first value (2019: 10) would make any growth look fast.
        var running = beforeOnly with { Series = [new(2019, 10), new(2025, 50), new(2026, 60)] };
        var standing = ProgressMethod.Standing(running, periodClosed: false);
        Assert.Equal(new Observation(2025, 50), standing.Base);
        Assert.Equal(ProgressStatus.OnTrack, standing.Status);
    }
}
