using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// Everything a plan says, independent of storage: what a version freezes, what an import brings, what the diff
/// compares. Agencies are named (resolved within the plan's province when written). Ids are those of the stored
/// rows when the content was read from the database, so two versions of one plan match item by item.
/// </summary>
public sealed record PlanContent(
    PlanHeader Header,
    IReadOnlyList<StatementContent> Viewpoints,
    IReadOnlyList<StatementContent> Objectives,
    IReadOnlyList<TargetGroupContent> TargetGroups,
    IReadOnlyList<TaskGroupContent> TaskGroups)
{
    public IEnumerable<TargetContent> Targets => TargetGroups.SelectMany(g => g.Targets);
    public IEnumerable<TaskContent> Tasks => TaskGroups.SelectMany(g => g.Tasks);

    /// <summary>Every agency named by a target or a task, once, in order of first mention.</summary>
    public IReadOnlyList<string> AgencyNames =>
        Targets.SelectMany(t => t.MonitoringAgencies).Concat(Tasks.SelectMany(t => t.Lead.Concat(t.Coordinating)))
            .Distinct(StringComparer.Ordinal).ToList();
}

public sealed record PlanHeader(
    string Title, PlanLevel Level, string? ProvinceCode, int PeriodStart, int PeriodEnd, string? DocumentNumber, DateOnly? DocumentDate,
    string IssuingBody, PlanSourceKind SourceKind, string? SourceNote, string? NationalPlanId, string? Note);

/// <summary>A viewpoint or general objective; Line 0 when typed in a form.</summary>
public sealed record StatementContent(string Text, int Line = 0);

public sealed record TargetGroupContent(string Code, string Title, IReadOnlyList<TargetContent> Targets);

/// <summary>A value the document states for a target (baseline or reported result).</summary>
public sealed record StatedValue(decimal? Value, int Year, int Line, string? Text = null);

/// <summary>Another place of the document stating the same target: agreeing or contradicting.</summary>
public sealed record ReferenceContent(bool IsConflict, string Source, int Line, string? Text, decimal? Value, decimal? Min, decimal? Max);

public sealed record TargetContent(
    string Key, string Text, string? Indicator, TargetKind Kind, decimal? Value, decimal? Min, decimal? Max, bool Exclusive,
    decimal? Tolerance, string? Unit, string? Of, int? DeadlineYear, IReadOnlyList<string> MonitoringAgencies,
    string Source = "", int Line = 0, StatedValue? Baseline = null, StatedValue? Result = null,
    IReadOnlyList<ReferenceContent>? References = null, int? Id = null);

public sealed record TaskGroupContent(string Code, string Title, IReadOnlyList<TaskContent> Tasks, string? Source = null);

public sealed record TaskContent(
    string? Number, string Text, IReadOnlyList<string> Lead, IReadOnlyList<string> Coordinating, int? StartYear, int? EndYear,
    string? Timeframe, string Source = "", int Line = 0, int? Id = null);
