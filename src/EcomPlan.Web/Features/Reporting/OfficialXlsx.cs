using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// The tables of an <see cref="OfficialDocument"/> as a workbook, one worksheet each: the subject as a title, the
/// header row in bold, then the rows, Vietnamese-formatted numbers as numbers so that they can be summed.
/// </summary>
public static class OfficialXlsx
{
    /// <summary>The sheet of a document without tables.</summary>
    public const string EmptySheetName = "Báo cáo";

    private const int MinWidth = 6, MaxWidth = 60;

    /// <summary>The .xlsx file of the document's tables.</summary>
    public static byte[] Write(OfficialDocument document)
    {
        var subject = OfficialText.OneLine(document.Subject);
        var tables = document.Sections.Select(s => s.Table).OfType<DocumentTable>().ToList();
        using var memory = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = OfficialXlsxStyle.Stylesheet();
            var sheets = new Sheets();
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (tables.Count == 0) tables.Add(new DocumentTable(EmptySheetName, [], []));
            for (var t = 0; t < tables.Count; t++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(subject, tables[t], selected: t == 0);
                var name = SheetName(tables[t].SheetName, taken);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(t + 1), Name = name });
            }
            workbook.Workbook.Append(sheets);
            package.PackageProperties.Title = subject;
        }
        return memory.ToArray();
    }

    /// <summary>
    /// A name Excel accepts: none of []:*?/\, no apostrophe at either end, at most 31 characters, not "History"
    /// (Excel keeps it for itself), and unlike the names before it, whatever the case ("Chỉ tiêu (2)").
    /// </summary>
    internal static string SheetName(string? wanted, ISet<string> taken)
    {
        var name = new string(OfficialText.OneLine(wanted).Normalize(NormalizationForm.FormC).Select(ch => "[]:*?/\\".Contains(ch) ? '-' : ch).ToArray()).Trim().Trim('\'').Trim();
        if (name.Length == 0) name = "Bảng";
        taken.Add("History");
        var candidate = Cut(name, 31);
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Cut(name, 31 - suffix.Length).TrimEnd() + suffix;
        }
        return candidate;
    }

    // Whole characters only: never a letter without its tone mark, nor half a surrogate pair.
    private static string Cut(string text, int length)
    {
        var end = 0;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text, end);
            if (next > length) break;
            end = next;
        }
        return text[..end];
    }

    private static Worksheet Worksheet(string subject, DocumentTable table, bool selected)
    {
        var columns = Math.Max(table.Columns.Count, 1);
        var data = new SheetData();
        var merges = new List<string>();
        data.Append(new Row(TextCell(0, 1, subject, OfficialXlsxStyle.Title)) { RowIndex = 1 });
        if (columns > 1) merges.Add($"A1:{ColumnName(columns - 1)}1");
        var hasHeader = table.Columns.Count > 0;
        if (hasHeader)
            data.Append(new Row(table.Columns.Select((text, c) => TextCell(c, 2, text, OfficialXlsxStyle.Header))) { RowIndex = 2 });
        var r = hasHeader ? 3u : 2u;
        foreach (var row in table.Rows)
        {
            var xmlRow = new Row { RowIndex = r };
            if (row.IsGroupHeading)
            {
                xmlRow.Append(TextCell(0, r, string.Join(" ", row.Cells.Where(s => !string.IsNullOrWhiteSpace(s))), OfficialXlsxStyle.Group));
                // Empty bordered cells under the merge, so the group row has its frame on every side.
                for (var c = 1; c < columns; c++) xmlRow.Append(new Cell { CellReference = ColumnName(c) + r, StyleIndex = OfficialXlsxStyle.Group });
                if (columns > 1) merges.Add($"A{r}:{ColumnName(columns - 1)}{r}");
            }
            else
                for (var c = 0; c < columns; c++) xmlRow.Append(ValueCell(c, r, c < row.Cells.Count ? row.Cells[c] : ""));
            data.Append(xmlRow);
            r++;
        }
        var worksheet = new Worksheet(Views(selected, hasHeader));
        if (hasHeader) worksheet.Append(Widths(table));
        worksheet.Append(data);
        if (merges.Count > 0) worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        worksheet.Append(
            new PageMargins { Left = 0.7, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape });
        return worksheet;
    }

    // The title and the header stay in sight while scrolling a long table.
    private static SheetViews Views(bool selected, bool frozen)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (selected) view.TabSelected = true;
        if (frozen)
        {
            view.Append(
                new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A3", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A3" } });
        }
        return new SheetViews(view);
    }

    // Characters of the longest line in a column, within bounds; group rows span the table and do not count.
    private static Columns Widths(DocumentTable table)
    {
        var result = new Columns();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var longest = table.Rows.Where(r => !r.IsGroupHeading && c < r.Cells.Count).Select(r => r.Cells[c])
                .Prepend(table.Columns[c])
                .SelectMany(t => OfficialText.Clean(t).Split('\n'))
                .Max(l => l.Length);
            var width = Math.Clamp(longest + 2, MinWidth, MaxWidth);
            result.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
        }
        return result;
    }

    private static Cell TextCell(int column, uint row, string? text, uint style) => new()
    {
        CellReference = ColumnName(column) + row,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(OfficialText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    // The first column holds order numbers and codes ("1", "1.2"), text whatever they look like.
    private static Cell ValueCell(int column, uint row, string text)
    {
        if (column > 0 && VietnameseNumber.TryParse(text.Trim(), out var invariant, out var decimals, out var grouped))
            return new Cell
            {
                CellReference = ColumnName(column) + row,
                DataType = CellValues.Number,
                CellValue = new CellValue(invariant),
                StyleIndex = OfficialXlsxStyle.Number(decimals, grouped),
            };
        return TextCell(column, row, text, OfficialXlsxStyle.Text);
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
