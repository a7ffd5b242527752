using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>Workbooks for the import tests: a small valid plan, and its sheets edited cell by cell as a person would in Excel.</summary>
public sealed class WorkbookFiles
{
    private readonly List<(string Name, List<string[]> Rows)> sheets;

    private WorkbookFiles(IEnumerable<(string Name, List<string[]> Rows)> sheets) => this.sheets = sheets.ToList();

    public static WorkbookFiles Of(byte[] xlsx) => new(Spreadsheet.ReadSheets(new MemoryStream(xlsx), "a.xlsx"));

    public static WorkbookFiles Of(PlanContent content) => Of(PlanWorkbook.Write(content, WorkbookCatalogue.Empty));

    /// <summary>Hà Nội's plan (code "01", which a number cell would make 1): two targets in one group, one task; agencies that exist centrally.</summary>
    public static PlanContent Sample(string province = "01", string place = "thành phố Hà Nội") => new(
        new PlanHeader($"Kế hoạch phát triển thương mại điện tử {place} giai đoạn 2026 - 2030", PlanLevel.Provincial, province, 2026, 2030, "12/KH-UBND",
            new DateOnly(2026, 1, 15), $"Ủy ban nhân dân {place}", PlanSourceKind.FormOnly, null, null, null),
        [new StatementContent("Thương mại điện tử là động lực của kinh tế số.")],
        [new StatementContent("Phát triển thương mại điện tử bền vững.")],
        [
            new TargetGroupContent("I", "Về môi trường kinh doanh", [
                new TargetContent("I.1", "Dân số tham gia mua sắm trực tuyến đạt 70%", "online_shoppers_population_share", TargetKind.Floor, 70, null, null,
                    false, null, "%", null, 2030, ["Bộ Công Thương"]),
                new TargetContent("I.10", "Giảm bao bì nhựa trong giao hàng", null, TargetKind.Qualitative, null, null, null, false, null, null, null, 2030, []),
            ]),
        ],
        [
            new TaskGroupContent("1", "Hoàn thiện thể chế", [
                new TaskContent("1", "Xây dựng quy định về sàn thương mại điện tử của thành phố", ["Bộ Công Thương"], [], 2026, 2027, null),
            ]),
        ]);

    public IReadOnlyList<string[]> Rows(string sheet) => Find(sheet).Rows;

    private (string Name, List<string[]> Rows) Find(string sheet) => sheets.Single(s => s.Name == sheet);

    /// <summary>Sets a cell by its column header; row 2 is the first data row, as Excel numbers them.</summary>
    public WorkbookFiles Set(string sheet, int row, string header, string value)
    {
        var rows = Find(sheet).Rows;
        var column = Array.IndexOf(rows[0], header);
        Assert.True(column >= 0, $"no column {header} in {sheet}");
        while (rows.Count < row) rows.Add([]);
        var cells = rows[row - 1];
        if (cells.Length <= column) Array.Resize(ref cells, column + 1);
        for (var i = 0; i < cells.Length; i++) cells[i] ??= "";
        cells[column] = value;
        rows[row - 1] = cells;
        return this;
    }

    /// <summary>Sets the value of a field of the plan sheet (by its label).</summary>
    public WorkbookFiles SetPlan(string label, string value)
    {
        var row = Find(PlanWorkbook.PlanSheet).Rows.FindIndex(r => r.Length > 0 && r[0] == label);
        return Set(PlanWorkbook.PlanSheet, row + 1, "Giá trị", value);
    }

    /// <summary>A copy of data row <paramref name="row"/> appended at the end, with some cells changed.</summary>
    public WorkbookFiles CopyRow(string sheet, int row, params (string Header, string Value)[] changes)
    {
        var rows = Find(sheet).Rows;
        rows.Add((string[])rows[row - 1].Clone());
        foreach (var (header, value) in changes) Set(sheet, rows.Count, header, value);
        return this;
    }

    public WorkbookFiles Without(string sheet)
    {
        sheets.RemoveAll(s => s.Name == sheet);
        return this;
    }

    public byte[] Bytes() => Spreadsheet.WriteXlsx(sheets.Select(s => (s.Name, (IEnumerable<IReadOnlyList<string>>)s.Rows)));
}
