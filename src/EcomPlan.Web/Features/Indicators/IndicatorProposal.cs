using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.Indicators;

public enum ProposalStatus { Proposed, Accepted, Refused }

/// <summary>
/// An indicator a province's Department asks the Ministry to add. Kept apart from the catalogue until accepted, so a
/// target or a value can never use it; the decision (and who took it) stays on the proposal for the province to read.
/// </summary>
public sealed class IndicatorProposal
{
    public int Id { get; set; }
    /// <summary>The proposing province: scopes who sees the proposal and its audit entries.</summary>
    public required string ProvinceCode { get; set; }
    public int? ProposedBy { get; set; }
    public required string ProposedByName { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    /// <summary>Why the province needs it (which target of its plan, which source of data).</summary>
    public required string Reason { get; set; }

    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public required string Definition { get; set; }
    public required string Unit { get; set; }
    public required string Direction { get; set; }
    public required string PeriodType { get; set; }
    public required string Kind { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public decimal? Factor { get; set; }
    public required string Rollup { get; set; }
    public string? RollupCondition { get; set; }
    public required string Concept { get; set; }
    public string? Note { get; set; }

    public ProposalStatus Status { get; set; }
    public int? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>Required when refused; an optional remark when accepted.</summary>
    public string? DecisionReason { get; set; }
    /// <summary>The catalogue code it became (the Ministry may correct the proposed one).</summary>
    public string? IndicatorCode { get; set; }

    public IndicatorDraft ToDraft() => new(Code, NameVi, NameEn, Definition, Unit, Direction, PeriodType, Kind, Numerator, Denominator, Factor,
        Rollup, RollupCondition, Concept, Note);
}

internal sealed class IndicatorProposalConfiguration : IEntityTypeConfiguration<IndicatorProposal>
{
    public void Configure(EntityTypeBuilder<IndicatorProposal> b)
    {
        b.Property(p => p.ProvinceCode).HasMaxLength(8);
        b.Property(p => p.ProposedByName).HasMaxLength(256);
        b.Property(p => p.Reason).HasMaxLength(2000);
        b.Property(p => p.Code).HasMaxLength(64);
        b.Property(p => p.NameVi).HasMaxLength(300);
        b.Property(p => p.NameEn).HasMaxLength(300);
        b.Property(p => p.Definition).HasMaxLength(2000);
        b.Property(p => p.Unit).HasMaxLength(32);
        b.Property(p => p.Direction).HasMaxLength(8);
        b.Property(p => p.PeriodType).HasMaxLength(16);
        b.Property(p => p.Kind).HasMaxLength(16);
        b.Property(p => p.Numerator).HasMaxLength(64);
        b.Property(p => p.Denominator).HasMaxLength(64);
        b.Property(p => p.Rollup).HasMaxLength(32);
        b.Property(p => p.RollupCondition).HasMaxLength(200);
        b.Property(p => p.Concept).HasMaxLength(64);
        b.Property(p => p.Note).HasMaxLength(4000);
        // Decided once: two decisions at the same moment must not both pass.
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(p => p.DecidedByName).HasMaxLength(256);
        b.Property(p => p.DecisionReason).HasMaxLength(2000);
        b.Property(p => p.IndicatorCode).HasMaxLength(64);
        b.HasIndex(p => new { p.ProvinceCode, p.Status });
    }
}
