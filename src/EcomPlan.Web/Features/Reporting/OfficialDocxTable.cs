using DocumentFormat.OpenXml.Wordprocessing;
using static EcomPlan.Web.Features.Reporting.OfficialDocxParts;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>A <see cref="DocumentTable"/> in the body: full width, single borders, 12 pt, header row repeated on every page.</summary>
internal static class OfficialDocxTable
{
    private static readonly Look Cells = new(24), HeaderCells = new(24, Bold: true);

    // Cell margins on both sides; a word longer than LongestWord characters (a link) may break.
    private const int Padding = 2 * CellMargin;
    private const int LongestWord = 25;

    public static Table Build(DocumentTable source, int width)
    {
        var columns = Math.Max(source.Columns.Count, 1);
        var widths = ColumnWidths(source, width);
        var table = Table(widths, borders: true);
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var c = 0; c < columns; c++)
            header.Append(Cell(widths[c], [Para(c < source.Columns.Count ? source.Columns[c] : "", HeaderCells, JustificationValues.Center, 40, 40)], middle: true));
        table.Append(header);
        foreach (var row in source.Rows)
        {
            var xmlRow = new TableRow(new TableRowProperties(new CantSplit()));
            if (row.IsGroupHeading)
            {
                var text = string.Join(" ", row.Cells.Where(s => !string.IsNullOrWhiteSpace(s)));
                xmlRow.Append(Cell(widths.Sum(), [Para(text, HeaderCells, JustificationValues.Left, 40, 40)], span: columns));
            }
            else
            {
                for (var c = 0; c < columns; c++)
                {
                    var text = c < row.Cells.Count ? row.Cells[c] : "";
                    // The order column is centered, numbers lined up on the right, words read from the left.
                    var align = c == 0 ? JustificationValues.Center
                        : VietnameseNumber.IsNumber(text.Trim()) ? JustificationValues.Right
                        : JustificationValues.Left;
                    xmlRow.Append(Cell(widths[c], [Para(text, Cells, align, 40, 40)]));
                }
            }
            table.Append(xmlRow);
        }
        return table;
    }

    /// <summary>
    /// Widths in twips summing to <paramref name="width"/>: each column gets room for its longest word, then the rest
    /// goes where there is more text to hold (in proportion to the column's total text), first up to what the
    /// column's longest line needs; so an order column stays narrow, and a description column takes the space rather
    /// than a column of short names, and rows stay as low as they can.
    /// </summary>
    internal static int[] ColumnWidths(DocumentTable source, int width)
    {
        var columns = Math.Max(source.Columns.Count, 1);
        var least = new double[columns];
        var wanted = new double[columns];
        var volume = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            var header = OfficialText.Clean(c < source.Columns.Count ? source.Columns[c] : "");
            var cells = source.Rows.Where(r => !r.IsGroupHeading && c < r.Cells.Count).Select(r => OfficialText.Clean(r.Cells[c])).ToList();
            var word = Words(header).Select(w => Measure(w, bold: true))
                .Concat(cells.SelectMany(Words).Select(w => Measure(w, bold: false))).DefaultIfEmpty(0).Max();
            var line = Lines(header).Select(l => Measure(l, bold: true))
                .Concat(cells.SelectMany(Lines).Select(l => Measure(l, bold: false))).DefaultIfEmpty(0).Max();
            least[c] = Padding + Math.Max(word, Measure("00", bold: true));
            wanted[c] = Padding + Math.Max(line, word);
            volume[c] = cells.Sum(t => Measure(t, bold: false)) + Measure(header, bold: true);
        }
        double[] result;
        if (least.Sum() >= width)
            result = least.Select(w => w * width / least.Sum()).ToArray();
        else
        {
            // Water-filling: share what is left by text volume among the columns not yet as wide as they want.
            result = (double[])least.Clone();
            var open = Enumerable.Range(0, columns).Where(c => wanted[c] > least[c]).ToHashSet();
            var spare = width - least.Sum();
            while (spare > 0.5 && open.Count > 0)
            {
                var weight = open.Sum(c => Math.Max(volume[c], 1));
                var capped = open.Where(c => result[c] + spare * Math.Max(volume[c], 1) / weight >= wanted[c]).ToList();
                if (capped.Count == 0)
                {
                    foreach (var c in open) result[c] += spare * Math.Max(volume[c], 1) / weight;
                    spare = 0;
                }
                else
                    foreach (var c in capped)
                    {
                        spare -= wanted[c] - result[c];
                        result[c] = wanted[c];
                        open.Remove(c);
                    }
            }
            // Every column as wide as its longest line: the rest again by volume.
            if (spare > 0.5)
            {
                var total = volume.Sum(v => Math.Max(v, 1));
                result = result.Select((w, c) => w + spare * Math.Max(volume[c], 1) / total).ToArray();
            }
        }
        var widths = result.Select(w => (int)Math.Floor(w)).ToArray();
        widths[^1] += width - widths.Sum();
        return widths;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length > LongestWord ? w[..LongestWord] : w);

    private static IEnumerable<string> Lines(string text) => text.Split('\n');

    /// <summary>
    /// Twips a text needs at 12 pt in Times New Roman, from the font's average advance widths by kind of character
    /// (capitals about 0.7 em, digits 0.5 em, small letters 0.45 em, % 0.83 em), with 10 % to spare for bold and rounding.
    /// </summary>
    internal static double Measure(string text, bool bold)
    {
        double twips = 0;
        foreach (var ch in text)
            twips += char.IsUpper(ch) ? 168 : char.IsDigit(ch) ? 120 : char.IsLower(ch) ? 108 : ch switch { ' ' => 60, '%' => 200, '&' => 160, _ => 80 };
        return twips * (bold ? 1.1 : 1.05);
    }
}
