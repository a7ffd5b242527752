using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Web.Features.Alignment;

/// <summary>How ambitious a provincial target is next to the national one for the same indicator.</summary>
public enum Ambition { Higher, Equal, Lower, NotComparable }

/// <summary>A provincial target beside the national target for the same indicator (or a sibling with another denominator).</summary>
public sealed record AlignedPair(TargetDto Provincial, TargetDto National, bool SameIndicator, Ambition Ambition);

public sealed record AlignmentResult(
    string PlanId, string NationalPlanId, IReadOnlyList<AlignedPair> Pairs, IReadOnlyList<TargetDto> NotAdopted, IReadOnlyList<TargetDto> ProvinceOnly);

/// <summary>Pure alignment of a provincial plan's targets with its national plan's.</summary>
public static class PlanAlignment
{
    /// <summary>
    /// The concept of an indicator (<c>Indicator.Concept</c>, from the catalogue): indicators that measure the same thing
    /// against a different base share one. An indicator the map does not know is a concept of its own.
    /// </summary>
    public static string? Concept(string? indicator, IReadOnlyDictionary<string, string> concepts) =>
        indicator is null ? null : concepts.TryGetValue(indicator, out var c) && c.Length > 0 ? c : indicator;

    /// <summary>
    /// Pairs each provincial target with the national targets of the same concept. Siblings (same concept, other
    /// indicator) are paired so a reader sees them side by side, but flagged, because 70% of adults is not 70% of
    /// the population. <paramref name="concepts"/> maps indicator codes to their concept.
    /// </summary>
    public static AlignmentResult Align(string planId, string nationalPlanId, IReadOnlyList<TargetDto> provincial, IReadOnlyList<TargetDto> national,
        IReadOnlyDictionary<string, string> concepts)
    {
        var pairs = new List<AlignedPair>();
        var provinceOnly = new List<TargetDto>();
        var matchedNational = new HashSet<int>();
        foreach (var p in provincial)
        {
            var concept = Concept(p.Indicator, concepts);
            var matches = concept is null ? [] : national.Where(n => Concept(n.Indicator, concepts) == concept).ToList();
            if (matches.Count == 0) { provinceOnly.Add(p); continue; }
            foreach (var n in matches)
            {
                matchedNational.Add(n.Id);
                var same = n.Indicator == p.Indicator;
                pairs.Add(new AlignedPair(p, n, same, same ? Compare(p, n) : Ambition.NotComparable));
            }
        }
        var notAdopted = national.Where(n => !matchedNational.Contains(n.Id)).ToList();
        return new AlignmentResult(planId, nationalPlanId, pairs, notAdopted, provinceOnly);
    }

    /// <summary>
    /// Compares required values of targets of one indicator, bounds of a band included ("20–30%/năm" is more
    /// ambitious than "20–25%/năm"); lower is more ambitious for ceilings and ranks.
    /// </summary>
    public static Ambition Compare(TargetDto provincial, TargetDto national)
    {
        if (provincial.Unit != national.Unit) return Ambition.NotComparable;
        if (provincial.Kind != national.Kind && !(IsFloorLike(provincial.Kind) && IsFloorLike(national.Kind))) return Ambition.NotComparable;
        if (Band(provincial) is not var (pLow, pHigh) || Band(national) is not var (nLow, nHigh)) return Ambition.NotComparable;
        var lowerIsBetter = provincial.Kind is TargetKind.Ceiling or TargetKind.Rank;
        if (pLow == nLow && pHigh == nHigh)
        {
            // Same figure: a strict bound ("trên 70%", "dưới 10%") asks more than an inclusive one.
            if (provincial.Exclusive == national.Exclusive) return Ambition.Equal;
            return provincial.Exclusive ? Ambition.Higher : Ambition.Lower;
        }
        var higher = pLow >= nLow && pHigh >= nHigh;
        var lower = pLow <= nLow && pHigh <= nHigh;
        if (higher == lower) return Ambition.NotComparable;
        return higher ^ lowerIsBetter ? Ambition.Higher : Ambition.Lower;
    }

    private static bool IsFloorLike(TargetKind kind) => kind is TargetKind.Floor or TargetKind.Count or TargetKind.Growth or TargetKind.Band or TargetKind.Approximate;

    /// <summary>The figures a reader compares: a single value, or both ends of a band.</summary>
    private static (decimal Low, decimal High)? Band(TargetDto t) => t.Kind switch
    {
        TargetKind.Qualitative => null,
        _ when t.Value is { } v => (v, v),
        _ when t.Min is { } min && t.Max is { } max => (min, max),
        _ => null,
    };
}
