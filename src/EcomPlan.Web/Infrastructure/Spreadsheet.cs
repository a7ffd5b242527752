using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// Tables in and out of CSV (UTF-8) and XLSX, as rows of strings. Reading is bounded by <see cref="SpreadsheetLimits"/>
/// (uploads are untrusted); every refusal is a <see cref="FormatException"/> with a Vietnamese message that does not
/// repeat the file's content.
/// </summary>
public static partial class Spreadsheet
{
    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every row of the first worksheet (or of the CSV) with the default limits.</summary>
    public static List<string[]> Read(Stream stream, string fileName) => Read(stream, fileName, SpreadsheetLimits.Default);

    /// <summary>Every row of the first worksheet (or of the CSV); row k of the sheet is item k-1.</summary>
    public static List<string[]> Read(Stream stream, string fileName, SpreadsheetLimits limits) =>
        IsXlsx(fileName) ? XlsxReader.Read(stream, limits, firstOnly: true)[0].Rows : ReadCsv(stream, fileName, limits);

    /// <summary>
    /// Every worksheet, in workbook order, with its name (chart sheets are left out). Limits on rows and columns
    /// apply to each sheet, the others to the whole file. A CSV is one sheet named after the file.
    /// </summary>
    public static IReadOnlyList<(string Name, List<string[]> Rows)> ReadSheets(Stream stream, string fileName, SpreadsheetLimits? limits = null) =>
        IsXlsx(fileName)
            ? XlsxReader.Read(stream, limits ?? SpreadsheetLimits.Default, firstOnly: false)
            : [(Path.GetFileNameWithoutExtension(fileName), ReadCsv(stream, fileName, limits ?? SpreadsheetLimits.Default))];

    private static List<string[]> ReadCsv(Stream stream, string fileName, SpreadsheetLimits limits)
    {
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            throw new FormatException("Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return Csv.Read(reader, limits).ToList();
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("Tệp CSV không phải mã UTF-8. Hãy lưu lại với mã UTF-8 (Excel: \"CSV UTF-8\").");
        }
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>
    /// CSV for spreadsheet programs. A cell starting with = + - @, a tab or a carriage return would be taken as a
    /// formula when the file is opened (formula or DDE injection), so it is written after an apostrophe, unless it
    /// is a plain number such as -5 or -0.25, which is data.
    /// </summary>
    public static byte[] WriteCsv(IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
            sb.Append(string.Join(",", row.Select(v => Quote(Neutralise(v))))).Append('\n');
        // A BOM so that Excel opens the Vietnamese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value) ? "'" + value : value;

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?\z")]
    private static partial Regex PlainNumber();

    /// <summary>
    /// One worksheet; from row <paramref name="numericFromRow"/> (0-based) plain numbers (-3.5, 2026) are written as
    /// numbers, the rest as text. Text is written as inline strings, never as formulas, so nothing is evaluated.
    /// </summary>
    public static byte[] WriteXlsx(string sheetName, IEnumerable<IReadOnlyList<string>> rows, int numericFromRow = 1) =>
        WriteXlsx([(sheetName, rows)], numericFromRow);

    /// <summary>Several worksheets in order, with the cells written as by the one-sheet writer (the first row as text).</summary>
    public static byte[] WriteXlsx(IEnumerable<(string SheetName, IEnumerable<IReadOnlyList<string>> Rows)> sheets) => WriteXlsx(sheets, numericFromRow: 1);

    private static byte[] WriteXlsx(IEnumerable<(string SheetName, IEnumerable<IReadOnlyList<string>> Rows)> sheets, int numericFromRow) =>
        WriteXlsx(sheets.Select(s => new XlsxSheet(s.SheetName, s.Rows)), numericFromRow);

    /// <summary>Several worksheets, each with its own text columns, widths and frozen header row.</summary>
    public static byte[] WriteXlsx(IEnumerable<XlsxSheet> sheets) => WriteXlsx(sheets, numericFromRow: 1);

    private static byte[] WriteXlsx(IEnumerable<XlsxSheet> sheets, int numericFromRow)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint id = 0;
            foreach (var sheet in sheets)
            {
                var name = sheet.Name;
                // Excel will not open a workbook whose sheet names break its rules: a bad name is a bug in the caller.
                if (name.Length is 0 or > 31 || name.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) >= 0 || name.StartsWith('\'') || name.EndsWith('\''))
                    throw new ArgumentException($"Tên trang '{name}' không hợp lệ trong Excel (1–31 ký tự, không có : \\ / ? * [ ]).", nameof(sheets));
                if (!names.Add(name)) throw new ArgumentException($"Hai trang cùng tên '{name}'.", nameof(sheets));
                var worksheet = workbook.AddNewPart<WorksheetPart>();
                worksheet.Worksheet = new Worksheet();
                if (sheet.FreezeHeader)
                    worksheet.Worksheet.Append(new SheetViews(new SheetView(
                        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
                if (sheet.Widths is { Count: > 0 } widths)
                    worksheet.Worksheet.Append(new Columns(widths.Select((w, i) =>
                        new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
                worksheet.Worksheet.Append(Cells(sheet.Rows, numericFromRow, sheet.TextColumns));
                list.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = ++id, Name = name });
            }
            if (id == 0) throw new ArgumentException("Bảng tính cần ít nhất một trang.", nameof(sheets));
            workbook.Workbook.Save();
        }
        return memory.ToArray();
    }

    private static SheetData Cells(IEnumerable<IReadOnlyList<string>> rows, int numericFromRow, IReadOnlySet<int>? textColumns)
    {
        var data = new SheetData();
        var r = 0;
        foreach (var row in rows)
        {
            var xmlRow = new Row { RowIndex = (uint)(r + 1) };
            var c = 0;
            foreach (var value in row)
            {
                // Only what a number cell may hold as written: decimal.TryParse also took "1,5" (thousands) or "5-"
                // (trailing sign), written as is into <v>, which Excel reports as a damaged file.
                var numeric = r >= numericFromRow && textColumns?.Contains(c) != true && PlainNumber().IsMatch(value) && value[0] != '+';
                var cell = numeric
                    ? new Cell { CellValue = new CellValue(value), DataType = CellValues.Number }
                    : new Cell { InlineString = new InlineString(new Text(value)), DataType = CellValues.InlineString };
                cell.CellReference = ColumnName(c++) + (r + 1);
                xmlRow.Append(cell);
            }
            data.Append(xmlRow);
            r++;
        }
        return data;
    }
}

/// <summary>
/// A worksheet to write. <paramref name="TextColumns"/> (0-based) are always text: codes such as "01" or "1.10" that a
/// number cell would show, and save back, as 1 and 1.1. <paramref name="Widths"/> are in characters, column by column.
/// </summary>
public sealed record XlsxSheet(string Name, IEnumerable<IReadOnlyList<string>> Rows, IReadOnlySet<int>? TextColumns = null,
    IReadOnlyList<double>? Widths = null, bool FreezeHeader = false);
