namespace EcomPlan.Web.Features.Agencies;

/// <summary>
/// A body named by plans (Bộ, Sở, UBND, Thuế…). One record per name and province, shared by every plan
/// that names it, so "Sở Công Thương" of Khánh Hòa is one agency.
/// </summary>
public sealed class Agency : Infrastructure.IRevised
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>ministry, department, people_committee, tax, customs… (see docs/plan-data-format.md).</summary>
    public required string Kind { get; set; }
    /// <summary>Null for a central (national) body.</summary>
    public string? ProvinceCode { get; set; }
    public required string SearchText { get; set; }
    /// <summary>Incremented on every save: a form posted from an older copy is refused (no lost update).</summary>
    public int Revision { get; set; }
}
