using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Tests.Unit;

/// <summary>The progress method on cases computed by hand (figures in the comments).</summary>
public class ProgressMethodTests
{
    private static ProgressInput Floor(decimal target, int deadline, params (int Year, decimal Value)[] series) =>
        new(TargetKind.Floor, false, target, null, null, false, deadline, null, series.Select(s => new Observation(s.Year, s.Value)).ToList());

    private static ProgressInput Of(TargetKind kind, decimal? value, decimal? min, decimal? max, int deadline, params (int Year, decimal Value)[] series) =>
        new(kind, false, value, min, max, false, deadline, null, series.Select(s => new Observation(s.Year, s.Value)).ToList());

    [Theory]
    [InlineData(0.95, ProgressStatus.OnTrack)]
    [InlineData(0.9499, ProgressStatus.NeedsAcceleration)]
    [InlineData(0.60, ProgressStatus.NeedsAcceleration)]
    [InlineData(0.5999, ProgressStatus.LimitedProgress)]
    [InlineData(0, ProgressStatus.LimitedProgress)]
    [InlineData(-0.01, ProgressStatus.Deteriorating)]
    public void Thresholds_are_those_of_the_method(double ratio, ProgressStatus expected) => Assert.Equal(expected, ProgressMethod.Classify(ratio));

    [Fact]
    public void Reaching_the_target_is_achieved() =>
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Evaluate(Floor(70, 2030, (2020, 40), (2025, 72))).Status);

    [Fact]
    public void Compound_growth_on_track()
    {
        // observed (55/40)^(1/5) − 1 = 6,576 %; required (70/40)^(1/10) − 1 = 5,756 %; ratio 1,1426
        var r = ProgressMethod.Evaluate(Floor(70, 2030, (2020, 40), (2025, 55)));
        Assert.Equal(ProgressStatus.OnTrack, r.Status);
        Assert.Equal(0.06576, r.ObservedGrowth!.Value, 4);
        Assert.Equal(0.05756, r.RequiredGrowth!.Value, 4);
        Assert.Equal(1.1426, r.Ratio!.Value, 3);
        Assert.Equal(15m, r.Gap);
        // projected to 2030: 55 × 1,06576^5 = 75,625
        Assert.Equal(75.63, (double)r.Projection!.Value, 1);
    }

    [Theory]
    [InlineData(48, ProgressStatus.NeedsAcceleration, 0.6453)] // 3,714 % / 5,756 %
    [InlineData(42, ProgressStatus.LimitedProgress, 0.1704)]   // 0,981 % / 5,756 %
    [InlineData(38, ProgressStatus.Deteriorating, -0.1773)]    // −1,021 % / 5,756 %
    public void Compound_growth_below_the_path(double latest, ProgressStatus expected, double ratio)
    {
        var r = ProgressMethod.Evaluate(Floor(70, 2030, (2020, 40), (2025, (decimal)latest)));
        Assert.Equal(expected, r.Status);
        Assert.Equal(ratio, r.Ratio!.Value, 3);
    }

    [Fact]
    public void A_ceiling_is_lower_is_better_without_a_special_case()
    {
        // violating websites 20 % → 15 %, target ≤ 10 % in 2030: observed −5,591 %, required −6,697 %, ratio 0,8349
        var improving = ProgressMethod.Evaluate(Of(TargetKind.Ceiling, 10, null, null, 2030, (2020, 20), (2025, 15)));
        Assert.Equal(ProgressStatus.NeedsAcceleration, improving.Status);
        Assert.Equal(0.8349, improving.Ratio!.Value, 3);
        Assert.Equal(ProgressStatus.Deteriorating, ProgressMethod.Evaluate(Of(TargetKind.Ceiling, 10, null, null, 2030, (2020, 20), (2025, 25))).Status);
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Evaluate(Of(TargetKind.Ceiling, 10, null, null, 2030, (2020, 20), (2025, 9))).Status);
    }

    [Fact]
    public void A_zero_base_uses_the_straight_path()
    {
        // 0 → 25 of 50 at half-way: exactly on the path
        var r = ProgressMethod.Evaluate(Floor(50, 2030, (2020, 0), (2025, 25)));
        Assert.Equal(ProgressStatus.OnTrack, r.Status);
        Assert.Equal(1.0, r.Ratio!.Value, 6);
        Assert.Equal(50m, r.Projection);
    }

    [Fact]
    public void Missing_data_is_insufficient_data()
    {
        Assert.Equal(ProgressStatus.InsufficientData, ProgressMethod.Evaluate(Floor(70, 2030)).Status);
        Assert.Equal(ProgressStatus.InsufficientData, ProgressMethod.Evaluate(Floor(70, 2030, (2025, 50))).Status);
        Assert.Equal(ProgressStatus.InsufficientData, ProgressMethod.Evaluate(Of(TargetKind.Qualitative, null, null, null, 2030, (2025, 1))).Status);
    }

    [Fact]
    public void Met_at_base_and_lost_since_is_deteriorating() =>
        Assert.Equal(ProgressStatus.Deteriorating, ProgressMethod.Evaluate(Floor(50, 2030, (2020, 55), (2025, 45))).Status);

    [Fact]
    public void A_strict_bound_is_not_met_by_the_bound_itself()
    {
        var input = Floor(95, 2030, (2020, 90), (2025, 95)) with { Exclusive = true };
        Assert.NotEqual(ProgressStatus.Achieved, ProgressMethod.Evaluate(input).Status);
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Evaluate(input with { Exclusive = false }).Status);
    }

    [Fact]
    public void A_range_is_achieved_inside_and_approached_from_outside()
    {
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Evaluate(Of(TargetKind.Range, null, 8, 15, 2030, (2020, 25), (2025, 12))).Status);
        // 25 → 20, towards the upper bound 15: observed −4,365 %, required −4,980 %, ratio 0,8765
        var outside = ProgressMethod.Evaluate(Of(TargetKind.Range, null, 8, 15, 2030, (2020, 25), (2025, 20)));
        Assert.Equal(ProgressStatus.NeedsAcceleration, outside.Status);
        Assert.Equal(0.8765, outside.Ratio!.Value, 3);
    }

    [Theory]
    [InlineData(22, ProgressStatus.OnTrack)]
    [InlineData(20, ProgressStatus.OnTrack)]
    [InlineData(15, ProgressStatus.NeedsAcceleration)]   // 15/20 = 0,75
    [InlineData(10, ProgressStatus.LimitedProgress)]     // 0,5
    [InlineData(-3, ProgressStatus.Deteriorating)]
    public void Annual_growth_is_each_years_growth_against_the_band(double latest, ProgressStatus expected) =>
        Assert.Equal(expected, ProgressMethod.Evaluate(Of(TargetKind.Growth, null, 20, 30, 2030, (2026, 25), (2027, (decimal)latest))).Status);

    [Fact]
    public void A_cumulative_count_follows_a_straight_path_to_the_deadline()
    {
        // 0 in 2025 → 15.000 in 2030: 6.000 expected in 2027, 4.000 done → ratio 0,667; projection 4.000 + 2.000 × 3
        var r = ProgressMethod.Evaluate(Of(TargetKind.Count, 15000, null, null, 2030, (2025, 0), (2027, 4000)));
        Assert.Equal(ProgressStatus.NeedsAcceleration, r.Status);
        Assert.Equal(0.6667, r.Ratio!.Value, 3);
        Assert.Equal(10000m, r.Projection);
    }

    [Fact]
    public void A_rank_improves_downwards()
    {
        // rank 20 in 2025, top 10 by 2030: rank 16 in 2027 is exactly on the path
        Assert.Equal(ProgressStatus.OnTrack, ProgressMethod.Evaluate(Of(TargetKind.Rank, 10, null, null, 2030, (2025, 20), (2027, 16))).Status);
        Assert.Equal(ProgressStatus.Deteriorating, ProgressMethod.Evaluate(Of(TargetKind.Rank, 10, null, null, 2030, (2025, 20), (2027, 24))).Status);
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Evaluate(Of(TargetKind.Rank, 10, null, null, 2030, (2025, 20), (2027, 9))).Status);
    }

    [Fact]
    public void A_share_of_a_share_reads_as_a_floor_on_the_inner_share()
    {
        // 80% of cashless e-commerce payments through intermediaries by 2025; 60% (2021) → 70% (2023):
        // observed (70/60)^(1/2) − 1 = 8,012 %; required (80/60)^(1/4) − 1 = 7,457 %; ratio 1,074
        var r = ProgressMethod.Evaluate(Of(TargetKind.ShareOfShare, 80, null, null, 2025, (2021, 60), (2023, 70)));
        Assert.Equal(ProgressStatus.OnTrack, r.Status);
        Assert.Equal(1.074, r.Ratio!.Value, 2);
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Evaluate(Of(TargetKind.ShareOfShare, 80, null, null, 2025, (2021, 60), (2024, 81))).Status);
    }

    [Fact]
    public void Met_at_base_and_still_met_is_achieved() =>
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Evaluate(Floor(50, 2030, (2020, 55), (2025, 57))).Status);

    [Fact]
    public void A_stated_baseline_takes_precedence_over_the_first_value()
    {
        var input = Floor(70, 2030, (2027, 65)) with { Baseline = new Observation(2025, 60.82m) };
        var r = ProgressMethod.Evaluate(input);
        Assert.Equal(2025, r.Base!.Year);
        Assert.NotEqual(ProgressStatus.InsufficientData, r.Status);
    }

    [Theory]
    [InlineData(55, 60.82, true)]
    [InlineData(50, 95, true)]
    [InlineData(50, 47, false)]
    public void End_of_period_evaluation_of_Dong_Thap_2021_2025(double target, double result, bool met)
    {
        var r = ProgressMethod.EvaluateEnd(Floor((decimal)target, 2025, (2025, (decimal)result)));
        Assert.Equal(met, r.Met);
        Assert.Equal((decimal)result, r.Deciding!.Value);
    }

    [Fact]
    public void End_of_period_growth_uses_the_mean_of_the_years()
    {
        // B2C about 10 % against 20 %: not met
        Assert.False(ProgressMethod.EvaluateEnd(Of(TargetKind.Growth, 20, null, null, 2025, (2025, 10))).Met);
        // national 2021–2025: 16, 20, 25, 20, 22 → mean 20,6 against 25 %/year: not met
        var national = ProgressMethod.EvaluateEnd(Of(TargetKind.Growth, 25, null, null, 2025, (2021, 16), (2022, 20), (2023, 25), (2024, 20), (2025, 22)));
        Assert.False(national.Met);
        Assert.Equal(20.6m, national.Deciding!.Value);
    }

    [Fact]
    public void End_of_period_growth_counts_only_the_years_of_the_period()
    {
        var input = Of(TargetKind.Growth, 25, null, null, 2025, (2019, 25), (2020, 18), (2021, 16), (2022, 20), (2023, 25), (2024, 20), (2025, 22)) with { PeriodStart = 2021 };
        Assert.Equal(20.6m, ProgressMethod.EvaluateEnd(input).Deciding!.Value);
    }

    [Fact]
    public void End_of_period_without_a_value_for_the_deadline_year_is_not_decided()
    {
        var r = ProgressMethod.EvaluateEnd(Floor(55, 2025, (2020, 53)));
        Assert.Null(r.Met);
        Assert.Equal(2020, r.Deciding!.Year);
    }
}
