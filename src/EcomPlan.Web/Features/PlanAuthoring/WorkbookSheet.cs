namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// One sheet of an uploaded workbook: columns found by their header (any order, case and diacritics ignored, unknown
/// columns left alone), cells by field, and every problem reported at the sheet's row and the column's header.
/// </summary>
internal sealed class WorkbookSheet
{
    private readonly WorkbookRead read;
    private readonly List<string[]> rows;
    private readonly IReadOnlyList<WorkbookColumn> layout;
    private readonly Dictionary<string, int> columns = [];

    public string Name { get; }

    public WorkbookRead Read => read;

    private WorkbookSheet(WorkbookRead read, string name, List<string[]> rows, IReadOnlyList<WorkbookColumn> layout)
    {
        (this.read, Name, this.rows, this.layout) = (read, name, rows, layout);
        var header = rows.Count > 0 ? rows[0] : [];
        foreach (var column in layout)
        {
            var index = Array.FindIndex(header, h => WorkbookCells.Fold(h) == WorkbookCells.Fold(column.Header));
            if (index >= 0) columns[column.Field] = index;
        }
    }

    /// <summary>The sheet, or null (with a problem for each) when a required column is missing.</summary>
    public static WorkbookSheet? Open(WorkbookRead read, string name, List<string[]> rows, IReadOnlyList<WorkbookColumn> layout, params string[] required)
    {
        var sheet = new WorkbookSheet(read, name, rows, layout);
        var missing = required.Where(f => !sheet.columns.ContainsKey(f)).ToList();
        foreach (var field in missing)
            read.Add(name, 1, sheet.Header(field), $"Thiếu cột “{sheet.Header(field)}” ở dòng tiêu đề (dòng 1) của trang “{name}”.");
        return missing.Count == 0 ? sheet : null;
    }

    /// <summary>Indexes of the rows after the header that hold anything; row index i is the sheet's row i + 1.</summary>
    public IEnumerable<int> DataRows => Enumerable.Range(1, Math.Max(0, rows.Count - 1))
        .Where(i => columns.Values.Any(c => c < rows[i].Length && !string.IsNullOrWhiteSpace(rows[i][c])));

    public string Cell(int row, string field) =>
        columns.TryGetValue(field, out var c) && c < rows[row].Length ? rows[row][c].Trim() : "";

    public string? Optional(int row, string field) => Cell(row, field) is { Length: > 0 } v ? v : null;

    public bool IsBlank(int row, IEnumerable<string> fields) => fields.All(f => Cell(row, f).Length == 0);

    public string Header(string field) => layout.First(c => c.Field == field).Header;

    public void Problem(int row, string field, string message) => read.Add(Name, row + 1, Header(field), message);

    public void Quiet(int row, params string[] fields)
    {
        foreach (var field in fields) read.Quiet(Name, row + 1, Header(field));
    }

    public decimal? Number(int row, string field) => Report(row, field, WorkbookCells.Number(Cell(row, field)));

    public int? Year(int row, string field) => Report(row, field, WorkbookCells.Year(Cell(row, field)));

    public int? Count(int row, string field) => Report(row, field, WorkbookCells.Count(Cell(row, field), Header(field)));

    public bool Flag(int row, string field)
    {
        var (value, error) = WorkbookCells.Flag(Cell(row, field));
        if (error is not null) Problem(row, field, error);
        return value;
    }

    public List<string> Names(int row, string field) => WorkbookCells.Names(Cell(row, field));

    private T? Report<T>(int row, string field, (T? Value, string? Error) parsed) where T : struct
    {
        if (parsed.Error is not null) Problem(row, field, parsed.Error);
        return parsed.Value;
    }
}
