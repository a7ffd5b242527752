using EcomPlan.Web.Features.Alignment;
using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Tests.Unit;

public class PlanAlignmentTests
{
    private static int nextId;

    private static TargetDto T(string indicator, TargetKind kind, decimal? value, decimal? min = null, decimal? max = null, string unit = "%", bool exclusive = false) =>
        new(++nextId, "p", "k" + nextId, "g", "g", "text", indicator, kind, value, min, max, exclusive, unit, null, 2030, null, null,
            new SourceRef("d", "s", 1), [], [], [], []);

    /// <summary>The concepts of the shipped catalogue for the indicators used here (indicators.yaml).</summary>
    private static readonly Dictionary<string, string> Concepts = new()
    {
        ["a"] = "a",
        ["online_shoppers_population_share"] = "online_shoppers",
        ["online_shoppers_adult_share"] = "online_shoppers",
    };

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
        var result = PlanAlignment.Align("p", "n", provincial, national, Concepts);

        Assert.Equal(2, result.Pairs.Count);
        var same = Assert.Single(result.Pairs, p => p.SameIndicator);
        Assert.Equal(Ambition.Higher, same.Ambition);
        // 70% of adults is not 70% of the population: shown side by side, flagged, never called equal.
        var sibling = Assert.Single(result.Pairs, p => !p.SameIndicator);
        Assert.Equal(Ambition.NotComparable, sibling.Ambition);
        Assert.Equal("not_adopted", Assert.Single(result.NotAdopted).Indicator);
        Assert.Equal("only_here", Assert.Single(result.ProvinceOnly).Indicator);
    }

    [Fact]
    public void Indicators_are_paired_through_the_concept_data_not_a_list_in_code()
    {
        var provincial = new[] { T("internet_users_share", TargetKind.Floor, 80), T("ecommerce_trainees_share", TargetKind.Floor, 75) };
        var national = new[] { T("internet_users_adult_share", TargetKind.Floor, 85), T("ecommerce_trainees_count", TargetKind.Count, 1_000_000) };

        // Without concepts each indicator is alone: nothing pairs.
        var alone = PlanAlignment.Align("p", "n", provincial, national, new Dictionary<string, string>());
        Assert.Empty(alone.Pairs);
        Assert.Equal(2, alone.ProvinceOnly.Count);
        Assert.Equal(2, alone.NotAdopted.Count);

        // A concept given to indicators created at run time pairs them, flagged as another base.
        var concepts = new Dictionary<string, string>
        {
            ["internet_users_share"] = "internet_users", ["internet_users_adult_share"] = "internet_users",
            ["ecommerce_trainees_share"] = "ecommerce_trainees", ["ecommerce_trainees_count"] = "ecommerce_trainees",
        };
        var paired = PlanAlignment.Align("p", "n", provincial, national, concepts);
        Assert.Equal(2, paired.Pairs.Count);
        Assert.All(paired.Pairs, p => { Assert.False(p.SameIndicator); Assert.Equal(Ambition.NotComparable, p.Ambition); });
        Assert.Empty(paired.ProvinceOnly);
        Assert.Empty(paired.NotAdopted);
    }

    [Fact]
    public void An_indicator_without_a_concept_is_its_own_concept()
    {
        Assert.Equal("x", PlanAlignment.Concept("x", new Dictionary<string, string>()));
        Assert.Equal("x", PlanAlignment.Concept("x", new Dictionary<string, string> { ["x"] = "" }));
        Assert.Equal("c", PlanAlignment.Concept("x", new Dictionary<string, string> { ["x"] = "c" }));
        Assert.Null(PlanAlignment.Concept(null, new Dictionary<string, string>()));
    }
}
