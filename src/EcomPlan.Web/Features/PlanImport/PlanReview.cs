using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>A stored target beside what the import read for it; <see cref="Edited"/> once someone changed it since.</summary>
public sealed record ReviewTarget(TargetDto Target, IReadOnlyList<string> Doubts, IReadOnlyList<string> Notes, IndicatorSuggestion? Suggestion, bool Edited)
{
    /// <summary>Highlighted: something to look at that nobody has corrected yet.</summary>
    public bool Doubtful => !Edited && Doubts.Count > 0;
}

public sealed record ReviewTask(TaskDto Task, IReadOnlyList<string> Doubts, bool Edited)
{
    public bool Doubtful => !Edited && Doubts.Count > 0;
}

/// <summary>Everything the review page shows: the plan, its text, each item with its doubts, and the warnings of the reading.</summary>
public sealed record PlanReviewView(
    PlanDetail Plan, IReadOnlyList<string>? Lines, bool FromText, IReadOnlyList<ReviewTarget> Targets, IReadOnlyList<ReviewTask> Tasks,
    IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string> IndicatorNames, IReadOnlySet<string> CreatedAgencies);

/// <summary>
/// The review of a plan imported from a text. Doubts are not stored: the stored text is read and mapped again (the
/// parser and the mapping are pure, so this gives what the import read), and each stored item is paired with the
/// reading of its line. Only someone who may edit the plan sees it.
/// </summary>
public static class PlanReview
{
    public static async Task<PlanReviewView?> LoadAsync(EcomPlanDbContext db, SeedDataOptions options, string planId, AccessScope scope, CancellationToken ct)
    {
        var plan = await PlanQueries.GetAsync(db, planId, scope, ct);
        if (plan is null || !scope.CanEditPlan(plan.Level, plan.ProvinceCode)) return null;
        var lines = await PlanDocuments.LinesAsync(db, options, planId, scope, ct);
        var targets = await PlanQueries.TargetsAsync(db, planId, new PlanItemFilter(), scope, ct);
        var tasks = await PlanQueries.TasksAsync(db, planId, new PlanItemFilter(), scope, ct);
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(ct);
        var names = indicators.ToDictionary(i => i.Code, i => i.NameVi);
        // A shipped plan's document holds other periods too: only a plan imported from its text is read again.
        var fromText = lines is not null && await db.PlanFiles.AsNoTracking().AnyAsync(f => f.PlanId == planId && f.Kind == PlanFileKind.SourceText, ct);
        if (!fromText)
            return new PlanReviewView(plan, lines, false, targets.Select(t => new ReviewTarget(t, [], [], null, false)).ToList(),
                tasks.Select(t => new ReviewTask(t, [], false)).ToList(), [], names, new HashSet<string>());

        var province = plan.ProvinceCode is null ? null
            : await db.Provinces.AsNoTracking().Where(p => p.Code == plan.ProvinceCode).Select(p => new { p.Name, p.FullName }).FirstAsync(ct);
        var choices = new TextImportChoices(plan.Level, plan.ProvinceCode, province?.Name, province?.FullName, plan.SourceKind, plan.SourceNote,
            plan.Title, plan.PeriodStart, plan.PeriodEnd, plan.IssuingBody);
        var draft = PlanTextToContent.Map(PlanTextParser.Parse(lines!), choices, ImportCatalogue.From(indicators));
        var created = await CreatedAgenciesAsync(db, planId, plan.ProvinceCode, ct);
        return new PlanReviewView(plan, lines, true, PairTargets(targets, draft.Targets, created), PairTasks(tasks, draft.Tasks, created), draft.Warnings,
            names, created);
    }

    /// <summary>
    /// Agencies the import created (named by the text, unknown to the platform): those added in the same save as the
    /// plan itself, which the audit trail records with one time. Empty for a plan not imported.
    /// </summary>
    public static async Task<IReadOnlySet<string>> CreatedAgenciesAsync(EcomPlanDbContext db, string planId, string? provinceCode, CancellationToken ct)
    {
        var added = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Plan) && a.EntityId == planId && a.Action == "Added")
            .Select(a => a.At).ToListAsync(ct);
        if (added.Count == 0 || !await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityType == "PlanImport" && a.EntityId == planId, ct)) return new HashSet<string>();
        // Compared here, not in SQL: SQLite stores DateTimeOffset as text and cannot compare it reliably.
        var agencies = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Agency) && a.Action == "Added" && a.ProvinceCode == provinceCode)
            .Select(a => new { a.EntityId, a.At }).ToListAsync(ct);
        var ids = agencies.Where(a => a.At == added[0]).Select(a => int.TryParse(a.EntityId, out var id) ? id : 0).ToList();
        return (await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Name).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Each stored target with the reading of its line (same key, else same text, else the next one). Pure.</summary>
    public static IReadOnlyList<ReviewTarget> PairTargets(IReadOnlyList<TargetDto> stored, IReadOnlyList<TargetDraft> drafts, IReadOnlySet<string> created)
    {
        var free = drafts.ToList();
        return stored.Select(t =>
        {
            var line = free.Where(d => d.Content.Line == t.Source.Line).ToList();
            var draft = line.FirstOrDefault(d => d.Content.Key == t.Key) ?? line.FirstOrDefault(d => Same(d.Content.Text, t.Text)) ?? line.FirstOrDefault();
            if (draft is not null) free.Remove(draft);
            var doubts = (draft?.Doubts ?? []).Concat(Created(t.MonitoringAgencies, created)).ToList();
            return new ReviewTarget(t, doubts, draft?.Item.Reading.Notes ?? [], draft?.Suggestion, draft is not null && Edited(t, draft.Content));
        }).ToList();
    }

    public static IReadOnlyList<ReviewTask> PairTasks(IReadOnlyList<TaskDto> stored, IReadOnlyList<TaskDraft> drafts, IReadOnlySet<string> created)
    {
        var free = drafts.ToList();
        return stored.Select(t =>
        {
            var line = free.Where(d => d.Content.Line == t.Source.Line).ToList();
            var draft = line.FirstOrDefault(d => Same(d.Content.Text, t.Text)) ?? line.FirstOrDefault();
            if (draft is not null) free.Remove(draft);
            var doubts = (draft?.Doubts ?? []).Concat(Created(t.LeadAgencies.Concat(t.CoordinatingAgencies), created)).ToList();
            var edited = draft is not null && (!Same(draft.Content.Text, t.Text) || !draft.Content.Lead.SequenceEqual(t.LeadAgencies)
                || !draft.Content.Coordinating.SequenceEqual(t.CoordinatingAgencies) || draft.Content.StartYear != t.StartYear || draft.Content.EndYear != t.EndYear);
            return new ReviewTask(t, doubts, edited);
        }).ToList();
    }

    private static IEnumerable<string> Created(IEnumerable<string> names, IReadOnlySet<string> created) =>
        names.Where(created.Contains).Select(n => $"Cơ quan “{n}” chưa có trên hệ thống, được tạo khi nhập: kiểm tra tên, tránh trùng một cơ quan đã có.");

    /// <summary>What the reviewer may have changed since the import: the requirement, the indicator, the wording.</summary>
    private static bool Edited(TargetDto t, TargetContent read) =>
        t.Kind != read.Kind || t.Value != read.Value || t.Min != read.Min || t.Max != read.Max || t.Exclusive != read.Exclusive
        || t.Tolerance != read.Tolerance || t.Indicator != read.Indicator || t.DeadlineYear != read.DeadlineYear
        || (t.Unit ?? "") != (read.Unit ?? "").Trim() || !Same(t.Text, read.Text);

    private static bool Same(string a, string b) => VietnameseText.Fold(a.Trim()) == VietnameseText.Fold(b.Trim());
}
