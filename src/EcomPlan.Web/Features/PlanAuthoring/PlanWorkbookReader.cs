using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using static EcomPlan.Web.Features.PlanAuthoring.PlanWorkbook;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// Reads the workbook <see cref="PlanWorkbookWriter"/> writes (or a person filled in) into a plan content. Every
/// problem of the file is collected, none stops the reading of the rest, so one report lists them all. Pure.
/// </summary>
internal static partial class PlanWorkbookReader
{
    private static readonly SpreadsheetLimits Limits = SpreadsheetLimits.Default with { MaxRows = 20_001 };

    public static WorkbookRead Read(Stream stream, string fileName)
    {
        var read = new WorkbookRead();
        if (!Spreadsheet.IsXlsx(fileName))
        {
            read.Add("", 0, "", "Chỉ nhận tệp Excel (.xlsx) theo mẫu kế hoạch: tải mẫu hoặc xuất Excel một kế hoạch rồi điền vào.");
            return read;
        }
        IReadOnlyList<(string Name, List<string[]> Rows)> sheets;
        try
        {
            sheets = Spreadsheet.ReadSheets(stream, fileName, Limits);
        }
        catch (FormatException e)
        {
            read.Add("", 0, "", e.Message);
            return read;
        }
        List<string[]>? Find(string name) => sheets.FirstOrDefault(s => Fold(s.Name) == Fold(name)).Rows;
        foreach (var name in new[] { PlanSheet, TargetSheet, TaskSheet }.Where(n => Find(n) is null))
            read.Add(name, 0, "", $"Thiếu trang “{name}”. Tệp phải theo mẫu kế hoạch (các trang {PlanSheet}, {TargetSheet}, {TaskSheet}); tải mẫu ở trang Nhập kế hoạch.");
        if (read.Problems.Count > 0) return read;

        var planSheet = WorkbookSheet.Open(read, PlanSheet, Find(PlanSheet)!, PlanColumns, "label", "value");
        List<StatementContent> viewpoints = [], objectives = [];
        var header = planSheet is null ? null : ReadPlan(planSheet, viewpoints, objectives);
        if (Find(AgencySheet) is { } agencyRows && WorkbookSheet.Open(read, AgencySheet, agencyRows, AgencyColumns, "name") is { } agencies)
            ReadAgencies(agencies, read);
        var references = Find(ReferenceSheet) is { } referenceRows
            ? WorkbookSheet.Open(read, ReferenceSheet, referenceRows, ReferenceColumns, "key", "relation") is { } sheet ? ReadReferences(sheet) : []
            : null;
        var targets = WorkbookSheet.Open(read, TargetSheet, Find(TargetSheet)!, TargetColumns, "group", "key", "text", "kind") is { } t
            ? ReadTargets(t, read, references) : null;
        var tasks = WorkbookSheet.Open(read, TaskSheet, Find(TaskSheet)!, TaskColumns, "group", "text") is { } k ? ReadTasks(k, read) : null;
        if (header is not null && targets is not null && tasks is not null)
            read.Content = new PlanContent(header, viewpoints, objectives, targets, tasks);
        return read;
    }

    /// <summary>The plan's own fields; null when the level, province or period is missing or unreadable (no rule could be checked).</summary>
    private static PlanHeader? ReadPlan(WorkbookSheet sheet, List<StatementContent> viewpoints, List<StatementContent> objectives)
    {
        var values = new Dictionary<string, (string Value, int Row)>();
        foreach (var row in sheet.DataRows)
        {
            var label = sheet.Cell(row, "label");
            var field = PlanFields.FirstOrDefault(f => Fold(f.Label) == Fold(label)).Field;
            var value = sheet.Cell(row, "value");
            if (field is "viewpoint" or "objective")
            {
                if (value.Length > 0) (field == "viewpoint" ? viewpoints : objectives).Add(new StatementContent(value, sheet.Count(row, "line") ?? 0));
            }
            else if (field is null)
                sheet.Problem(row, "label", label.Length == 0
                    ? "Dòng có giá trị nhưng không có tên mục."
                    : $"Mục '{WorkbookCells.Quote(label)}' không có trong mẫu (các mục: {string.Join(", ", PlanFields.Select(f => f.Label).Distinct())}).");
            else if (!values.TryAdd(field, (value, row)))
                sheet.Problem(row, "label", $"Mục “{label}” được ghi hai lần (dòng {values[field].Row + 1} và dòng {row + 1}).");
        }
        var read = sheet.Read;
        // The rules' problems about the plan's own fields point at these rows.
        foreach (var (field, (_, row)) in values) read.PlacePlanField(field, row + 1);
        string? Text(string field) => values.TryGetValue(field, out var v) && v.Value.Length > 0 ? v.Value : null;
        int RowOf(string field) => values.TryGetValue(field, out var v) ? v.Row : -1;
        void Problem(string field, string message)
        {
            if (RowOf(field) >= 0) sheet.Problem(RowOf(field), "value", message);
            else read.Add(PlanSheet, 0, sheet.Header("label"), $"Thiếu dòng “{PlanFields.First(f => f.Field == field).Label}”. {message}");
        }
        T? Parse<T>(string field, (T? Value, string? Error) parsed, string missing) where T : struct
        {
            if (parsed.Error is not null) Problem(field, parsed.Error);
            else if (parsed.Value is null) Problem(field, missing);
            return parsed.Value;
        }

        var level = Parse("level", WorkbookCells.Level(Text("level") ?? ""), "Ghi cấp của kế hoạch: 'Tỉnh' hoặc 'Quốc gia'.");
        var province = Text("provinceCode") is { } code ? WorkbookCells.ProvinceCode(code) : null;
        var provinceOk = level switch
        {
            PlanLevel.Provincial when province is null => Fail(() => Problem("provinceCode", "Kế hoạch cấp tỉnh cần mã tỉnh (xem trang “Giá trị cho phép”).")),
            PlanLevel.National when province is not null => Fail(() => Problem("provinceCode", "Kế hoạch quốc gia không ghi mã tỉnh.")),
            _ => true,
        };
        var start = Parse("periodStart", WorkbookCells.Year(Text("periodStart") ?? ""), "Ghi năm đầu của giai đoạn (ví dụ 2026).");
        var end = Parse("periodEnd", WorkbookCells.Year(Text("periodEnd") ?? ""), "Ghi năm cuối của giai đoạn (ví dụ 2030).");
        var (date, dateError) = WorkbookCells.Date(Text("documentDate") ?? "");
        if (dateError is not null) Problem("documentDate", dateError);
        var (source, sourceError) = WorkbookCells.SourceKind(Text("sourceKind") ?? "");
        if (sourceError is not null) Problem("sourceKind", sourceError);
        if (level is null || !provinceOk || start is null || end is null) return null;
        return new PlanHeader(Text("title") ?? "", level.Value, province, start.Value, end.Value, Text("documentNumber"), date, Text("issuingBody") ?? "",
            source, Text("sourceNote"), Text("nationalPlanId"), Text("note"));
    }

    private static bool Fail(Action report)
    {
        report();
        return false;
    }

    private static void ReadAgencies(WorkbookSheet sheet, WorkbookRead read)
    {
        foreach (var row in sheet.DataRows)
        {
            var name = sheet.Cell(row, "name");
            var (kind, error) = WorkbookCells.AgencyKind(sheet.Cell(row, "kind"));
            if (name.Length == 0) sheet.Problem(row, "name", "Thiếu tên cơ quan.");
            else if (error is not null) sheet.Problem(row, "kind", error);
            else if (kind is not null) read.AgencyKinds.TryAdd(Fold(name), kind);
        }
    }

    /// <summary>Each target's other places in the document, by target key, with the row of each.</summary>
    private static Dictionary<string, List<(ReferenceContent Reference, int Row)>> ReadReferences(WorkbookSheet sheet)
    {
        var references = new Dictionary<string, List<(ReferenceContent, int)>>();
        foreach (var row in sheet.DataRows)
        {
            var key = sheet.Cell(row, "key");
            var relation = Fold(sheet.Cell(row, "relation"));
            bool? conflict = relation == Fold(PlanWorkbookWriter.Conflicting) ? true : relation == Fold(PlanWorkbookWriter.Agreeing) ? false : null;
            if (key.Length == 0) sheet.Problem(row, "key", "Thiếu mã chỉ tiêu.");
            if (conflict is null)
                sheet.Problem(row, "relation", $"Quan hệ phải là '{PlanWorkbookWriter.Agreeing}' hoặc '{PlanWorkbookWriter.Conflicting}'.");
            var reference = new ReferenceContent(conflict ?? false, sheet.Cell(row, "source"), sheet.Count(row, "line") ?? 0, sheet.Optional(row, "text"),
                sheet.Number(row, "value"), sheet.Number(row, "min"), sheet.Number(row, "max"));
            if (key.Length > 0 && conflict is not null)
            {
                if (!references.TryGetValue(key, out var list)) references[key] = list = [];
                list.Add((reference, row));
            }
        }
        return references;
    }
}
