using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// Reads a stored plan as <see cref="PlanContent"/>, and writes a content onto a plan: targets matched by id or key,
/// tasks by id or by group, number and text, agencies by name within the plan's province. The caller owns the
/// transaction: a write that cannot be done entirely is not done at all.
/// </summary>
public static class PlanContentStore
{
    public static async Task<PlanContent?> ReadAsync(EcomPlanDbContext db, string planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Statements)
            .Include(p => p.TargetGroups).ThenInclude(g => g.Targets).ThenInclude(t => t.Monitors).ThenInclude(m => m.Agency)
            .Include(p => p.TargetGroups).ThenInclude(g => g.Targets).ThenInclude(t => t.References)
            .Include(p => p.TaskGroups).ThenInclude(g => g.Tasks).ThenInclude(t => t.Agencies).ThenInclude(a => a.Agency)
            .FirstOrDefaultAsync(p => p.Id == planId, ct);
        return plan is null ? null : FromEntities(plan);
    }

    public static PlanContent FromEntities(Plan plan)
    {
        StatementContent[] Statements(StatementKind kind) =>
            plan.Statements.Where(s => s.Kind == kind).OrderBy(s => s.Order).Select(s => new StatementContent(s.Text, s.Line)).ToArray();
        return new PlanContent(
            new PlanHeader(plan.Title, plan.Level, plan.ProvinceCode, plan.PeriodStart, plan.PeriodEnd, plan.DocumentNumber, plan.DocumentDate,
                plan.IssuingBody, plan.SourceKind, plan.SourceNote, plan.NationalPlanId, plan.Note),
            Statements(StatementKind.Viewpoint), Statements(StatementKind.GeneralObjective),
            plan.TargetGroups.OrderBy(g => g.Order).Select(g => new TargetGroupContent(g.Code, g.Title,
                g.Targets.OrderBy(t => t.Order).Select(t => new TargetContent(t.Key, t.Text, t.Indicator, t.Kind, t.Value, t.Min, t.Max,
                    t.Exclusive, t.Tolerance, t.Unit, t.Of, t.DeadlineYear,
                    t.Monitors.OrderBy(m => m.Order).Select(m => m.Agency!.Name).ToList(), t.Source, t.Line,
                    t.BaselineYear is { } by ? new StatedValue(t.BaselineValue, by, t.BaselineLine ?? 0) : null,
                    t.ResultYear is { } ry ? new StatedValue(t.ResultValue, ry, t.ResultLine ?? 0, t.ResultText) : null,
                    t.References.OrderBy(r => r.Id).Select(r => new ReferenceContent(r.IsConflict, r.Source, r.Line, r.Text, r.Value, r.Min, r.Max)).ToList(),
                    t.Id == 0 ? null : t.Id)).ToList())).ToList(),
            plan.TaskGroups.OrderBy(g => g.Order).Select(g => new TaskGroupContent(g.Code, g.Title,
                g.Tasks.OrderBy(t => t.Order).Select(t => new TaskContent(t.Number, t.Text,
                    t.Agencies.Where(a => a.Role == AgencyRole.Lead).OrderBy(a => a.Order).Select(a => a.Agency!.Name).ToList(),
                    t.Agencies.Where(a => a.Role == AgencyRole.Coordinating).OrderBy(a => a.Order).Select(a => a.Agency!.Name).ToList(),
                    t.StartYear, t.EndYear, t.Timeframe, t.Source, t.Line, t.Id == 0 ? null : t.Id)).ToList(), g.Source)).ToList());
    }

    /// <summary>The agencies a plan's items may name: the province's own and the central ones, by folded name.</summary>
    public static async Task<Dictionary<string, Agency>> AgenciesForAsync(EcomPlanDbContext db, string? provinceCode, CancellationToken ct) =>
        (await db.Agencies.Where(a => a.ProvinceCode == provinceCode || a.ProvinceCode == null).ToListAsync(ct))
            // A province's own agency wins over a central one of the same name ("Sở Công Thương" is always local).
            .OrderBy(a => a.ProvinceCode is null)
            .GroupBy(a => a.SearchText).ToDictionary(g => g.Key, g => g.First());

    /// <summary>
    /// Problems that stop the write: items that would disappear although reports or assessments refer to them. Checked
    /// before anything is written.
    /// </summary>
    public static async Task<List<string>> BlockersAsync(EcomPlanDbContext db, string planId, PlanContent content, CancellationToken ct)
    {
        var keptTargets = content.Targets.Select(t => t.Id).OfType<int>().ToHashSet();
        var keptKeys = content.Targets.Select(t => t.Key).ToHashSet();
        var storedTargets = await db.Targets.AsNoTracking().Where(t => t.PlanId == planId).Select(t => new { t.Id, t.Key }).ToListAsync(ct);
        var goneTargets = storedTargets.Where(t => !keptTargets.Contains(t.Id) && !keptKeys.Contains(t.Key)).ToList();
        var goneIds = goneTargets.Select(t => t.Id).ToList();
        var assessed = await db.QualitativeAssessments.AsNoTracking().Where(a => goneIds.Contains(a.TargetId)).Select(a => a.TargetId).Distinct().ToListAsync(ct);
        var problems = goneTargets.Where(t => assessed.Contains(t.Id))
            .Select(t => $"Chỉ tiêu {t.Key} đã có đánh giá tình trạng: không xóa được (hãy giữ lại và sửa nội dung).").ToList();
        problems.AddRange(KeyCycles(storedTargets.ToDictionary(t => t.Id, t => t.Key), content)
            .Select(cycle => $"Chỉ tiêu {string.Join(", ", cycle)} đổi mã cho nhau: không ghi được trong một lần. Hãy đổi sang mã tạm, nhập, rồi nhập lại với mã đúng."));

        var stored = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId)
            .Select(t => new { t.Id, t.Number, t.Text, Group = t.Group!.Code }).ToListAsync(ct);
        var matched = MatchTasks(content, stored.Select(s => (s.Id, s.Group, s.Number, s.Text)).ToList()).Values.ToHashSet();
        var goneTasks = stored.Where(s => !matched.Contains(s.Id)).ToList();
        var goneTaskIds = goneTasks.Select(t => t.Id).ToList();
        var reported = await db.TaskProgress.AsNoTracking().Where(p => goneTaskIds.Contains(p.TaskId)).Select(p => p.TaskId).Distinct().ToListAsync(ct);
        problems.AddRange(goneTasks.Where(t => reported.Contains(t.Id))
            .Select(t => $"Nhiệm vụ {t.Number ?? ""} “{Shorten(t.Text)}” đã có báo cáo tiến độ: không xóa được (hãy giữ lại và sửa nội dung)."));
        return problems;
    }

    /// <summary>
    /// Stored targets whose keys only change places (I.1 → I.2 → I.1): each row would hold the other's key before it
    /// lets go of its own, which the unique key of (plan, key) refuses in one save. Each cycle once, by its stored keys.
    /// </summary>
    public static List<List<string>> KeyCycles(IReadOnlyDictionary<int, string> stored, PlanContent content)
    {
        var renames = new Dictionary<string, string>();
        foreach (var t in content.Targets)
            if (t.Id is { } id && stored.TryGetValue(id, out var old) && old != t.Key.Trim()) renames.TryAdd(old, t.Key.Trim());
        var cycles = new List<List<string>>();
        var done = new HashSet<string>();
        foreach (var start in renames.Keys.Where(k => !done.Contains(k)))
        {
            var path = new List<string> { start };
            for (var key = renames[start]; renames.ContainsKey(key) && !path.Contains(key) && !done.Contains(key); key = renames[key]) path.Add(key);
            done.UnionWith(path);
            if (renames[path[^1]] == start) cycles.Add(path);
        }
        return cycles;
    }

    /// <summary>Stored task id for each content task that matches one: by id, else by group, number and folded text.</summary>
    private static Dictionary<TaskContent, int> MatchTasks(PlanContent content, IReadOnlyList<(int Id, string Group, string? Number, string Text)> stored)
    {
        var result = new Dictionary<TaskContent, int>(ReferenceEqualityComparer.Instance);
        var free = stored.ToDictionary(s => s.Id);
        foreach (var group in content.TaskGroups)
            foreach (var task in group.Tasks)
                if (task.Id is { } id && free.Remove(id)) result[task] = id;
        foreach (var group in content.TaskGroups)
            foreach (var task in group.Tasks.Where(t => !result.ContainsKey(t)))
            {
                var folded = VietnameseText.Fold(task.Text);
                var match = free.Values.FirstOrDefault(s => s.Group == group.Code && s.Number == task.Number && VietnameseText.Fold(s.Text) == folded);
                if (match.Id != 0 && free.Remove(match.Id)) result[task] = match.Id;
            }
        return result;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>
    /// Writes <paramref name="content"/> onto the tracked <paramref name="plan"/> (its level and province stay). Agencies
    /// not yet known are created in the plan's province when <paramref name="createAgencies"/>; otherwise the caller has
    /// refused them already; their kind is <paramref name="agencyKinds"/>' (by folded name), else guessed from the name.
    /// Call <see cref="BlockersAsync"/> first.
    /// </summary>
    public static async Task ApplyAsync(EcomPlanDbContext db, Plan plan, PlanContent content, bool createAgencies, CancellationToken ct,
        IReadOnlyDictionary<string, string>? agencyKinds = null)
    {
        var h = content.Header;
        (plan.Title, plan.PeriodStart, plan.PeriodEnd, plan.DocumentNumber, plan.DocumentDate, plan.IssuingBody) =
            (h.Title, h.PeriodStart, h.PeriodEnd, h.DocumentNumber, h.DocumentDate, h.IssuingBody);
        (plan.SourceKind, plan.SourceNote, plan.NationalPlanId, plan.Note) = (h.SourceKind, h.SourceNote, h.NationalPlanId, h.Note);

        var agencies = await AgenciesForAsync(db, plan.ProvinceCode, ct);
        Agency AgencyNamed(string name)
        {
            var key = VietnameseText.Fold(name);
            if (agencies.TryGetValue(key, out var known)) return known;
            if (!createAgencies) throw new InvalidOperationException($"Cơ quan '{name}' chưa có: phải được kiểm tra trước khi ghi.");
            var kind = agencyKinds?.GetValueOrDefault(key) is { } given && AgencyKinds.Names.ContainsKey(given) ? given : AgencyKinds.Guess(name);
            var created = new Agency { Name = name.Trim(), Kind = kind, ProvinceCode = plan.ProvinceCode, SearchText = key };
            db.Agencies.Add(created);
            return agencies[key] = created;
        }

        var statements = await db.PlanStatements.Where(s => s.PlanId == plan.Id).ToListAsync(ct);
        db.PlanStatements.RemoveRange(statements);
        var order = 0;
        foreach (var (kind, items) in new[] { (StatementKind.Viewpoint, content.Viewpoints), (StatementKind.GeneralObjective, content.Objectives) })
            foreach (var s in items)
                db.PlanStatements.Add(new PlanStatement { PlanId = plan.Id, Kind = kind, Order = order++, Text = s.Text.Trim(), Line = s.Line });

        await WriteTargetsAsync(db, plan, content, AgencyNamed, ct);
        await WriteTasksAsync(db, plan, content, AgencyNamed, ct);
        plan.Revision++;
    }

    private static async Task WriteTargetsAsync(EcomPlanDbContext db, Plan plan, PlanContent content, Func<string, Agency> agency, CancellationToken ct)
    {
        var groups = await db.TargetGroups.Where(g => g.PlanId == plan.Id).ToListAsync(ct);
        var targets = await db.Targets.Include(t => t.Monitors).Include(t => t.References).Where(t => t.PlanId == plan.Id).ToListAsync(ct);
        var used = new HashSet<Target>();
        var groupOrder = 0;
        foreach (var g in content.TargetGroups)
        {
            var group = groups.FirstOrDefault(x => x.Code == g.Code);
            if (group is null) { group = new TargetGroup { PlanId = plan.Id, Code = g.Code, Title = g.Title }; db.TargetGroups.Add(group); groups.Add(group); }
            group.Title = g.Title.Trim();
            group.Order = groupOrder++;
            var order = 0;
            foreach (var t in g.Targets)
            {
                var target = targets.FirstOrDefault(x => !used.Contains(x) && x.Id == t.Id) ?? targets.FirstOrDefault(x => !used.Contains(x) && x.Key == t.Key);
                if (target is null)
                {
                    target = new Target { PlanId = plan.Id, Key = t.Key, Text = t.Text, Source = "", SearchText = "" };
                    db.Targets.Add(target);
                }
                used.Add(target);
                target.Group = group;
                target.Order = order++;
                Copy(t, target);
                Sync(target.Monitors, t.MonitoringAgencies.Distinct().Select((name, i) => (agency(name), i)).ToList(),
                    m => m.AgencyId, (a, i) => new TargetMonitor { Agency = a, Order = i }, (m, i) => m.Order = i);
                if (t.References is { } references)
                {
                    target.References.Clear();
                    target.References.AddRange(references.Select(r => new TargetReference
                    {
                        IsConflict = r.IsConflict, Source = r.Source, Line = r.Line, Text = r.Text, Value = r.Value, Min = r.Min, Max = r.Max,
                    }));
                }
            }
        }
        db.Targets.RemoveRange(targets.Where(t => !used.Contains(t)));
        db.TargetGroups.RemoveRange(groups.Where(g => content.TargetGroups.All(c => c.Code != g.Code)));
    }

    /// <summary>The fields a target's content owns.</summary>
    public static void Copy(TargetContent t, Target target)
    {
        target.Key = t.Key.Trim();
        target.Text = t.Text.Trim();
        target.SearchText = VietnameseText.Fold(target.Text);
        target.Indicator = string.IsNullOrWhiteSpace(t.Indicator) ? null : t.Indicator.Trim();
        (target.Kind, target.Value, target.Min, target.Max, target.Exclusive, target.Tolerance) = (t.Kind, t.Value, t.Min, t.Max, t.Exclusive, t.Tolerance);
        (target.Unit, target.Of, target.DeadlineYear) = (Blank(t.Unit), Blank(t.Of), t.DeadlineYear);
        (target.Source, target.Line) = (t.Source, t.Line);
        (target.BaselineValue, target.BaselineYear, target.BaselineLine) = (t.Baseline?.Value, t.Baseline?.Year, t.Baseline?.Line);
        (target.ResultValue, target.ResultYear, target.ResultLine, target.ResultText) = (t.Result?.Value, t.Result?.Year, t.Result?.Line, t.Result?.Text);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static async Task WriteTasksAsync(EcomPlanDbContext db, Plan plan, PlanContent content, Func<string, Agency> agency, CancellationToken ct)
    {
        var groups = await db.TaskGroups.Where(g => g.PlanId == plan.Id).ToListAsync(ct);
        var tasks = await db.Tasks.Include(t => t.Agencies).Where(t => t.PlanId == plan.Id).ToListAsync(ct);
        var matches = MatchTasks(content, tasks.Select(t => (t.Id, groups.First(g => g.Id == t.GroupId).Code, t.Number, t.Text)).ToList());
        var used = new HashSet<int>();
        var groupOrder = 0;
        foreach (var g in content.TaskGroups)
        {
            var group = groups.FirstOrDefault(x => x.Code == g.Code);
            if (group is null) { group = new TaskGroup { PlanId = plan.Id, Code = g.Code, Title = g.Title }; db.TaskGroups.Add(group); groups.Add(group); }
            (group.Title, group.Source, group.Order) = (g.Title.Trim(), g.Source, groupOrder++);
            var order = 0;
            foreach (var t in g.Tasks)
            {
                var task = matches.TryGetValue(t, out var id) ? tasks.First(x => x.Id == id) : null;
                if (task is null)
                {
                    task = new PlanTask { PlanId = plan.Id, Text = t.Text, Source = "", SearchText = "" };
                    db.Tasks.Add(task);
                }
                else used.Add(task.Id);
                task.Group = group;
                task.Order = order++;
                Copy(t, task);
                SyncAgencies(task, t, agency);
            }
        }
        db.Tasks.RemoveRange(tasks.Where(t => !used.Contains(t.Id)));
        db.TaskGroups.RemoveRange(groups.Where(g => content.TaskGroups.All(c => c.Code != g.Code)));
    }

    /// <summary>A task's lead and coordinating agencies as the content names them, keeping the rows that stay.</summary>
    public static void SyncAgencies(PlanTask task, TaskContent t, Func<string, Agency> agency)
    {
        foreach (var role in new[] { AgencyRole.Lead, AgencyRole.Coordinating })
        {
            var names = role == AgencyRole.Lead ? t.Lead : t.Coordinating;
            var rows = task.Agencies.Where(a => a.Role == role).ToList();
            foreach (var stale in rows) task.Agencies.Remove(stale);
            var wanted = names.Distinct().Select((name, i) => (agency(name), i)).ToList();
            Sync(rows, wanted, a => a.AgencyId, (a, i) => new TaskAgency { Agency = a, Role = role, Order = i }, (a, i) => a.Order = i);
            task.Agencies.AddRange(rows);
        }
    }

    /// <summary>
    /// Makes <paramref name="rows"/> name exactly the wanted agencies in order: rows that stay are updated (re-adding
    /// a row with the same key would clash with the deleted one), the others removed, the missing ones added.
    /// </summary>
    private static void Sync<T>(List<T> rows, IReadOnlyList<(Agency Agency, int Order)> wanted, Func<T, int> agencyId, Func<Agency, int, T> create, Action<T, int> reorder)
    {
        var kept = new List<T>();
        foreach (var (a, i) in wanted)
        {
            var row = a.Id == 0 ? default : rows.FirstOrDefault(r => agencyId(r) == a.Id);
            if (row is not null) { reorder(row, i); kept.Add(row); }
            else kept.Add(create(a, i));
        }
        rows.Clear();
        rows.AddRange(kept);
    }

    /// <summary>The fields a task's content owns.</summary>
    public static void Copy(TaskContent t, PlanTask task)
    {
        task.Number = Blank(t.Number);
        task.Text = t.Text.Trim();
        task.SearchText = VietnameseText.Fold(task.Text);
        (task.StartYear, task.EndYear, task.Timeframe) = (t.StartYear, t.EndYear, Blank(t.Timeframe));
        (task.Source, task.Line) = (t.Source, t.Line);
    }
}
