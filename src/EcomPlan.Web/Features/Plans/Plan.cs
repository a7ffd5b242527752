namespace EcomPlan.Web.Features.Plans;

public enum PlanLevel { National, Provincial }

/// <summary>Draft (dự thảo, editable) or issued (đã ban hành: frozen as a version, changed only by an amendment).</summary>
public enum PlanStatus { Draft, Approved }

/// <summary>Where a plan's content comes from.</summary>
public enum PlanSourceKind
{
    /// <summary>The official document (văn bản gốc).</summary>
    Original,
    /// <summary>A press summary, a draft…: shown as "nguồn tạm, chưa phải văn bản gốc" wherever the plan is shown.</summary>
    Provisional,
    /// <summary>Typed in the form, no document behind it.</summary>
    FormOnly,
}

/// <summary>A five-year e-commerce development plan (Kế hoạch), national or provincial.</summary>
public sealed class Plan : Infrastructure.IRevised
{
    /// <summary>Stable slug, e.g. "dong-thap-2026-2030", also the URL.</summary>
    public required string Id { get; set; }
    public required string Title { get; set; }
    public PlanLevel Level { get; set; }
    public string? ProvinceCode { get; set; }
    public int PeriodStart { get; set; }
    public int PeriodEnd { get; set; }
    public string? DocumentNumber { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public required string IssuingBody { get; set; }
    public PlanStatus Status { get; set; }
    public bool IsPublic { get; set; }
    public PlanSourceKind SourceKind { get; set; }
    /// <summary>What the provisional source is ("Báo Hà Nội Mới, 05/06/2025"), when it is not the original.</summary>
    public string? SourceNote { get; set; }
    /// <summary>File name of the transcribed document in SeedData/documents (shipped plans); null for plans made on the platform.</summary>
    public string? SourceDocument { get; set; }
    /// <summary>The national plan a provincial plan is derived from (for alignment).</summary>
    public string? NationalPlanId { get; set; }
    public string? Note { get; set; }
    /// <summary>Incremented on every save of the plan's own fields or statements: a stale form gets 409.</summary>
    public int Revision { get; set; }
    /// <summary>The amendment being drafted, when the issued plan is open for changes.</summary>
    public int? OpenAmendmentId { get; set; }

    public List<PlanStatement> Statements { get; set; } = [];
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public List<TaskGroup> TaskGroups { get; set; } = [];

    /// <summary>Its content may change: a draft, or an issued plan with an amendment open.</summary>
    public bool IsEditable => Status == PlanStatus.Draft || OpenAmendmentId is not null;
}

public enum StatementKind { Viewpoint, GeneralObjective }

/// <summary>A viewpoint (Quan điểm) or general objective (Mục tiêu tổng quát) of a plan.</summary>
public sealed class PlanStatement
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public StatementKind Kind { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    public int Line { get; set; }
}
