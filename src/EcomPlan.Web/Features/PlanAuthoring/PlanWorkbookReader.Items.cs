using EcomPlan.Web.Features.Plans;
using static EcomPlan.Web.Features.PlanAuthoring.PlanWorkbook;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>The target and task sheets: one row per item, its group named on the row; a row naming only a group is an empty group.</summary>
internal static partial class PlanWorkbookReader
{
    /// <summary>A group as the rows name it: code, title (and source for tasks), first row, items with their rows.</summary>
    private sealed class Rows<T>(string code, int row)
    {
        public string Code { get; } = code;
        public int Row { get; } = row;
        public string Title { get; set; } = "";
        public string? Source { get; set; }
        public List<(T Item, int Row)> Items { get; } = [];
    }

    private static Rows<T> GroupOf<T>(List<Rows<T>> groups, WorkbookSheet sheet, int row)
    {
        var code = sheet.Cell(row, "group");
        var group = groups.FirstOrDefault(g => g.Code == code);
        if (group is null) groups.Add(group = new Rows<T>(code, row));
        var title = sheet.Cell(row, "groupTitle");
        if (group.Title.Length == 0) group.Title = title;
        else if (title.Length > 0 && title != group.Title)
            sheet.Problem(row, "groupTitle", $"Nhóm '{code}' có tên khác ở dòng {group.Row + 1}: mỗi nhóm một tên, ghi giống nhau ở mọi dòng (hoặc để trống).");
        return group;
    }

    /// <summary>
    /// The id of a row read back from an export. A row copied to add an item carries the id of the row it was copied
    /// from: the first row keeps the id, the copy is a new item.
    /// </summary>
    private static int? IdOf(WorkbookSheet sheet, int row, HashSet<int> seen) =>
        sheet.Count(row, "id") is { } id && id > 0 && seen.Add(id) ? id : null;

    private static List<TargetGroupContent> ReadTargets(WorkbookSheet sheet, WorkbookRead read, Dictionary<string, List<(ReferenceContent Reference, int Row)>>? references)
    {
        var groups = new List<Rows<TargetContent>>();
        var ids = new HashSet<int>();
        var itemFields = TargetColumns.Select(c => c.Field).Except(["group", "groupTitle"]).ToList();
        foreach (var row in sheet.DataRows)
        {
            var group = GroupOf(groups, sheet, row);
            if (sheet.IsBlank(row, itemFields)) continue;
            var (kind, kindError) = WorkbookCells.Kind(sheet.Cell(row, "kind"));
            if (kindError is not null)
            {
                sheet.Problem(row, "kind", kindError);
                // Without a kind, what the rules would say of the values is noise.
                sheet.Quiet(row, "value", "min", "max", "tolerance", "of");
            }
            var key = sheet.Cell(row, "key");
            var target = new TargetContent(key, sheet.Cell(row, "text"), sheet.Optional(row, "indicator"), kind ?? TargetKind.Qualitative,
                sheet.Number(row, "value"), sheet.Number(row, "min"), sheet.Number(row, "max"), sheet.Flag(row, "exclusive"), sheet.Number(row, "tolerance"),
                sheet.Optional(row, "unit"), sheet.Optional(row, "of"), sheet.Year(row, "deadlineYear"), sheet.Names(row, "monitoringAgencies"),
                sheet.Cell(row, "source"), sheet.Count(row, "line") ?? 0,
                Stated(sheet, row, "baselineYear", "baselineValue", "baselineLine", null),
                Stated(sheet, row, "resultYear", "resultValue", "resultLine", "resultText"),
                references is null ? null : references.GetValueOrDefault(key)?.Select(r => r.Reference).ToList() ?? [],
                IdOf(sheet, row, ids));
            group.Items.Add((target, row));
        }
        var keys = groups.SelectMany(g => g.Items).Select(i => i.Item.Key).ToHashSet();
        foreach (var (key, rows) in references ?? [])
            if (!keys.Contains(key))
                foreach (var (_, row) in rows)
                    read.Add(ReferenceSheet, row + 1, HeaderOf(ReferenceColumns, "key"), $"Không có chỉ tiêu mã '{WorkbookCells.Quote(key)}' ở trang “{TargetSheet}”.");
        return groups.Select(g =>
        {
            var content = new TargetGroupContent(g.Code, g.Title, g.Items.Select(i => i.Item).ToList());
            read.Place(content, g.Row + 1);
            foreach (var (item, row) in g.Items) read.Place(item, row + 1);
            return content;
        }).ToList();
    }

    /// <summary>A baseline or result: it exists when its year is given; a value or line without a year is a mistake.</summary>
    private static StatedValue? Stated(WorkbookSheet sheet, int row, string yearField, string valueField, string lineField, string? textField)
    {
        var year = sheet.Year(row, yearField);
        var value = sheet.Number(row, valueField);
        var line = sheet.Count(row, lineField);
        var text = textField is null ? null : sheet.Optional(row, textField);
        if (year is { } y) return new StatedValue(value, y, line ?? 0, text);
        if ((value is not null || text is not null) && sheet.Cell(row, yearField).Length == 0)
            sheet.Problem(row, yearField, $"Có {sheet.Header(valueField).ToLowerInvariant()} nhưng thiếu {sheet.Header(yearField).ToLowerInvariant()}.");
        return null;
    }

    private static List<TaskGroupContent> ReadTasks(WorkbookSheet sheet, WorkbookRead read)
    {
        var groups = new List<Rows<TaskContent>>();
        var ids = new HashSet<int>();
        var itemFields = TaskColumns.Select(c => c.Field).Except(["group", "groupTitle", "groupSource"]).ToList();
        foreach (var row in sheet.DataRows)
        {
            var group = GroupOf(groups, sheet, row);
            group.Source ??= sheet.Optional(row, "groupSource");
            if (sheet.IsBlank(row, itemFields)) continue;
            var task = new TaskContent(sheet.Optional(row, "number"), sheet.Cell(row, "text"), sheet.Names(row, "lead"), sheet.Names(row, "coordinating"),
                sheet.Year(row, "startYear"), sheet.Year(row, "endYear"), sheet.Optional(row, "timeframe"), sheet.Cell(row, "source"),
                sheet.Count(row, "line") ?? 0, IdOf(sheet, row, ids));
            group.Items.Add((task, row));
        }
        return groups.Select(g =>
        {
            var content = new TaskGroupContent(g.Code, g.Title, g.Items.Select(i => i.Item).ToList(), g.Source);
            read.Place(content, g.Row + 1);
            foreach (var (item, row) in g.Items) read.Place(item, row + 1);
            return content;
        }).ToList();
    }
}
