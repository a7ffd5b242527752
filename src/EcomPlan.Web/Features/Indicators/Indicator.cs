using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>An indicator of the catalogue (chỉ số): what a target measures, and how it is computed and rolled up.</summary>
public sealed class Indicator
{
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public required string Definition { get; set; }
    public required string Unit { get; set; }
    /// <summary>
    /// "higher" or "lower": which way is better; "two_sided" for a measure that should stay inside a band (a target on it
    /// may be a two-sided range: outside on either side is a miss).
    /// </summary>
    public required string Direction { get; set; }
    /// <summary>"year" or "half_year".</summary>
    public required string PeriodType { get; set; }
    /// <summary>ratio, growth, amount, count or rank.</summary>
    public required string Kind { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public decimal? Factor { get; set; }
    /// <summary>sum, ratio_of_sums, population_weighted_mean, share_of_units_meeting, recompute_growth or none.</summary>
    public required string Rollup { get; set; }
    public string? RollupCondition { get; set; }
    /// <summary>Comma-separated codes of indicators of the same concept measured differently.</summary>
    public string? Related { get; set; }
    public string? Note { get; set; }
    /// <summary>
    /// What the indicator measures, whatever the base: indicators of one concept ("online_shoppers" over the whole
    /// population or over adults) are set side by side when plans are aligned, and flagged as not comparable.
    /// </summary>
    public required string Concept { get; set; }
    /// <summary><see cref="CatalogueOrigin"/>: shipped in indicators.yaml, created by the Ministry, or an accepted proposal.</summary>
    public string Origin { get; set; } = CatalogueOrigin.Catalogue;
    /// <summary>
    /// Comma-separated names of the Ministry-editable properties (NameVi, NameEn, Definition, Note, Concept) the
    /// Ministry changed: start-up keeps those instead of taking them from indicators.yaml.
    /// </summary>
    public string? MinistryEditedFields { get; set; }
    public bool LowerIsBetter => Direction == "lower";
}

/// <summary>Where a catalogue entry comes from. Only the seeder writes "catalogue"; nothing is ever deleted at start-up.</summary>
public static class CatalogueOrigin
{
    public const string Catalogue = "catalogue";
    public const string Ministry = "ministry";
    public const string Proposal = "proposal";
}

/// <summary>A data element (chỉ tiêu thống kê thành phần) indicators are computed from.</summary>
public sealed class DataElement
{
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public required string Unit { get; set; }
    public string Origin { get; set; } = CatalogueOrigin.Catalogue;
}

public enum ValueStatus { Draft, Submitted, Approved }

/// <summary>
/// A value of an indicator or data element for one administrative unit and period, from a named source. Every
/// version is kept: a change adds a row and the previous one stops being current.
/// </summary>
public sealed class DataValue
{
    public long Id { get; set; }
    /// <summary>Indicator or data element code.</summary>
    public required string Code { get; set; }
    /// <summary>"VN" for the country, a province code, or a commune code.</summary>
    public required string UnitCode { get; set; }
    /// <summary>"2025" or "2025-H1".</summary>
    public required string Period { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
    public required string Source { get; set; }
    public string? SourceUrl { get; set; }
    /// <summary>exact, approx, estimate, lower_bound (as published).</summary>
    public string? Qualifier { get; set; }
    public ValueStatus Status { get; set; }
    public int? EnteredBy { get; set; }
    public string? Note { get; set; }
    /// <summary>Why the reviewer returned the value to its reporter (the value is then a draft again, to correct and send).</summary>
    public string? ReturnReason { get; set; }
    public int? ReturnedBy { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public int Version { get; set; } = 1;
    public bool IsCurrent { get; set; } = true;
    /// <summary>Generated illustration ("Dữ liệu minh họa"), never mixed into real figures.</summary>
    public bool IsIllustrative { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasMaxLength(64);
        b.Property(i => i.NameVi).HasMaxLength(300);
        b.Property(i => i.NameEn).HasMaxLength(300);
        b.Property(i => i.Unit).HasMaxLength(32);
        b.Property(i => i.Direction).HasMaxLength(8);
        b.Property(i => i.PeriodType).HasMaxLength(16);
        b.Property(i => i.Kind).HasMaxLength(16);
        b.Property(i => i.Numerator).HasMaxLength(64);
        b.Property(i => i.Denominator).HasMaxLength(64);
        b.Property(i => i.Rollup).HasMaxLength(32);
        b.Property(i => i.RollupCondition).HasMaxLength(200);
        b.Property(i => i.Related).HasMaxLength(300);
        b.Property(i => i.Concept).HasMaxLength(64);
        // Rows that existed before the column are the shipped ones.
        b.Property(i => i.Origin).HasMaxLength(16).HasDefaultValue(CatalogueOrigin.Catalogue);
        b.Property(i => i.MinistryEditedFields).HasMaxLength(200);
        b.Ignore(i => i.LowerIsBetter);
    }
}

internal sealed class DataElementConfiguration : IEntityTypeConfiguration<DataElement>
{
    public void Configure(EntityTypeBuilder<DataElement> b)
    {
        b.HasKey(e => e.Code);
        b.Property(e => e.Code).HasMaxLength(64);
        b.Property(e => e.NameVi).HasMaxLength(300);
        b.Property(e => e.NameEn).HasMaxLength(300);
        b.Property(e => e.Unit).HasMaxLength(32);
        b.Property(e => e.Origin).HasMaxLength(16).HasDefaultValue(CatalogueOrigin.Catalogue);
    }
}

internal sealed class DataValueConfiguration : IEntityTypeConfiguration<DataValue>
{
    public void Configure(EntityTypeBuilder<DataValue> b)
    {
        b.Property(v => v.Code).HasMaxLength(64);
        b.Property(v => v.UnitCode).HasMaxLength(8);
        b.Property(v => v.Period).HasMaxLength(8);
        b.Property(v => v.Source).HasMaxLength(300);
        b.Property(v => v.SourceUrl).HasMaxLength(500);
        b.Property(v => v.Qualifier).HasMaxLength(16);
        b.Property(v => v.ReturnReason).HasMaxLength(1000);
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        // One current value per indicator, unit and period (an illustration never stands in for a real value). The filter
        // is the bare column, which both SQLite and PostgreSQL read as "is current" and match against queries' own filter.
        b.HasIndex(v => new { v.Code, v.UnitCode, v.Period, v.IsIllustrative }).IsUnique().HasFilter("\"IsCurrent\"")
            .HasDatabaseName("IX_DataValues_OneCurrent");
        // Counts of approved values per indicator (the indicator list) read this index alone.
        b.HasIndex(v => new { v.Code, v.Status, v.IsIllustrative }).HasFilter("\"IsCurrent\"").HasDatabaseName("IX_DataValues_CurrentByStatus");
    }
}
