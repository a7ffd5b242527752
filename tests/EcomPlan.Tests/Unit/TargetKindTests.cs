using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Tests.Unit;

/// <summary>The kinds provinces use: a band where higher is better, "about" a value, a two-sided range only where it makes sense.</summary>
public class TargetKindTests
{
    private static List<string> Fields(TargetKind kind, decimal? value = null, decimal? min = null, decimal? max = null, decimal? tolerance = null,
        string? direction = "higher", int? deadline = 2030) =>
        TargetRules.Check(kind, value, min, max, tolerance, "%", "x", direction, deadline, 2026, 2030).Select(p => p.Field).ToList();

    [Fact]
    public void A_two_sided_range_only_for_an_indicator_measured_that_way()
    {
        Assert.Equal(["kind"], Fields(TargetKind.Range, min: 8, max: 15, direction: "higher"));
        Assert.Equal(["kind"], Fields(TargetKind.Range, min: 8, max: 15, direction: "lower"));
        Assert.Empty(Fields(TargetKind.Range, min: 8, max: 15, direction: "two_sided"));
        Assert.Empty(Fields(TargetKind.Band, min: 65, max: 70));
    }

    [Fact]
    public void Each_kind_needs_its_numbers_and_no_others()
    {
        Assert.Equal(["max"], Fields(TargetKind.Band, min: 65));
        Assert.Equal(["value"], Fields(TargetKind.Approximate));
        Assert.Equal(["tolerance"], Fields(TargetKind.Floor, value: 70, tolerance: 3));
        Assert.Equal(["min"], Fields(TargetKind.Floor, value: 70, min: 60));
        Assert.Equal(["min"], Fields(TargetKind.Band, min: 70, max: 65));
        Assert.Equal(["value"], Fields(TargetKind.Floor, value: 170));
        Assert.Equal(["value"], Fields(TargetKind.Qualitative, value: 1));
        Assert.Equal(["deadlineYear"], Fields(TargetKind.Floor, value: 70, deadline: 2040));
        Assert.Contains("indicator", TargetRules.Check(TargetKind.Floor, 70, null, null, null, "%", null, null, 2030, 2026, 2030).Select(p => p.Field));
    }

    [Theory]
    [InlineData(64, false, false)]
    [InlineData(65, false, true)]
    [InlineData(80, false, true)] // above the aim is achieved, not a miss
    [InlineData(16, true, false)]
    [InlineData(15, true, true)]
    [InlineData(5, true, true)]  // below the aim of a lower-is-better band: achieved
    public void A_band_is_met_from_its_floor_or_up_to_its_ceiling_whichever_way_is_better(decimal actual, bool lowerIsBetter, bool met)
    {
        var (min, max) = lowerIsBetter ? (8m, 15m) : (65m, 70m);
        Assert.Equal(met, ProgressMethod.IsMet(TargetKind.Band, lowerIsBetter, null, min, max, false, actual));
    }

    [Theory]
    [InlineData(27, null, true)]
    [InlineData(33, null, true)]
    [InlineData(26.9, null, false)]
    [InlineData(34, 5, true)]
    [InlineData(36, 5, false)]
    public void About_a_value_is_met_within_its_tolerance_a_tenth_of_the_value_unless_stated(decimal actual, int? tolerance, bool met) =>
        Assert.Equal(met, ProgressMethod.IsMet(TargetKind.Approximate, false, 30, null, null, false, actual, tolerance));

    [Fact]
    public void A_band_above_its_aim_is_achieved_and_never_read_as_lower_is_better()
    {
        var input = new ProgressInput(TargetKind.Band, false, null, 65, 70, false, 2030, null, [new(2025, 50), new(2027, 72)], 2026);
        var result = ProgressMethod.Evaluate(input);
        Assert.Equal(ProgressStatus.Achieved, result.Status);
        var behind = ProgressMethod.Evaluate(input with { Series = [new(2025, 50), new(2027, 55)] });
        Assert.NotEqual(ProgressStatus.Achieved, behind.Status);
        Assert.DoesNotContain("giảm là tốt", behind.Explanation);
        Assert.Equal("≥ 65%, phấn đấu 70%", TargetText.Requirement(TargetKind.Band, null, 65, 70, false, "%"));
        Assert.Equal("≤ 15%, phấn đấu 8%", TargetText.Requirement(TargetKind.Band, null, 8, 15, false, "%", lowerIsBetter: true));
        Assert.Equal("khoảng 30% (± 3)", TargetText.Requirement(TargetKind.Approximate, 30, null, null, false, "%"));
    }
}
