using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// Loads the shipped versions of a plan (SeedData/versions/*.yaml): the transcribed draft frozen as version 1, the plan
/// as issued (with the changes the file lists) as version 2, in force from its date. Runs once per plan: a plan that
/// has versions already is left alone. Part of the start-up transaction: a bad file changes nothing.
/// </summary>
public static class VersionSeeder
{
    private sealed class VersionFile
    {
        public string Plan { get; set; } = "";
        public DraftPart? Draft { get; set; }
        public IssuedPart Issued { get; set; } = new();
    }

    private sealed class DraftPart
    {
        public string? Reason { get; set; }
    }

    private sealed class IssuedPart
    {
        public string? DocumentNumber { get; set; }
        public DateOnly? DocumentDate { get; set; }
        public DateOnly? EffectiveDate { get; set; }
        public string? IssuingBody { get; set; }
        public string? SourceNote { get; set; }
        public string? Reason { get; set; }
        public string? Note { get; set; }
        public List<TargetChange> Targets { get; set; } = [];
    }

    private sealed class TargetChange
    {
        public string Key { get; set; } = "";
        public string? Group { get; set; }
        public string? Text { get; set; }
        public string? Indicator { get; set; }
        public string? Kind { get; set; }
        public decimal? Value { get; set; }
        public decimal? Min { get; set; }
        public decimal? Max { get; set; }
        public string? Unit { get; set; }
        public int? DeadlineYear { get; set; }
        public string? Source { get; set; }
    }

    public static async Task<IReadOnlyList<string>> SeedAsync(EcomPlanDbContext db, SeedDataOptions options, TimeProvider clock, CancellationToken ct)
    {
        var folder = Path.Combine(options.Path, "versions");
        if (!Directory.Exists(folder)) return [];
        var seeded = new List<string>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            VersionFile file;
            try
            {
                file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                    .Deserialize<VersionFile>(await File.ReadAllTextAsync(path, ct));
            }
            catch (YamlException e)
            {
                throw new PlanFileException(name, (int)e.Start.Line, $"tệp phiên bản không hợp lệ: {e.InnerException?.Message ?? e.Message}");
            }
            var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == file.Plan, ct)
                ?? throw new PlanFileException(name, 1, $"kế hoạch '{file.Plan}' không có");
            if (await db.PlanVersions.AnyAsync(v => v.PlanId == plan.Id, ct)) continue;
            await SeedPlanAsync(db, plan, file, name, clock, ct);
            seeded.Add(plan.Id);
        }
        return seeded;
    }

    private static async Task SeedPlanAsync(EcomPlanDbContext db, Plan plan, VersionFile file, string name, TimeProvider clock, CancellationToken ct)
    {
        var issued = file.Issued;
        if (issued.DocumentDate is not { } date) throw new PlanFileException(name, 1, "thiếu 'documentDate' của bản ban hành");
        var now = clock.GetUtcNow();
        var draft = (await PlanContentStore.ReadAsync(db, plan.Id, ct))!;
        db.PlanVersions.Add(new PlanVersion
        {
            PlanId = plan.Id, Number = 1, Kind = VersionKind.Draft, EffectiveDate = date, Reason = file.Draft?.Reason, SourceKind = plan.SourceKind,
            SourceNote = plan.SourceNote, CreatedAt = now, CreatedBy = "(khởi động: phiên bản kèm theo)", IssuedAt = now, ProvinceCode = plan.ProvinceCode,
            Content = PlanVersions.Serialize(draft),
        });

        var content = Changed(draft, issued, name);
        var context = await ImportPlanContent.ContextAsync(db, plan.Level, plan.ProvinceCode, createAgencies: false, ct);
        if (PlanContentRules.Check(content, context).FirstOrDefault() is { } problem)
            throw new PlanFileException(name, 1, $"bản ban hành không hợp lệ ({problem.Field}): {problem.Message}");
        await PlanContentStore.ApplyAsync(db, plan, content, createAgencies: false, ct);
        plan.Status = PlanStatus.Approved;
        await db.SaveChangesAsync(ct);
        db.PlanVersions.Add(new PlanVersion
        {
            PlanId = plan.Id, Number = 2, Kind = VersionKind.Issue, DocumentNumber = issued.DocumentNumber, DocumentDate = date,
            EffectiveDate = issued.EffectiveDate ?? date, Reason = issued.Reason, SourceKind = PlanSourceKind.Provisional, SourceNote = issued.SourceNote,
            CreatedAt = now, CreatedBy = "(khởi động: phiên bản kèm theo)", IssuedAt = now, ProvinceCode = plan.ProvinceCode,
            Content = PlanVersions.Serialize((await PlanContentStore.ReadAsync(db, plan.Id, ct))!),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The draft with the issued version's header and target changes; changed and added targets point to no line of the draft.</summary>
    private static PlanContent Changed(PlanContent draft, IssuedPart issued, string file)
    {
        var header = draft.Header with
        {
            DocumentNumber = issued.DocumentNumber, DocumentDate = issued.DocumentDate, IssuingBody = issued.IssuingBody ?? draft.Header.IssuingBody,
            SourceKind = PlanSourceKind.Provisional, SourceNote = issued.SourceNote, Note = issued.Note ?? draft.Header.Note,
        };
        var groups = draft.TargetGroups.Select(g => (g.Code, g.Title, Targets: g.Targets.ToList())).ToList();
        foreach (var change in issued.Targets)
        {
            TargetKind? kind = change.Kind is null ? null
                : PlanFileReader.Kinds.TryGetValue(change.Kind, out var k) ? k : throw new PlanFileException(file, 1, $"loại '{change.Kind}' không hợp lệ");
            var group = groups.FirstOrDefault(g => g.Targets.Any(t => t.Key == change.Key));
            if (group.Targets is null)
            {
                group = groups.FirstOrDefault(g => g.Code == change.Group);
                if (group.Targets is null || change.Text is null || kind is null)
                    throw new PlanFileException(file, 1, $"chỉ tiêu mới '{change.Key}' cần 'group' (có trong kế hoạch), 'text' và 'kind'");
                group.Targets.Add(new TargetContent(change.Key, change.Text, change.Indicator, kind.Value, change.Value, change.Min, change.Max, false, null,
                    change.Unit, null, change.DeadlineYear, [], change.Source ?? "", 0));
                continue;
            }
            var i = group.Targets.FindIndex(t => t.Key == change.Key);
            var t = group.Targets[i];
            group.Targets[i] = t with
            {
                Text = change.Text ?? t.Text, Indicator = change.Indicator ?? t.Indicator, Kind = kind ?? t.Kind,
                Value = change.Value ?? (change.Min is not null || change.Max is not null ? null : t.Value),
                Min = change.Min ?? (change.Value is not null ? null : t.Min), Max = change.Max ?? (change.Value is not null ? null : t.Max),
                Unit = change.Unit ?? t.Unit, DeadlineYear = change.DeadlineYear ?? t.DeadlineYear, Source = change.Source ?? t.Source, Line = 0,
            };
        }
        return draft with { Header = header, TargetGroups = groups.Select(g => new TargetGroupContent(g.Code, g.Title, g.Targets)).ToList() };
    }
}
