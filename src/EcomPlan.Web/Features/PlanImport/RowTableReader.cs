namespace EcomPlan.Web.Features.PlanImport;

/// <summary>A table row opened by its number ("1", "IV"); a Roman number opens a group row.</summary>
public sealed record TableRow(string Number, bool IsGroup, int Line, IReadOnlyList<TableCell> Cells);

/// <summary>A row of a target annex: the target, its value and the units monitoring it.</summary>
public sealed record AnnexTargetRow(string? Number, string Text, int Line, ItemGroup? Group, TargetReading Reading, IReadOnlyList<string> Monitors);

/// <summary>
/// Reads tables whose rows are numbered ("TT | Nội dung | Cơ quan chủ trì | Thời gian"): cells after a row
/// number belong to that row. The first cell is the task; a timeframe-like cell is the time; the others fill
/// the agency and note columns in the header's order, so a row whose lead cell is missing gets no lead.
/// </summary>
public static class RowTableReader
{
    public static IReadOnlyList<TableRow> Rows(IReadOnlyList<TableCell> cells)
    {
        var rows = new List<TableRow>();
        string? number = null;
        var roman = false;
        var line = 0;
        var current = new List<TableCell>();
        foreach (var cell in cells)
        {
            if (!cell.Text.Contains('\n') && Outline.IsRowNumber(cell.Text, out var n, out var r))
            {
                if (number is not null) rows.Add(new TableRow(number, roman, line, current));
                (number, roman, line, current) = (n, r, cell.Line, []);
                continue;
            }
            if (number is not null) current.Add(cell);
        }
        if (number is not null) rows.Add(new TableRow(number, roman, line, current));
        return rows;
    }

    public static IReadOnlyList<TaskItem> Tasks(Annex annex, IReadOnlyList<string> lines)
    {
        var tasks = new List<TaskItem>();
        ItemGroup? group = null;
        var slots = annex.Columns.Where(c => c is ColumnRole.Lead or ColumnRole.Coordinating or ColumnRole.Note).ToList();
        if (!slots.Contains(ColumnRole.Lead)) slots.Insert(0, ColumnRole.Lead);
        foreach (var row in Rows(TableCells.Read(lines, annex.BodyStart, annex.End)))
        {
            var cells = row.Cells.Where(c => !c.IsEmpty).ToList();
            if (row.IsGroup)
            {
                if (cells.Count > 0) group = new ItemGroup(row.Number, Flat(cells[0].Text), row.Line);
                continue;
            }
            if (cells.Count == 0 || ImportText.IsPlaceholder(cells[0].Text)) continue;
            var content = Flat(cells[0].Text);
            var filled = new Dictionary<ColumnRole, string>();
            Timeframe? time = null;
            var last = ColumnRole.Content;
            foreach (var cell in cells.Skip(1))
            {
                if (cell.Column is { } k && k < annex.Columns.Count && annex.Columns[k] is not (ColumnRole.Number or ColumnRole.Content))
                {
                    // A whole row on one line: the column says what the cell is, even when a cell before it is empty.
                    if (annex.Columns[k] == ColumnRole.Time) time = Timeframes.Parse(cell.Text) ?? new Timeframe(null, null, Flat(cell.Text));
                    else filled[annex.Columns[k]] = cell.Text;
                    continue;
                }
                if (ImportText.IsPlaceholder(cell.Text)) continue;
                if (last == ColumnRole.Content && (Paragraphs.StartsLower(cell.Text) || AgencyBlockReader.IsBullet(cell.Text)))
                {
                    content += " " + Flat(cell.Text);
                    continue;
                }
                if (time is null && Timeframes.Parse(cell.Text) is { } t) { time = t; last = ColumnRole.Time; continue; }
                var slot = slots.FirstOrDefault(s => !filled.ContainsKey(s), ColumnRole.Note);
                filled[slot] = filled.TryGetValue(slot, out var had) ? had + "\n" + cell.Text : cell.Text;
                last = slot;
            }
            tasks.Add(new TaskItem(row.Number, content, cells[0].Line, group,
                filled.TryGetValue(ColumnRole.Lead, out var lead) ? AgencyNames.Split(lead) : [],
                filled.TryGetValue(ColumnRole.Coordinating, out var coord) ? AgencyNames.Split(coord) : [],
                time?.StartYear, time?.EndYear, time?.Words, annex.Name));
        }
        return tasks;
    }

    public static IReadOnlyList<AnnexTargetRow> Targets(Annex annex, IReadOnlyList<string> lines)
    {
        var result = new List<AnnexTargetRow>();
        ItemGroup? group = null;
        var order = annex.Columns.Where(c => c is not ColumnRole.Number).ToList();
        foreach (var row in Rows(TableCells.Read(lines, annex.BodyStart, annex.End)))
        {
            var cells = row.Cells.Where(c => !c.IsEmpty).ToList();
            if (row.IsGroup)
            {
                if (cells.Count > 0) group = new ItemGroup(row.Number, Flat(cells[0].Text), row.Line);
                continue;
            }
            if (cells.Count == 0 || ImportText.IsPlaceholder(cells[0].Text)) continue;
            string Cell(ColumnRole role) => order.IndexOf(role) is var k and >= 0 && k < cells.Count ? Flat(cells[k].Text) : "";
            var name = Cell(ColumnRole.Content);
            var value = Cell(ColumnRole.Value);
            var text = ImportText.Squash(name + " " + value);
            var monitors = order.IndexOf(ColumnRole.Lead) is var li and >= 0 && li < cells.Count ? AgencyNames.Split(cells[li].Text) : [];
            foreach (var reading in TargetPhrase.ReadAll(text))
                result.Add(new AnnexTargetRow(row.Number, text, cells[0].Line, group, reading with { Text = text }, monitors));
        }
        return result;
    }

    private static string Flat(string cell) => ImportText.Squash(cell.Replace('\n', ' '));
}
