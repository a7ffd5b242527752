using System.Globalization;
using System.Text;
using System.Xml;
using static EcomPlan.Web.Infrastructure.SpreadsheetLimits;

namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// Reads the shared-string table and worksheets' cells as text, as the OpenXml DOM reader did: shared and inline
/// strings (rich-text runs joined, phonetic runs left out), other values as written (numbers in invariant form,
/// booleans 1/0). Row k of the sheet is row k-1 of the table, so row numbers in error messages stay right.
/// </summary>
internal sealed class XlsxSheetReader(SpreadsheetLimits limits)
{
    private readonly char[] buffer = new char[4096];
    private readonly StringBuilder text = new();
    private readonly TableBudget budget = new(limits);
    private readonly List<string> shared = [];
    private string?[] row = new string?[Math.Min(limits.MaxColumns, 64)];
    private int dirty;
    private string? sheet;

    public void ReadSharedStrings(Stream part)
    {
        using var reader = SafeXml.Create(part);
        long characters = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1 || reader.LocalName != "si") continue;
            if (shared.Count >= limits.MaxSharedStrings)
                throw new FormatException($"Tệp có hơn {N(limits.MaxSharedStrings)} chuỗi dùng chung.");
            text.Clear();
            if (!ReadRichText(reader))
                throw new FormatException($"Chuỗi dùng chung thứ {N(shared.Count + 1)} của tệp dài hơn {N(limits.MaxCellCharacters)} ký tự.");
            if ((characters += text.Length) > limits.MaxSharedStringCharacters)
                throw new FormatException($"Các chuỗi dùng chung của tệp dài hơn {N(limits.MaxSharedStringCharacters)} ký tự cộng lại.");
            shared.Add(text.Length == 0 ? "" : text.ToString());
        }
    }

    /// <summary>The rows of a worksheet part; messages name the sheet by <paramref name="label"/> (“Chỉ tiêu”) unless it is null.</summary>
    public List<string[]> ReadSheet(Stream part, string? label)
    {
        sheet = label;
        var rows = new List<string[]>();
        using var reader = SafeXml.Create(part);
        while (reader.Read())
        {
            // Nothing after sheetData (merged cells, formatting, drawings) is read.
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == "sheetData") { ReadRows(reader, rows); break; }
        }
        return rows;
    }

    private void ReadRows(XmlReader reader, List<string[]> rows)
    {
        if (reader.IsEmptyElement) return;
        var depth = reader.Depth;
        var next = 1;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1 || reader.LocalName != "row") continue;
            // Row numbers may be missing (then rows follow each other) or skip (the rows between are empty).
            var number = Math.Max(next, RowNumber(reader.GetAttribute("r")) ?? next);
            next = number + 1;
            var width = ReadCells(reader, number);
            // A row without any value (formatting only) is not kept: it becomes an empty row if data follows it.
            if (width == 0) continue;
            if (number > limits.MaxRows)
                throw new FormatException($"{(sheet is null ? "Tệp" : $"Trang {sheet}")} có hơn {N(limits.MaxRows)} dòng; hãy chia thành nhiều tệp nhỏ hơn.");
            while (rows.Count < number - 1) rows.Add([]);
            var cells = new string[width];
            for (var c = 0; c < width; c++) cells[c] = row[c] ?? "";
            budget.AddRow(width);
            rows.Add(cells);
        }
    }

    /// <summary>Fills <see cref="row"/>; the width up to the last cell, or 0 when no cell holds a value.</summary>
    private int ReadCells(XmlReader reader, int number)
    {
        Array.Clear(row, 0, dirty);
        dirty = 0;
        if (reader.IsEmptyElement) return 0;
        var depth = reader.Depth;
        var position = 0;
        var content = false;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1 || reader.LocalName != "c") continue;
            // Writers may leave out cell references; cells are then in column order.
            var column = ColumnIndex(reader.GetAttribute("r")) ?? position;
            position = column < int.MaxValue ? column + 1 : column;
            var value = ReadCell(reader, reader.GetAttribute("t"), column, number);
            if (column >= limits.MaxColumns)
            {
                // An empty cell out there is formatting only; a value is refused.
                if (value.Length == 0) continue;
                throw new FormatException($"{Cell(column, number)} nằm ngoài {N(limits.MaxColumns)} cột cho phép (A–{Spreadsheet.ColumnName(limits.MaxColumns - 1)}).");
            }
            if (column >= row.Length) Array.Resize(ref row, Math.Min(limits.MaxColumns, Math.Max(column + 1, row.Length * 2)));
            row[column] = value;
            dirty = Math.Max(dirty, column + 1);
            content |= value.Length > 0;
        }
        return content ? dirty : 0;
    }

    private string ReadCell(XmlReader reader, string? type, int column, int number)
    {
        if (reader.IsEmptyElement) return "";
        var depth = reader.Depth;
        string? value = null, inline = null;
        while (reader.Read() && reader.Depth > depth)
        {
            // A formula (<f>) is passed over unread: its cached result is in <v>.
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1) continue;
            if (reader.LocalName == "v") value = Text(reader, rich: false, column, number);
            else if (reader.LocalName == "is") inline = Text(reader, rich: true, column, number);
        }
        if (type == "s" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count)
            return shared[index];
        var result = value ?? inline ?? "";
        budget.AddText(result.Length);
        return result;
    }

    private string Text(XmlReader reader, bool rich, int column, int number)
    {
        text.Clear();
        if (!(rich ? ReadRichText(reader) : SafeXml.AppendText(reader, text, buffer, limits.MaxCellCharacters)))
            throw new FormatException($"{Cell(column, number)} dài hơn {N(limits.MaxCellCharacters)} ký tự.");
        return text.Length == 0 ? "" : text.ToString();
    }

    /// <summary>Appends the text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt;, or its runs' &lt;t&gt;, but not phonetic runs.</summary>
    private bool ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement) return true;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "rPh") SafeXml.SkipElement(reader);
            else if (reader.LocalName == "t" && !SafeXml.AppendText(reader, text, buffer, limits.MaxCellCharacters)) return false;
        }
        return true;
    }

    /// <summary>"Ô C5", with the sheet when several are read; a reference beyond Excel's last column is not spelled out.</summary>
    private string Cell(int column, int number)
    {
        var where = column < 16_384 ? $"Ô {Spreadsheet.ColumnName(column)}{number}" : $"Một ô ở dòng {number}";
        return sheet is null ? where : $"{where} (trang {sheet})";
    }

    /// <summary>The row number of r="12", or null without one; a number too long to be a row stays too large.</summary>
    private static int? RowNumber(string? reference)
    {
        if (reference is not { Length: > 0 } || !reference.All(char.IsAsciiDigit)) return null;
        var number = reference.Length > 9 ? int.MaxValue / 2 : int.Parse(reference, CultureInfo.InvariantCulture);
        return number > 0 ? number : null;
    }

    /// <summary>The column of "B3" (1), or null without letters; past Excel's XFD it stops counting (int.MaxValue).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (reference is null) return null;
        var index = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
            if (++letters > 3 || index > 16_384) return int.MaxValue;
        }
        return letters == 0 ? null : index - 1;
    }
}
