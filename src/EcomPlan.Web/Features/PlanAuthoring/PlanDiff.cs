using System.Globalization;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanAuthoring;

public enum ChangeKind { Added, Removed, Changed }

/// <summary>One field that differs, both values as a reader sees them.</summary>
public sealed record FieldChange(string Field, string Label, string? Old, string? New);

/// <summary>A target, task or statement added, removed or changed between two versions.</summary>
public sealed record ItemChange(string Item, string Key, string Title, ChangeKind Kind, IReadOnlyList<FieldChange> Fields);

public sealed record PlanComparison(IReadOnlyList<FieldChange> Header, IReadOnlyList<ItemChange> Targets, IReadOnlyList<ItemChange> Tasks,
    IReadOnlyList<ItemChange> Statements)
{
    public bool IsEmpty => Header.Count == 0 && Targets.Count == 0 && Tasks.Count == 0 && Statements.Count == 0;
}

/// <summary>
/// What changed between two versions of a plan, value by value. Targets are matched by id (same plan) or key, tasks
/// by id or by number and text. Pure.
/// </summary>
public static class PlanDiff
{
    public static PlanComparison Compare(PlanContent from, PlanContent to) =>
        new(HeaderChanges(from.Header, to.Header), TargetChanges(from, to), TaskChanges(from, to), StatementChanges(from, to));

    private static string? N(decimal? v) => v is { } d ? VietnameseText.FormatNumber(d) : null;
    private static string? Y(int? v) => v?.ToString(CultureInfo.InvariantCulture);
    private static string? D(DateOnly? d) => d is { } x ? VietnameseText.FormatDate(x) : null;
    private static string? L(IReadOnlyList<string> names) => names.Count == 0 ? null : string.Join("; ", names);

    private static List<FieldChange> Fields(params (string Field, string Label, string? Old, string? New)[] pairs) =>
        pairs.Where(p => !string.Equals(p.Old ?? "", p.New ?? "", StringComparison.Ordinal))
            .Select(p => new FieldChange(p.Field, p.Label, p.Old, p.New)).ToList();

    private static List<FieldChange> HeaderChanges(PlanHeader a, PlanHeader b) => Fields(
        ("title", "Tên kế hoạch", a.Title, b.Title),
        ("period", "Giai đoạn", $"{a.PeriodStart}–{a.PeriodEnd}", $"{b.PeriodStart}–{b.PeriodEnd}"),
        ("documentNumber", "Số văn bản", a.DocumentNumber, b.DocumentNumber),
        ("documentDate", "Ngày văn bản", D(a.DocumentDate), D(b.DocumentDate)),
        ("issuingBody", "Cơ quan ban hành", a.IssuingBody, b.IssuingBody),
        ("sourceKind", "Nguồn", SourceName(a.SourceKind), SourceName(b.SourceKind)),
        ("note", "Ghi chú", a.Note, b.Note));

    public static string SourceName(PlanSourceKind kind) => kind switch
    {
        PlanSourceKind.Original => "Văn bản gốc",
        PlanSourceKind.Provisional => "Nguồn tạm, chưa phải văn bản gốc",
        _ => "Nhập trên biểu mẫu",
    };

    private static List<FieldChange> TargetFields(TargetContent a, TargetContent b) => Fields(
        ("text", "Nội dung", a.Text, b.Text),
        ("indicator", "Chỉ số", a.Indicator, b.Indicator),
        ("kind", "Loại", TargetText.KindName(a.Kind), TargetText.KindName(b.Kind)),
        ("value", "Giá trị", N(a.Value), N(b.Value)),
        ("min", "Thấp nhất", N(a.Min), N(b.Min)),
        ("max", "Cao nhất", N(a.Max), N(b.Max)),
        ("exclusive", "Ngưỡng chặt", a.Exclusive ? "có" : "không", b.Exclusive ? "có" : "không"),
        ("tolerance", "Sai số cho phép", N(a.Tolerance), N(b.Tolerance)),
        ("unit", "Đơn vị", a.Unit, b.Unit),
        ("of", "Tính trên", a.Of, b.Of),
        ("deadlineYear", "Thời hạn", Y(a.DeadlineYear), Y(b.DeadlineYear)),
        ("monitoringAgencies", "Đơn vị theo dõi", L(a.MonitoringAgencies), L(b.MonitoringAgencies)));

    private static List<ItemChange> TargetChanges(PlanContent from, PlanContent to)
    {
        var changes = new List<ItemChange>();
        var left = from.Targets.ToList();
        foreach (var b in to.Targets)
        {
            var a = left.FirstOrDefault(x => b.Id is not null && x.Id == b.Id) ?? left.FirstOrDefault(x => x.Key == b.Key);
            if (a is null) { changes.Add(new ItemChange("target", b.Key, b.Text, ChangeKind.Added, TargetFields(Empty(b.Key), b))); continue; }
            left.Remove(a);
            var fields = TargetFields(a, b);
            if (a.Key != b.Key) fields.Insert(0, new FieldChange("key", "Mã", a.Key, b.Key));
            if (fields.Count > 0) changes.Add(new ItemChange("target", b.Key, b.Text, ChangeKind.Changed, fields));
        }
        changes.AddRange(left.Select(a => new ItemChange("target", a.Key, a.Text, ChangeKind.Removed, TargetFields(a, Empty(a.Key)))));
        return changes;
    }

    private static TargetContent Empty(string key) => new(key, "", null, TargetKind.Qualitative, null, null, null, false, null, null, null, null, []);

    private static List<FieldChange> TaskFields(TaskContent a, TaskContent b) => Fields(
        ("number", "Số thứ tự", a.Number, b.Number),
        ("text", "Nội dung", a.Text, b.Text),
        ("lead", "Cơ quan chủ trì", L(a.Lead), L(b.Lead)),
        ("coordinating", "Cơ quan phối hợp", L(a.Coordinating), L(b.Coordinating)),
        ("years", "Thời gian", Years(a), Years(b)));

    private static string? Years(TaskContent t) => t.StartYear is null && t.EndYear is null ? t.Timeframe : $"{t.StartYear}–{t.EndYear}";

    private static List<ItemChange> TaskChanges(PlanContent from, PlanContent to)
    {
        var changes = new List<ItemChange>();
        var left = from.TaskGroups.SelectMany(g => g.Tasks.Select(t => (Group: g.Code, Task: t))).ToList();
        var empty = new TaskContent(null, "", [], [], null, null, null);
        string KeyOf(string group, TaskContent t) => $"{group}.{t.Number}".TrimEnd('.');
        foreach (var g in to.TaskGroups)
            foreach (var b in g.Tasks)
            {
                var folded = VietnameseText.Fold(b.Text);
                var match = left.FirstOrDefault(x => b.Id is not null && x.Task.Id == b.Id);
                if (match.Task is null) match = left.FirstOrDefault(x => x.Group == g.Code && x.Task.Number == b.Number && VietnameseText.Fold(x.Task.Text) == folded);
                if (match.Task is null) match = left.FirstOrDefault(x => x.Group == g.Code && x.Task.Number is not null && x.Task.Number == b.Number);
                if (match.Task is null) { changes.Add(new ItemChange("task", KeyOf(g.Code, b), b.Text, ChangeKind.Added, TaskFields(empty, b))); continue; }
                left.Remove(match);
                var fields = TaskFields(match.Task, b);
                if (match.Group != g.Code) fields.Insert(0, new FieldChange("group", "Nhóm", match.Group, g.Code));
                if (fields.Count > 0) changes.Add(new ItemChange("task", KeyOf(g.Code, b), b.Text, ChangeKind.Changed, fields));
            }
        changes.AddRange(left.Select(x => new ItemChange("task", KeyOf(x.Group, x.Task), x.Task.Text, ChangeKind.Removed, TaskFields(x.Task, empty))));
        return changes;
    }

    private static List<ItemChange> StatementChanges(PlanContent from, PlanContent to)
    {
        var changes = new List<ItemChange>();
        foreach (var (label, a, b) in new[] { ("Quan điểm", from.Viewpoints, to.Viewpoints), ("Mục tiêu tổng quát", from.Objectives, to.Objectives) })
        {
            var before = a.Select(s => s.Text).ToList();
            var after = b.Select(s => s.Text).ToList();
            changes.AddRange(after.Except(before).Select(t => new ItemChange("statement", label, t, ChangeKind.Added, [])));
            changes.AddRange(before.Except(after).Select(t => new ItemChange("statement", label, t, ChangeKind.Removed, [])));
        }
        return changes;
    }
}
