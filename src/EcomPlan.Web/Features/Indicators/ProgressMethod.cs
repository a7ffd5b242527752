using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>Where a target stands (tình trạng thực hiện chỉ tiêu).</summary>
/// <remarks>NotAchieved is only the verdict of an ended period; it comes last so that stored values keep their meaning.</remarks>
public enum ProgressStatus { Achieved, OnTrack, NeedsAcceleration, LimitedProgress, Deteriorating, InsufficientData, NotAchieved }

public sealed record Observation(int Year, decimal Value);

/// <summary>A target's requirement and the values observed for its indicator in its unit.</summary>
public sealed record ProgressInput(
    TargetKind Kind, bool LowerIsBetter, decimal? Value, decimal? Min, decimal? Max, bool Exclusive, int? DeadlineYear,
    Observation? Baseline, IReadOnlyList<Observation> Series, int? PeriodStart = null, decimal? Tolerance = null, int? PeriodEnd = null);

public sealed record ProgressResult(
    ProgressStatus Status, Observation? Base, Observation? Latest, decimal? Gap, double? ObservedGrowth, double? RequiredGrowth,
    double? Ratio, decimal? Projection, string Explanation);

/// <summary>End-of-period verdict: met or not, and the value that decided it.</summary>
public sealed record EvaluationResult(bool? Met, Observation? Deciding, string Explanation);

/// <summary>
/// The progress method of Open SDG / Statistics Canada, extended to every kind of target in the plans.
/// observed growth = (latest ÷ base)^(1 ÷ years elapsed) − 1; required growth = (target ÷ base)^(1 ÷ years to
/// deadline) − 1; ratio = observed ÷ required (both carry the direction, so lower-is-better works unchanged);
/// ratio ≥ 0.95 on track, 0.60–0.95 needs acceleration, 0–0.60 limited progress, below 0 deteriorating;
/// reaching the target is achieved. Documented in docs/progress-method.md. Pure: no database, no clock.
/// </summary>
public static class ProgressMethod
{
    public const double OnTrack = 0.95;
    public const double Acceleration = 0.60;

    public static ProgressStatus Classify(double ratio) => ratio switch
    {
        >= OnTrack => ProgressStatus.OnTrack,
        >= Acceleration => ProgressStatus.NeedsAcceleration,
        >= 0 => ProgressStatus.LimitedProgress,
        _ => ProgressStatus.Deteriorating,
    };

    /// <summary>"khoảng 30%" without a stated tolerance: a tenth of the value either side (27–33%).</summary>
    public const decimal DefaultToleranceShare = 0.10m;

    /// <summary>The tolerance of an approximate target: the stated one, else a tenth of the value.</summary>
    public static decimal? ToleranceOf(decimal? value, decimal? tolerance) => tolerance ?? (value is { } v ? Math.Abs(v) * DefaultToleranceShare : null);

    /// <summary>Whether <paramref name="actual"/> satisfies the requirement (a growth target: one year's growth).</summary>
    public static bool IsMet(TargetKind kind, bool lowerIsBetter, decimal? value, decimal? min, decimal? max, bool exclusive, decimal actual, decimal? tolerance = null)
    {
        switch (kind)
        {
            case TargetKind.Range:
                return actual >= min && actual <= max;
            // A band is one-sided: beyond the aim is achieved too. The indicator's direction says which side.
            case TargetKind.Band when lowerIsBetter:
                return max is { } ceiling && (exclusive ? actual < ceiling : actual <= ceiling);
            case TargetKind.Band:
                return min is { } floor && (exclusive ? actual > floor : actual >= floor);
            case TargetKind.Approximate:
                return value is { } about && ToleranceOf(value, tolerance) is { } t && Math.Abs(actual - about) <= t;
            case TargetKind.Growth:
                return actual >= (min ?? value);
            case TargetKind.Qualitative:
                return false;
            default:
                if (value is not { } v) return false;
                var lower = lowerIsBetter || kind is TargetKind.Ceiling or TargetKind.Rank;
                return lower ? (exclusive ? actual < v : actual <= v) : (exclusive ? actual > v : actual >= v);
        }
    }

    /// <summary>
    /// The one status a target shows (tình trạng), which cannot contradict itself: for a plan whose period has ended,
    /// its verdict (met → achieved, not met → not achieved, undecided → insufficient data); otherwise its progress.
    /// Values after the period never count, and values before it are only a starting point, never the latest.
    /// </summary>
    public static ProgressResult Standing(ProgressInput input, bool periodClosed)
    {
        var end = input.PeriodEnd ?? int.MaxValue;
        var start = input.PeriodStart ?? int.MinValue;
        var kept = input.Series.Where(o => o.Year <= end).OrderBy(o => o.Year).ToList();
        if (periodClosed)
        {
            var verdict = EvaluateEnd(input with { Series = kept });
            var status = verdict.Met switch { true => ProgressStatus.Achieved, false => ProgressStatus.NotAchieved, _ => ProgressStatus.InsufficientData };
            var lower = input.LowerIsBetter || input.Kind is TargetKind.Ceiling or TargetKind.Rank;
            var gap = verdict.Deciding is { } d && verdict.Met == false && TargetFor(input, d.Value, lower).Target is { } t ? t - d.Value : (decimal?)null;
            // Without a verdict the latest value is still shown, labelled by its year, so the reader sees why.
            return new(status, input.Baseline, verdict.Deciding ?? kept.LastOrDefault(), gap, null, null, null, null,
                $"Kỳ kế hoạch đã kết thúc. {verdict.Explanation}");
        }
        var inPeriod = kept.Where(o => o.Year >= start).ToList();
        if (inPeriod.Count == 0 && kept.Count > 0 && input.Kind != TargetKind.Qualitative)
        {
            var before = kept[^1];
            return new(ProgressStatus.InsufficientData, input.Baseline ?? before, null, null, null, null, null, null,
                $"Chưa có số liệu trong kỳ {start}–{end}: số liệu mới nhất là năm {before.Year} ({before.Value:0.##}), trước kỳ, chỉ dùng làm mốc.");
        }
        // The starting point: the stated baseline, else the last value before the period (not for yearly growth,
        // where each year stands alone), else the period's first value.
        var prior = input.Baseline is null && input.Kind != TargetKind.Growth && inPeriod.Count > 0 ? kept.LastOrDefault(o => o.Year < start) : null;
        var result = Evaluate(input with { Series = prior is null ? inPeriod : [prior, .. inPeriod] });
        return result.Latest is { } l && input.Kind != TargetKind.Qualitative
            ? result with { Explanation = $"Theo giá trị năm {l.Year} ({l.Value:0.##}). {result.Explanation}" }
            : result;
    }

    public static ProgressResult Evaluate(ProgressInput input)
    {
        var series = input.Series.OrderBy(o => o.Year).ToList();
        var latest = series.LastOrDefault();
        if (input.Kind == TargetKind.Qualitative)
            return new(ProgressStatus.InsufficientData, null, latest, null, null, null, null, null, "Chỉ tiêu định tính: tình trạng do cán bộ đánh giá kèm minh chứng.");
        if (latest is null)
            return new(ProgressStatus.InsufficientData, null, null, null, null, null, null, null, "Chưa có số liệu.");
        if (input.Kind == TargetKind.Growth) return EvaluateGrowth(input, series, latest);

        var lowerIsBetter = input.LowerIsBetter || input.Kind is TargetKind.Ceiling or TargetKind.Rank;
        var met = IsMet(input.Kind, lowerIsBetter, input.Value, input.Min, input.Max, input.Exclusive, latest.Value, input.Tolerance);
        var (target, towardsLower) = TargetFor(input, latest.Value, lowerIsBetter);
        var gap = target is { } t ? t - latest.Value : (decimal?)null;
        if (met) return new(ProgressStatus.Achieved, input.Baseline ?? series[0], latest, 0, null, null, null, latest.Value, "Đã đạt chỉ tiêu.");

        var @base = input.Baseline ?? series[0];
        if (target is null || input.DeadlineYear is not { } deadline)
            return new(ProgressStatus.InsufficientData, @base, latest, gap, null, null, null, null, "Chỉ tiêu không có giá trị hoặc thời hạn để so sánh.");
        if (latest.Year <= @base.Year)
            return new(ProgressStatus.InsufficientData, @base, latest, gap, null, null, null, null, "Cần ít nhất hai năm số liệu (năm gốc và một năm sau) để đánh giá xu hướng.");
        if (IsMet(input.Kind, lowerIsBetter, input.Value, input.Min, input.Max, input.Exclusive, @base.Value, input.Tolerance))
            return new(ProgressStatus.Deteriorating, @base, latest, gap, null, null, null, null, $"Đã đạt ở năm {@base.Year} nhưng không còn đạt ở năm {latest.Year}.");
        if (deadline <= @base.Year)
            return new(ProgressStatus.InsufficientData, @base, latest, gap, null, null, null, null, "Năm gốc không trước thời hạn của chỉ tiêu.");

        var elapsed = latest.Year - @base.Year;
        var toDeadline = deadline - @base.Year;
        // Cumulative counts and ranks follow a straight path to the deadline; shares and amounts a compound one.
        if (input.Kind is TargetKind.Count or TargetKind.Rank || @base.Value <= 0 || target <= 0)
        {
            var expected = @base.Value + (target.Value - @base.Value) * elapsed / toDeadline;
            var ratio = expected == @base.Value ? 0 : (double)((latest.Value - @base.Value) / (expected - @base.Value));
            var slope = (latest.Value - @base.Value) / elapsed;
            return new(Classify(ratio), @base, latest, gap, null, null, ratio, latest.Value + slope * (deadline - latest.Year),
                $"Tiến độ so với đường thẳng tới năm {deadline}: đạt {ratio:P0} mức cần có ở năm {latest.Year}.");
        }
        var observed = Math.Pow((double)(latest.Value / @base.Value), 1.0 / elapsed) - 1;
        var required = Math.Pow((double)(target.Value / @base.Value), 1.0 / toDeadline) - 1;
        var r = required == 0 ? 0 : observed / required;
        var projection = latest.Value * (decimal)Math.Pow(1 + observed, deadline - latest.Year);
        return new(Classify(r), @base, latest, gap, observed, required, r, projection,
            $"Tăng trưởng bình quân thực tế {observed:P1}/năm so với mức cần {required:P1}/năm (tỷ số {r:0.00}){(towardsLower ? ", giảm là tốt" : "")}.");
    }

    /// <summary>An annual-growth target: each year's growth against the band, not the compound formula.</summary>
    private static ProgressResult EvaluateGrowth(ProgressInput input, List<Observation> series, Observation latest)
    {
        var floor = input.Min ?? input.Value;
        if (floor is not { } f || f <= 0)
            return new(ProgressStatus.InsufficientData, null, latest, null, null, null, null, null, "Chỉ tiêu tăng trưởng không có mức tối thiểu.");
        var ratio = (double)(latest.Value / f);
        var status = latest.Value >= f ? ProgressStatus.OnTrack : Classify(ratio);
        var mean = series.Average(o => o.Value);
        return new(status, series[0], latest, f - latest.Value, null, null, ratio, null,
            $"Tăng trưởng năm {latest.Year}: {latest.Value:0.##}%, yêu cầu tối thiểu {f:0.##}%/năm (bình quân {series.Count} năm: {mean:0.##}%).");
    }

    /// <summary>The figure to reach: the value, or for a band the bound on the side the value lies.</summary>
    private static (decimal? Target, bool TowardsLower) TargetFor(ProgressInput input, decimal latest, bool lowerIsBetter) => input.Kind switch
    {
        TargetKind.Range when latest > input.Max => (input.Max, true),
        TargetKind.Range => (input.Min, false),
        TargetKind.Band when lowerIsBetter => (input.Max, true),
        TargetKind.Band => (input.Min, false),
        TargetKind.Approximate when ToleranceOf(input.Value, input.Tolerance) is { } t && latest > input.Value + t => (input.Value + t, true),
        TargetKind.Approximate when ToleranceOf(input.Value, input.Tolerance) is { } t => (input.Value - t, false),
        _ => (input.Value, lowerIsBetter),
    };

    /// <summary>
    /// Met or not at the end of the period, with the value that decided it: the value of the deadline year, else
    /// the latest before it; for annual growth, the mean of the period's yearly growth.
    /// </summary>
    public static EvaluationResult EvaluateEnd(ProgressInput input)
    {
        var deadline = input.DeadlineYear ?? int.MaxValue;
        var inPeriod = input.Series.Where(o => o.Year <= deadline && o.Year >= (input.PeriodStart ?? int.MinValue)).OrderBy(o => o.Year).ToList();
        if (input.Kind == TargetKind.Qualitative) return new(null, null, "Chỉ tiêu định tính: đánh giá theo minh chứng.");
        if (inPeriod.Count == 0) return new(null, null, "Không có số liệu trong kỳ để đánh giá.");
        if (input.Kind == TargetKind.Growth)
        {
            var mean = new Observation(inPeriod[^1].Year, Math.Round(inPeriod.Average(o => o.Value), 2));
            var growthMet = IsMet(input.Kind, false, input.Value, input.Min, input.Max, input.Exclusive, mean.Value);
            return new(growthMet, mean, inPeriod.Count == 1
                ? $"Tăng trưởng {mean.Value:0.##}% (năm {mean.Year}) so với yêu cầu {(input.Min ?? input.Value):0.##}%."
                : $"Tăng trưởng bình quân {inPeriod.Count} năm {mean.Value:0.##}% so với yêu cầu {(input.Min ?? input.Value):0.##}%.");
        }
        var deciding = inPeriod[^1];
        if (input.DeadlineYear is { } d && deciding.Year < d)
            return new(null, deciding, $"Chưa đủ số liệu: số liệu mới nhất là năm {deciding.Year}, chưa có năm {d}.");
        var lowerIsBetter = input.LowerIsBetter || input.Kind is TargetKind.Ceiling or TargetKind.Rank;
        var met = IsMet(input.Kind, lowerIsBetter, input.Value, input.Min, input.Max, input.Exclusive, deciding.Value, input.Tolerance);
        return new(met, deciding, $"{(met ? "Đạt" : "Không đạt")}: {deciding.Value:0.##} năm {deciding.Year}.");
    }
}
