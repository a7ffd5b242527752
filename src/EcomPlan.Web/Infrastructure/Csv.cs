using System.Text;

namespace EcomPlan.Web.Infrastructure;

/// <summary>Minimal RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes and line breaks.</summary>
public static class Csv
{
    /// <summary>Rows as dictionaries keyed by the header row's column names.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadWithHeader(TextReader reader)
    {
        string[]? header = null;
        foreach (var row in Read(reader))
        {
            if (header is null) { header = row; continue; }
            if (row.Length == 1 && row[0].Length == 0) continue;
            if (row.Length != header.Length)
                throw new FormatException($"CSV row has {row.Length} fields, header has {header.Length}: {string.Join(",", row)}");
            var dict = new Dictionary<string, string>(header.Length);
            for (var i = 0; i < header.Length; i++) dict[header[i]] = row[i];
            yield return dict;
        }
    }

    public static IEnumerable<string[]> Read(TextReader reader) => Read(reader, SpreadsheetLimits.Default);

    /// <summary>
    /// Rows as they are read, refusing (<see cref="FormatException"/>, in Vietnamese, naming the row) a field, row or
    /// table past the limits as soon as it gets there: an unterminated quote cannot buffer the rest of the file.
    /// </summary>
    public static IEnumerable<string[]> Read(TextReader reader, SpreadsheetLimits limits)
    {
        var budget = new TableBudget(limits);
        var fields = new List<string>();
        var field = new StringBuilder();
        var buffer = new char[4096];
        var inQuotes = false;
        var afterQuote = false; // a quote inside quotes: doubled ("") or closing, told by the next character
        var number = 1;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var ch = buffer[i];
                if (afterQuote)
                {
                    afterQuote = false;
                    if (ch == '"') { Append(ch); continue; }
                    inQuotes = false;
                }
                if (inQuotes)
                {
                    if (ch == '"') afterQuote = true;
                    else Append(ch);
                    continue;
                }
                switch (ch)
                {
                    case '"': inQuotes = true; break;
                    case ',': EndField(); break;
                    case '\r': break;
                    case '\n':
                        EndField();
                        yield return EndRow();
                        break;
                    default: Append(ch); break;
                }
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            EndField();
            yield return EndRow();
        }

        void Append(char ch)
        {
            if (field.Length >= limits.MaxCellCharacters)
                throw new FormatException($"Ô {Spreadsheet.ColumnName(fields.Count)}{number} (dòng {number}) dài hơn {SpreadsheetLimits.N(limits.MaxCellCharacters)} ký tự"
                    + (inQuotes ? " (có thể thiếu dấu \" đóng)." : "."));
            field.Append(ch);
        }

        void EndField()
        {
            if (fields.Count >= limits.MaxColumns)
                throw new FormatException($"Dòng {number} có hơn {SpreadsheetLimits.N(limits.MaxColumns)} cột.");
            budget.AddText(field.Length);
            fields.Add(field.Length == 0 ? "" : field.ToString());
            field.Clear();
        }

        string[] EndRow()
        {
            if (number > limits.MaxRows)
                throw new FormatException($"Tệp có hơn {SpreadsheetLimits.N(limits.MaxRows)} dòng; hãy chia thành nhiều tệp nhỏ hơn.");
            budget.AddRow(fields.Count);
            number++;
            var row = fields.ToArray();
            fields.Clear();
            return row;
        }
    }
}
