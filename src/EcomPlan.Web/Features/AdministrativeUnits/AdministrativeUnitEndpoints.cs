using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.AdministrativeUnits;

public sealed record RegionDto(string Code, int Number, string Name, string NameEn, int ProvinceCount);
public sealed record ProvinceDto(string Code, string Name, string FullName, string NameEn, string RegionCode, long? Population, decimal? AreaKm2, int CommuneCount);
public sealed record CommuneDto(string Code, string Name, string FullName, string Type, string ProvinceCode);

public static class AdministrativeUnitQueries
{
    public static async Task<List<RegionDto>> RegionsAsync(EcomPlanDbContext db, CancellationToken ct) =>
        await db.Regions.AsNoTracking().OrderBy(r => r.Number)
            .Select(r => new RegionDto(r.Code, r.Number, r.Name, r.NameEn, db.Provinces.Count(p => p.RegionCode == r.Code)))
            .ToListAsync(ct);

    public static async Task<List<ProvinceDto>> ProvincesAsync(EcomPlanDbContext db, string? code, CancellationToken ct)
    {
        var query = db.Provinces.AsNoTracking();
        if (code is not null) query = query.Where(p => p.Code == code);
        var rows = await query
            .Select(p => new ProvinceDto(p.Code, p.Name, p.FullName, p.NameEn, p.RegionCode, p.Population, p.AreaKm2, db.Communes.Count(c => c.ProvinceCode == p.Code)))
            .ToListAsync(ct);
        return rows.OrderBy(p => p.Name, VietnameseText.Comparer).ToList();
    }

    public static async Task<List<CommuneDto>> CommunesAsync(EcomPlanDbContext db, string provinceCode, string? q, CancellationToken ct)
    {
        var query = db.Communes.AsNoTracking().Where(c => c.ProvinceCode == provinceCode);
        foreach (var word in PlanQueries.SearchWords(q)) query = query.Where(c => c.SearchText.Contains(word));
        var rows = await query.Select(c => new CommuneDto(c.Code, c.Name, c.FullName, c.Type, c.ProvinceCode)).ToListAsync(ct);
        return rows.OrderBy(c => c.Name, VietnameseText.Comparer).ToList();
    }
}

public static class AdministrativeUnitEndpoints
{
    public static RouteGroupBuilder MapAdministrativeUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Đơn vị hành chính (administrative units)").AllowAnonymous();

        group.MapGet("/regions", async (EcomPlanDbContext db, CancellationToken ct) => TypedResults.Ok(await AdministrativeUnitQueries.RegionsAsync(db, ct)))
            .WithName("ListRegions").WithSummary("Sáu vùng kinh tế - xã hội");

        group.MapGet("/provinces", async (EcomPlanDbContext db, CancellationToken ct) => TypedResults.Ok(await AdministrativeUnitQueries.ProvincesAsync(db, null, ct)))
            .WithName("ListProvinces").WithSummary("34 tỉnh, thành phố từ 01/07/2025");

        group.MapGet("/provinces/{code}", async Task<Results<Ok<ProvinceDto>, ProblemHttpResult>> (string code, EcomPlanDbContext db, CancellationToken ct) =>
                (await AdministrativeUnitQueries.ProvincesAsync(db, code, ct)).FirstOrDefault() is { } p
                    ? TypedResults.Ok(p) : Problems.NotFound($"Không có tỉnh, thành phố mã '{code}'."))
            .WithName("GetProvince");

        group.MapGet("/provinces/{code}/communes", async Task<Results<Ok<List<CommuneDto>>, ProblemHttpResult>> (string code, string? q, EcomPlanDbContext db, CancellationToken ct) =>
            {
                if (!await db.Provinces.AnyAsync(p => p.Code == code, ct)) return Problems.NotFound($"Không có tỉnh, thành phố mã '{code}'.");
                if (q is { Length: > 200 }) return Problems.BadRequest("Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).");
                return TypedResults.Ok(await AdministrativeUnitQueries.CommunesAsync(db, code, q, ct));
            })
            .WithName("ListCommunes").WithSummary("Xã, phường, đặc khu của một tỉnh; tìm không phân biệt dấu");

        return group;
    }
}
