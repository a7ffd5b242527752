using EcomPlan.Web.Features.Alignment;
using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Tests.Unit;

public class PlanAlignmentTests
{
    private static int nextId;

    private static TargetDto T(string indicator, TargetKind kind, decimal? value, decimal? min = null, decimal? max = null, string unit = "%", bool exclusive = false) =>
        new(++nextId, "p", "k" + nextId, "g", "g", "text", indicator, kind, value, min, max, exclusive, unit, null, 2030, null, null,
            new SourceRef("d", "s", 1), [], [], [], []);

    [Fact]
    public void Higher_floor_is_more_ambitious() =>
        Assert.Equal(Ambition.Higher, PlanAlignment.Compare(T("x", TargetKind.Floor, 95), T("x", TargetKind.Floor, 70)));

    [Fact]
    public void Lower_floor_is_less_ambitious() =>
        Assert.Equal(Ambition.Lower, PlanAlignment.Compare(T("x", TargetKind.Floor, 60), T("x", TargetKind.Floor, 70)));

    [Fact]
    public void Lower_ceiling_is_more_ambitious() =>
        Assert.Equal(Ambition.Higher, PlanAlignment.Compare(T("x", TargetKind.Ceiling, 5), T("x", TargetKind.Ceiling, 10)));

    [Fact]
    public void Wider_growth_band_upwards_is_more_ambitious() =>
        Assert.Equal(Ambition.Higher, PlanAlignment.Compare(T("x", TargetKind.Growth, null, 20, 30, "%/năm"), T("x", TargetKind.Growth, null, 20, 25, "%/năm")));

    [Fact]
    public void Same_value_with_a_strict_bound_asks_more()
    {
        Assert.Equal(Ambition.Higher, PlanAlignment.Compare(T("x", TargetKind.Floor, 70, exclusive: true), T("x", TargetKind.Floor, 70)));
        Assert.Equal(Ambition.Lower, PlanAlignment.Compare(T("x", TargetKind.Floor, 70), T("x", TargetKind.Floor, 70, exclusive: true)));
    }

    [Fact]
    public void Different_units_or_qualitative_targets_are_not_comparable()
    {
        Assert.Equal(Ambition.NotComparable, PlanAlignment.Compare(T("x", TargetKind.Floor, 70, unit: "%"), T("x", TargetKind.Floor, 70, unit: "lượt")));
        Assert.Equal(Ambition.NotComparable, PlanAlignment.Compare(T("x", TargetKind.Ceiling, 45), T("x", TargetKind.Qualitative, null)));
    }

    [Fact]
    public void Targets_are_paired_by_indicator_and_the_rest_listed_on_each_side()
    {
        var provincial = new[] { T("a", TargetKind.Floor, 95), T("only_here", TargetKind.Floor, 60), T("online_shoppers_adult_share", TargetKind.Floor, 70) };
        var national = new[] { T("a", TargetKind.Floor, 70), T("not_adopted", TargetKind.Floor, 50), T("online_shoppers_population_share", TargetKind.Floor, 70) };
        var result = PlanAlignment.Align("p", "n", provincial, national);

        Assert.Equal(2, result.Pairs.Count);
        var same = Assert.Single(result.Pairs, p => p.SameIndicator);
        Assert.Equal(Ambition.Higher, same.Ambition);
        // 70% of adults is not 70% of the population: shown side by side, flagged, never called equal.
        var sibling = Assert.Single(result.Pairs, p => !p.SameIndicator);
        Assert.Equal(Ambition.NotComparable, sibling.Ambition);
        Assert.Equal("not_adopted", Assert.Single(result.NotAdopted).Indicator);
        Assert.Equal("only_here", Assert.Single(result.ProvinceOnly).Indicator);
    }
}
