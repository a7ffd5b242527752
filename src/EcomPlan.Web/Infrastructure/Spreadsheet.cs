using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EcomPlan.Web.Infrastructure;

/// <summary>Tables in and out of CSV (UTF-8) and XLSX (first worksheet), as rows of strings.</summary>
public static class Spreadsheet
{
    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads every row; throws <see cref="FormatException"/> with a Vietnamese message for a file that is not a table.</summary>
    public static List<string[]> Read(Stream stream, string fileName)
    {
        if (IsXlsx(fileName)) return ReadXlsx(stream);
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            throw new FormatException("Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return Csv.Read(reader).ToList();
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("Tệp CSV không phải mã UTF-8. Hãy lưu lại với mã UTF-8 (Excel: \"CSV UTF-8\").");
        }
    }

    private static List<string[]> ReadXlsx(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new FormatException("Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.");
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new FormatException("Bảng tính không có trang nào.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new FormatException("Bảng tính không có trang nào.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var rows = new List<string[]>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new SortedDictionary<int, string>();
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    // Writers may leave out cell references; cells are then in column order.
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                    position = column + 1;
                    var raw = cell.CellValue?.InnerText ?? cell.InlineString?.InnerText ?? "";
                    cells[column] = cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var i) && i < shared.Length ? shared[i] : raw;
                }
                var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
                rows.Add(Enumerable.Range(0, width).Select(c => cells.GetValueOrDefault(c, "")).ToArray());
            }
            return rows;
        }
    }

    private static int ColumnIndex(string? reference)
    {
        var index = 0;
        foreach (var ch in reference ?? "A")
        {
            if (!char.IsLetter(ch)) break;
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return index - 1;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    public static byte[] WriteCsv(IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
            sb.Append(string.Join(",", row.Select(v => v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v))).Append('\n');
        // A BOM so that Excel opens the Vietnamese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>One worksheet; numbers that parse invariantly are written as numbers, the rest as text.</summary>
    public static byte[] WriteXlsx(string sheetName, IEnumerable<IReadOnlyList<string>> rows, int numericFromRow = 1)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var r = 0;
            foreach (var row in rows)
            {
                var xmlRow = new Row { RowIndex = (uint)(r + 1) };
                var c = 0;
                foreach (var value in row)
                {
                    var numeric = r >= numericFromRow && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
                    var cell = numeric
                        ? new Cell { CellValue = new CellValue(value), DataType = CellValues.Number }
                        : new Cell { InlineString = new InlineString(new Text(value)), DataType = CellValues.InlineString };
                    cell.CellReference = ColumnName(c++) + (r + 1);
                    xmlRow.Append(cell);
                }
                data.Append(xmlRow);
                r++;
            }
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return memory.ToArray();
    }
}
