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

    public static IEnumerable<string[]> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else inQuotes = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return fields.ToArray();
                    fields.Clear();
                    break;
                default: field.Append(ch); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
