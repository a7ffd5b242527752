using EcomPlan.Web.Features.Agencies;

namespace EcomPlan.Web.Features.Plans;

/// <summary>How a target's required value is read.</summary>
public enum TargetKind
{
    /// <summary>At least (≥ 70%, "trên 95%" when exclusive).</summary>
    Floor,
    /// <summary>At most (&lt; 10%, "tối đa 45%").</summary>
    Ceiling,
    /// <summary>Inside a band (8–15% of revenue).</summary>
    Range,
    /// <summary>Annual growth (20–25%/year).</summary>
    Growth,
    /// <summary>An absolute number (1,000,000 people trained).</summary>
    Count,
    /// <summary>A rank (top 10 of the national index).</summary>
    Rank,
    /// <summary>A share of a share (80% of cashless payments go through intermediaries).</summary>
    ShareOfShare,
    /// <summary>No number ("reduce plastic packaging").</summary>
    Qualitative,
    /// <summary>
    /// A band where higher is better ("65–70% doanh nghiệp…"): at least <see cref="Target.Min"/>, aiming at
    /// <see cref="Target.Max"/>; above the aim is achieved too, never a miss.
    /// </summary>
    Band,
    /// <summary>About a value ("khoảng 30%"): <see cref="Target.Value"/> within ± <see cref="Target.Tolerance"/>.</summary>
    Approximate,
}

/// <summary>Group of specific targets as the document groups them (nhóm chỉ tiêu).</summary>
public sealed class TargetGroup : IPlanGroup
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
    public List<Target> Targets { get; set; } = [];
    /// <summary>Incremented on every save: a form posted from an older copy is refused (no lost update).</summary>
    public int Revision { get; set; }
}

/// <summary>A specific target (chỉ tiêu) of a plan, traceable to its line in the source document.</summary>
public sealed class Target : Infrastructure.IRevised
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public int GroupId { get; set; }
    public TargetGroup? Group { get; set; }
    /// <summary>Key unique in the plan, the document's numbering where it has one.</summary>
    public required string Key { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    /// <summary>Indicator key shared by targets that mean the same thing across plans.</summary>
    public string? Indicator { get; set; }
    public TargetKind Kind { get; set; }
    public decimal? Value { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    /// <summary>Strict bound: "trên 95%" is &gt; 95, "dưới 10%" is &lt; 10.</summary>
    public bool Exclusive { get; set; }
    /// <summary>For <see cref="TargetKind.Approximate"/>: how far from the value still counts as met (in the target's unit).</summary>
    public decimal? Tolerance { get; set; }
    public string? Unit { get; set; }
    /// <summary>For a share of a share: what the share is taken of.</summary>
    public string? Of { get; set; }
    public int? DeadlineYear { get; set; }
    public decimal? BaselineValue { get; set; }
    public int? BaselineYear { get; set; }
    public int? BaselineLine { get; set; }
    /// <summary>Achieved value the document itself reports (evaluated plans).</summary>
    public decimal? ResultValue { get; set; }
    public int? ResultYear { get; set; }
    public int? ResultLine { get; set; }
    public string? ResultText { get; set; }
    public required string Source { get; set; }
    public int Line { get; set; }
    /// <summary>Text folded for diacritic- and case-insensitive search.</summary>
    public required string SearchText { get; set; }
    /// <summary>Incremented on every save: a form posted from an older copy is refused (no lost update).</summary>
    public int Revision { get; set; }

    public List<TargetReference> References { get; set; } = [];
    public List<TargetMonitor> Monitors { get; set; } = [];
}

/// <summary>Another place of the document stating the same target: agreeing (alsoIn) or contradicting (conflict).</summary>
public sealed class TargetReference
{
    public int Id { get; set; }
    public int TargetId { get; set; }
    public bool IsConflict { get; set; }
    public required string Source { get; set; }
    public int Line { get; set; }
    public string? Text { get; set; }
    public decimal? Value { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
}

/// <summary>The agency that monitors a target (đơn vị phụ trách theo dõi).</summary>
public sealed class TargetMonitor
{
    public int TargetId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int Order { get; set; }
}
