using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

public sealed record SeriesPoint(int Year, decimal Value, string Source, string? Qualifier, bool IsIllustrative);

public sealed record TargetProgress(
    TargetDto Target, string? IndicatorName, string UnitCode, IReadOnlyList<SeriesPoint> Series, ProgressResult Progress, EvaluationResult? Evaluation);

public sealed record PlanProgress(string PlanId, string UnitCode, bool PeriodClosed, IReadOnlyList<TargetProgress> Targets, IReadOnlyDictionary<ProgressStatus, int> Counts);

/// <summary>Where every target of a plan stands, from the approved current values of its indicator in the plan's unit.</summary>
public static class ProgressQueries
{
    /// <summary>Every target's status on <paramref name="today"/>, by the requirement of the plan's version in force that day.</summary>
    public static async Task<PlanProgress?> ForPlanAsync(EcomPlanDbContext db, string planId, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var currentYear = today.Year;
        var plan = await db.Plans.AsNoTracking().Visible(scope).Where(p => p.Id == planId)
            .Select(p => new { p.ProvinceCode, p.PeriodStart, p.PeriodEnd }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var unit = plan.ProvinceCode ?? "VN";
        var targets = await PlanAuthoring.PlanVersions.TargetsInForceAsync(db, planId,
            await PlanQueries.TargetsAsync(db, planId, new PlanItemFilter(), scope, ct), today, ct);
        var codes = targets.Select(t => t.Indicator).OfType<string>().Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, i => new { i.NameVi, i.Direction }, ct);
        var values = await db.DataValues.AsNoTracking()
            .Where(v => codes.Contains(v.Code) && v.UnitCode == unit && v.IsCurrent && v.Status == ValueStatus.Approved && !v.IsIllustrative)
            .Select(v => new { v.Code, v.Year, v.Period, v.Value, v.Source, v.Qualifier, v.IsIllustrative })
            .ToListAsync(ct);
        var closed = plan.PeriodEnd < currentYear;
        var targetIds = targets.Select(t => t.Id).ToList();
        var assessments = (await db.QualitativeAssessments.AsNoTracking().Where(a => targetIds.Contains(a.TargetId)).ToListAsync(ct))
            .GroupBy(a => a.TargetId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Id).Last());

        var rows = targets.Select(t =>
        {
            // Yearly values only for now; half-year values feed reports, not the yearly trend.
            var series = values.Where(v => v.Code == t.Indicator && v.Period.Length == 4).OrderBy(v => v.Year)
                .Select(v => new SeriesPoint(v.Year, v.Value, v.Source, v.Qualifier, v.IsIllustrative)).ToList();
            var lowerIsBetter = t.Indicator is { } code && indicators.TryGetValue(code, out var i) && i.Direction == "lower";
            var input = new ProgressInput(t.Kind, lowerIsBetter, t.Value, t.Min, t.Max, t.Exclusive, t.DeadlineYear,
                t.Baseline is { Value: { } bv } b ? new Observation(b.Year, bv) : null,
                series.Select(s => new Observation(s.Year, s.Value)).ToList(), plan.PeriodStart, t.Tolerance, plan.PeriodEnd);
            var progress = ProgressMethod.Standing(input, closed);
            var evaluation = closed ? ProgressMethod.EvaluateEnd(input with { Series = input.Series.Where(o => o.Year <= plan.PeriodEnd).ToList() }) : null;
            // A qualitative target takes the latest status its owner set by hand, with the evidence.
            if (t.Kind == TargetKind.Qualitative && assessments.TryGetValue(t.Id, out var a))
            {
                progress = progress with { Status = a.Status, Explanation = $"Đánh giá ngày {VietnameseText.FormatDate(DateOnly.FromDateTime(a.AssessedAt.UtcDateTime))}: {a.Evidence}" };
                if (closed)
                {
                    // An ended plan's qualitative target is met or not: whatever else its owner said is not a verdict.
                    evaluation = new EvaluationResult(a.Status switch { ProgressStatus.Achieved => true, ProgressStatus.NotAchieved => false, _ => null }, null, progress.Explanation);
                    progress = progress with { Status = evaluation.Met switch { true => ProgressStatus.Achieved, false => ProgressStatus.NotAchieved, _ => ProgressStatus.InsufficientData } };
                }
            }
            return new TargetProgress(t, t.Indicator is { } c && indicators.TryGetValue(c, out var ind) ? ind.NameVi : null, unit, series, progress, evaluation);
        }).ToList();
        // The statuses a plan can have: progress while it runs, the verdict once it has ended.
        var counts = StatusesFor(closed).ToDictionary(s => s, s => rows.Count(r => r.Progress.Status == s));
        return new PlanProgress(planId, unit, closed, rows, counts);
    }

    public static IReadOnlyList<ProgressStatus> StatusesFor(bool periodClosed) => periodClosed
        ? [ProgressStatus.Achieved, ProgressStatus.NotAchieved, ProgressStatus.InsufficientData]
        : [ProgressStatus.Achieved, ProgressStatus.OnTrack, ProgressStatus.NeedsAcceleration, ProgressStatus.LimitedProgress, ProgressStatus.Deteriorating, ProgressStatus.InsufficientData];

    public static string StatusName(ProgressStatus s) => s switch
    {
        ProgressStatus.Achieved => "Đã đạt",
        ProgressStatus.OnTrack => "Đúng tiến độ",
        ProgressStatus.NeedsAcceleration => "Cần đẩy nhanh",
        ProgressStatus.LimitedProgress => "Tiến triển hạn chế",
        ProgressStatus.Deteriorating => "Đang xấu đi",
        ProgressStatus.NotAchieved => "Không đạt",
        _ => "Chưa đủ số liệu",
    };

    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plans/{id}/progress", async Task<Results<Ok<PlanProgress>, ProblemHttpResult>> (
                string id, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await ForPlanAsync(db, id, await user.ScopeAsync(ct), DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct) is { } progress
                    ? TypedResults.Ok(progress) : Problems.PlanNotFound(id))
            .WithTags("Tiến độ (progress)").AllowAnonymous()
            .WithName("GetPlanProgress")
            .WithSummary("Tình trạng từng chỉ tiêu: giá trị mới nhất, khoảng cách, tỷ số tiến độ, dự báo; đánh giá cuối kỳ cho kế hoạch đã kết thúc");
        return app;
    }
}
