namespace EcomPlan.Web.Features.AdministrativeUnits;

/// <summary>One of the six socio-economic regions (vùng kinh tế - xã hội).</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
}

/// <summary>A provincial-level unit (tỉnh, thành phố trực thuộc trung ương) since 1 July 2025.</summary>
public sealed class Province
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string FullName { get; set; }
    public required string NameEn { get; set; }
    public required string RegionCode { get; set; }
    public long? Population { get; set; }
    public decimal? AreaKm2 { get; set; }
    public required string SearchText { get; set; }
}

/// <summary>A commune-level unit (xã, phường, đặc khu).</summary>
public sealed class Commune
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string FullName { get; set; }
    /// <summary>xa, phuong or dac_khu.</summary>
    public required string Type { get; set; }
    public required string ProvinceCode { get; set; }
    public required string SearchText { get; set; }
}
