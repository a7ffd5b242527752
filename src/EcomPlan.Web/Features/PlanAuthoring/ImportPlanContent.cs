using System.Security.Cryptography;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// Writes a whole plan content read from a file (spreadsheet, decision text, plan file) into a new draft plan, or over
/// the content of a plan open for changes. Everything is checked first; any problem writes nothing and every problem
/// is returned with the item it concerns. The write is one transaction, audited as one import entry (who, file, hash,
/// counts) plus the rows it wrote.
/// </summary>
public static class ImportPlanContent
{
    /// <summary>The file the content came from, kept with the plan when it is a text the items point into.</summary>
    public sealed record SourceFile(string FileName, byte[] Content, bool KeepAsSourceText);

    public sealed record Result(EditOutcome Outcome, string? PlanId, IReadOnlyList<ContentProblem> Problems, string? Message = null)
    {
        public bool Ok => Outcome == EditOutcome.Done;
    }

    public static async Task<ContentContext> ContextAsync(EcomPlanDbContext db, PlanLevel level, string? provinceCode, bool createAgencies, CancellationToken ct) =>
        new(level, provinceCode,
            await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Direction, ct),
            (await PlanContentStore.AgenciesForAsync(db, provinceCode, ct)).Keys.ToHashSet(),
            createAgencies);

    /// <summary>
    /// Into <paramref name="planId"/> when given (a draft, or an issued plan with an amendment open), else into a new
    /// draft plan of the content's province (or the country). Agencies it creates get their kind from
    /// <paramref name="agencyKinds"/> (by folded name) when the file says it, else the kind their name suggests.
    /// </summary>
    public static async Task<Result> HandleAsync(EcomPlanDbContext db, AccessScope scope, PlanContent content, string? planId, bool createAgencies,
        SourceFile? source, string actor, TimeProvider clock, CancellationToken ct, IReadOnlyDictionary<string, string>? agencyKinds = null)
    {
        Plan? plan = null;
        if (planId is not null)
        {
            var (existing, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct);
            if (existing is null) return new Result(refusal!.Outcome, null, [], refusal.Message);
            plan = existing;
        }
        var level = plan?.Level ?? content.Header.Level;
        var province = plan?.ProvinceCode ?? content.Header.ProvinceCode;
        if (plan is null && !scope.CanEditPlan(level, province))
            return new Result(EditOutcome.Forbidden, null, [], level == PlanLevel.National
                ? "Chỉ Bộ Công Thương nhập kế hoạch quốc gia."
                : "Bạn chỉ nhập được kế hoạch của tỉnh mình quản lý.");
        if (province is not null && !await db.Provinces.AnyAsync(p => p.Code == province, ct))
            return new Result(EditOutcome.Invalid, null, [new ContentProblem(null, "provinceCode", $"Không có tỉnh, thành phố mã '{province}'.")]);

        var problems = PlanContentRules.Check(content, await ContextAsync(db, level, province, createAgencies, ct));
        // A reference to a plan that is not there, or not national, would fail as a foreign key (a server error) when saved.
        if (content.Header.NationalPlanId is { } national && !await db.Plans.AnyAsync(p => p.Id == national && p.Level == PlanLevel.National, ct))
            problems.Add(new ContentProblem(null, "nationalPlanId", $"Không có kế hoạch quốc gia mã '{national}'."));
        if (plan is not null)
            problems.AddRange((await PlanContentStore.BlockersAsync(db, plan.Id, content, ct)).Select(m => new ContentProblem(null, "content", m)));
        if (problems.Count > 0) return new Result(EditOutcome.Invalid, null, problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (plan is null)
        {
            var place = province is null ? "quoc-gia" : await db.Provinces.Where(p => p.Code == province).Select(p => p.Name).FirstAsync(ct);
            plan = new Plan
            {
                Id = await CreatePlan.NewIdAsync(db, place, content.Header.PeriodStart, content.Header.PeriodEnd, ct),
                Title = content.Header.Title, Level = level, ProvinceCode = province, IssuingBody = content.Header.IssuingBody, Status = PlanStatus.Draft,
                IsPublic = false,
            };
            db.Plans.Add(plan);
        }
        db.AuditProvinceCode = province;
        await PlanContentStore.ApplyAsync(db, plan, content, createAgencies, ct, agencyKinds);
        if (plan.Level == PlanLevel.Provincial && plan.NationalPlanId is null)
            plan.NationalPlanId = await db.Plans.Where(p => p.Level == PlanLevel.National && p.PeriodStart == plan.PeriodStart && p.PeriodEnd == plan.PeriodEnd)
                .Select(p => p.Id).FirstOrDefaultAsync(ct);
        // The plan's own rows are audited one by one; the import itself is one entry: who, which file, its hash, what it held.
        var hash = source is null ? null : Convert.ToHexStringLower(SHA256.HashData(source.Content));
        if (source is { KeepAsSourceText: true })
            db.PlanFiles.Add(new PlanFile
            {
                PlanId = plan.Id, Kind = PlanFileKind.SourceText, FileName = StoredName(source.FileName), ContentType = "text/plain; charset=utf-8",
                Size = source.Content.Length, Sha256 = hash!, Content = source.Content, UploadedAt = clock.GetUtcNow(), UploadedBy = actor, ProvinceCode = province,
            });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result(EditOutcome.Stale, null, [], EditResult.Stale.Message);
        }
        db.AuditEntries.Add(new Audit.AuditEntry
        {
            At = clock.GetUtcNow(), UserId = scope.UserId, UserName = actor, EntityType = "PlanImport", EntityId = plan.Id, Action = "Imported",
            ProvinceCode = province,
            NewValues = System.Text.Json.JsonSerializer.Serialize(new
            {
                File = source?.FileName, Sha256 = hash, Targets = content.Targets.Count(), Tasks = content.Tasks.Count(),
                TargetGroups = content.TargetGroups.Count, TaskGroups = content.TaskGroups.Count, CreateAgencies = createAgencies,
            }),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Result(EditOutcome.Done, plan.Id, []);
    }

    /// <summary>
    /// The name the kept text is shown under: the uploader's name, cleaned of folders and control or direction characters,
    /// within the column's 200 characters (the extension, at the end, kept).
    /// </summary>
    private static string StoredName(string fileName)
    {
        var name = Reporting.ReportAttachments.CleanFileName(fileName);
        if (name.Length == 0) name = "van-ban.txt";
        return name.Length <= 200 ? name : name[^200..];
    }
}
