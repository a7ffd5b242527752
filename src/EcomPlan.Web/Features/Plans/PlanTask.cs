using EcomPlan.Web.Features.Agencies;

namespace EcomPlan.Web.Features.Plans;

/// <summary>Group of tasks as the annex groups them.</summary>
public sealed class TaskGroup : IPlanGroup
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Source { get; set; }
    public int Order { get; set; }
    public List<PlanTask> Tasks { get; set; } = [];
    /// <summary>Incremented on every save: a form posted from an older copy is refused (no lost update).</summary>
    public int Revision { get; set; }
}

/// <summary>A task (nhiệm vụ, giải pháp) of a plan with its lead and coordinating agencies.</summary>
public sealed class PlanTask : Infrastructure.IRevised
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public int GroupId { get; set; }
    public TaskGroup? Group { get; set; }
    public string? Number { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    /// <summary>The document's own words for the timeframe ("Hằng năm", "2026 - 2030").</summary>
    public string? Timeframe { get; set; }
    public required string Source { get; set; }
    public int Line { get; set; }
    public required string SearchText { get; set; }
    /// <summary>Incremented on every save: a form posted from an older copy is refused (no lost update).</summary>
    public int Revision { get; set; }
    public List<TaskAgency> Agencies { get; set; } = [];
}

public enum AgencyRole { Lead, Coordinating }

/// <summary>An agency's role on a task: lead (cơ quan chủ trì) or coordinating (phối hợp).</summary>
public sealed class TaskAgency
{
    public int TaskId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public AgencyRole Role { get; set; }
    public int Order { get; set; }
}
