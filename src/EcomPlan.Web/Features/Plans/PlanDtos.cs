namespace EcomPlan.Web.Features.Plans;

/// <summary>Where a statement comes from: the document (null for a plan made on the platform), its section and line (0: typed in a form).</summary>
public sealed record SourceRef(string? Document, string Section, int Line);

public sealed record PlanSummary(
    string Id, string Title, PlanLevel Level, string? ProvinceCode, string? ProvinceName, int PeriodStart, int PeriodEnd,
    string? DocumentNumber, DateOnly? DocumentDate, string IssuingBody, PlanStatus Status, int TargetCount, int TaskCount, bool IsPublic,
    PlanSourceKind SourceKind = PlanSourceKind.Original);

public sealed record StatementDto(string Text, int Line);

public sealed record GroupSummary(string Code, string Title, int Count, int UnassignedCount);

public sealed record PlanDetail(
    string Id, string Title, PlanLevel Level, string? ProvinceCode, string? ProvinceName, int PeriodStart, int PeriodEnd,
    string? DocumentNumber, DateOnly? DocumentDate, string IssuingBody, PlanStatus Status, string? SourceDocument,
    string? NationalPlanId, string? Note, IReadOnlyList<StatementDto> Viewpoints, IReadOnlyList<StatementDto> Objectives,
    IReadOnlyList<GroupSummary> TargetGroups, IReadOnlyList<GroupSummary> TaskGroups, int TargetCount, int TaskCount, int ConflictCount,
    bool IsPublic, PlanSourceKind SourceKind = PlanSourceKind.Original, string? SourceNote = null);

public sealed record AgencyName(int Id, string Name);

public sealed record ValueStatement(decimal? Value, int Year, SourceRef Source, string? Text);

public sealed record TargetReferenceDto(SourceRef Source, string? Text, decimal? Value, decimal? Min, decimal? Max);

public sealed record TargetDto(
    int Id, string PlanId, string Key, string Group, string GroupTitle, string Text, string? Indicator, TargetKind Kind,
    decimal? Value, decimal? Min, decimal? Max, bool Exclusive, string? Unit, string? Of, int? DeadlineYear,
    ValueStatement? Baseline, ValueStatement? Result, SourceRef Source, IReadOnlyList<string> MonitoringAgencies,
    IReadOnlyList<int> MonitoringAgencyIds, IReadOnlyList<TargetReferenceDto> Conflicts, IReadOnlyList<TargetReferenceDto> AlsoIn,
    decimal? Tolerance = null, bool LowerIsBetter = false, int Revision = 0)
{
    /// <summary>The required value in words, vi-VN formatted ("≥ 70%", "20–30%/năm", "&lt; 10%", "≥ 65%, phấn đấu 70%").</summary>
    public string Requirement => TargetText.Requirement(Kind, Value, Min, Max, Exclusive, Unit, Tolerance, LowerIsBetter);
}

public sealed record TaskDto(
    int Id, string PlanId, string Group, string GroupTitle, string? Number, string Text, IReadOnlyList<string> LeadAgencies,
    IReadOnlyList<string> CoordinatingAgencies, IReadOnlyList<AgencyName> Agencies, int? StartYear, int? EndYear,
    string? Timeframe, SourceRef Source)
{
    /// <summary>No lead agency named by the document.</summary>
    public bool Unassigned => LeadAgencies.Count == 0;
}

/// <summary>Filters shared by the API and the plan page.</summary>
public sealed record PlanItemFilter(string? Group = null, int? Agency = null, string? Q = null, string? Indicator = null);
