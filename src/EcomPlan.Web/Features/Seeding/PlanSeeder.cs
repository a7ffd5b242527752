using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Seeding;

/// <summary>
/// Reads every plan file and adds the plans the database does not have yet, in one transaction.
/// Every file is read and checked on every start, so a malformed file stops the application.
/// </summary>
public static class PlanSeeder
{
    public static IReadOnlyList<PlanFile> ReadAll(SeedDataOptions options, IReadOnlySet<string> provinceCodes, IReadOnlySet<string>? indicatorCodes = null)
    {
        var lineCounts = new Dictionary<string, int?>();
        int? LineCount(string document) => lineCounts.TryGetValue(document, out var n) ? n : lineCounts[document] =
            File.Exists(Path.Combine(options.DocumentsFolder, document)) && !document.Contains('/') && !document.Contains('\\')
                ? File.ReadLines(Path.Combine(options.DocumentsFolder, document)).Count()
                : null;

        var files = Directory.GetFiles(options.PlansFolder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => PlanFileReader.Read(Path.GetFileName(path), File.ReadAllText(path), LineCount,
                indicatorCodes is null ? null : indicatorCodes.Contains))
            .ToList();

        var ids = new HashSet<string>();
        foreach (var file in files)
        {
            var plan = file.Plan;
            if (!ids.Add(plan.Id)) throw new PlanFileException(file.FileName, 1, $"mã kế hoạch '{plan.Id}' đã dùng ở một tệp khác");
            if (plan.ProvinceCode is { } code && !provinceCodes.Contains(code))
                throw new PlanFileException(file.FileName, 1, $"mã tỉnh '{code}' không có trong danh mục 34 tỉnh, thành phố");
        }
        foreach (var file in files)
        {
            if (file.Plan.NationalPlanId is { } national && files.All(f => f.Plan.Id != national || f.Plan.Level != PlanLevel.National))
                throw new PlanFileException(file.FileName, 1, $"kế hoạch quốc gia '{national}' không tồn tại");
        }
        return files;
    }

    /// <returns>The ids of the plans added.</returns>
    public static async Task<IReadOnlyList<string>> SeedAsync(EcomPlanDbContext db, SeedDataOptions options, CancellationToken ct)
    {
        var provinceCodes = (await db.Provinces.Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        // Indicators the shipped catalogue defines, and those the Ministry added at run time.
        var indicatorCodes = Indicators.IndicatorSeeder.ReadCatalogue(options).Indicators.Select(i => i.Code)
            .Concat(await db.Indicators.Select(i => i.Code).ToListAsync(ct)).ToHashSet();
        var files = ReadAll(options, provinceCodes, indicatorCodes);
        var existing = (await db.Plans.Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var toAdd = files.Where(f => !existing.Contains(f.Plan.Id)).ToList();
        if (toAdd.Count == 0) return [];

        // One agency per (province, folded name) across all plans, reusing those already stored.
        var agencies = (await db.Agencies.ToListAsync(ct)).ToDictionary(a => (a.ProvinceCode, a.SearchText));
        Agency Canonical(Agency a)
        {
            if (agencies.TryGetValue((a.ProvinceCode, a.SearchText), out var known)) return known;
            agencies[(a.ProvinceCode, a.SearchText)] = a;
            db.Agencies.Add(a);
            return a;
        }

        // The caller's transaction when there is one: start-up seeds everything or nothing.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // National plans first: provincial plans point to them.
        foreach (var file in toAdd.OrderBy(f => f.Plan.Level))
        {
            foreach (var target in file.Plan.TargetGroups.SelectMany(g => g.Targets))
                foreach (var m in target.Monitors) m.Agency = Canonical(m.Agency!);
            foreach (var task in file.Plan.TaskGroups.SelectMany(g => g.Tasks))
                foreach (var a in task.Agencies) a.Agency = Canonical(a.Agency!);
            db.Plans.Add(file.Plan);
            await db.SaveChangesAsync(ct);
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return toAdd.Select(f => f.Plan.Id).ToList();
    }
}
