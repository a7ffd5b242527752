namespace EcomPlan.Web.Features.Plans;

public enum PlanLevel { National, Provincial }

public enum PlanStatus { Draft, Approved }

/// <summary>A five-year e-commerce development plan (Kế hoạch), national or provincial.</summary>
public sealed class Plan
{
    /// <summary>Stable slug from the data file, e.g. "dong-thap-2026-2030".</summary>
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
    /// <summary>File name of the transcribed document in SeedData/documents.</summary>
    public required string SourceDocument { get; set; }
    /// <summary>The national plan a provincial plan is derived from (for alignment).</summary>
    public string? NationalPlanId { get; set; }
    public string? Note { get; set; }

    public List<PlanStatement> Statements { get; set; } = [];
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public List<TaskGroup> TaskGroups { get; set; } = [];
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
