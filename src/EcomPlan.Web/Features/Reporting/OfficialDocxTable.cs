using DocumentFormat.OpenXml.Wordprocessing;
using static EcomPlan.Web.Features.Reporting.OfficialDocxParts;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>A <see cref="DocumentTable"/> in the body: full width, single borders, 12 pt, header row repeated on every page.</summary>
internal static class OfficialDocxTable
{
    private static readonly Look Cells = new(24), HeaderCells = new(24, Bold: true);

    // Cell margins on both sides; beyond LongestLine characters a text wraps anyway, and a longer word (a link) may break.
    private const int Padding = 2 * CellMargin;
    private const int LongestLine = 40, LongestWord = 25;

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
    /// goes where texts are longer, so an order column stays narrow and a description column takes the space.
    /// </summary>
    internal static int[] ColumnWidths(DocumentTable source, int width)
    {
        var columns = Math.Max(source.Columns.Count, 1);
        var least = new double[columns];
        var wanted = new double[columns];
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
        }
        double[] result;
        if (wanted.Sum() <= width)
            result = wanted.Select(w => w * width / wanted.Sum()).ToArray();
        else if (least.Sum() >= width)
            result = least.Select(w => w * width / least.Sum()).ToArray();
        else
        {
            var spare = (width - least.Sum()) / (wanted.Sum() - least.Sum());
            result = least.Select((l, c) => l + (wanted[c] - l) * spare).ToArray();
        }
        var widths = result.Select(w => (int)Math.Floor(w)).ToArray();
        widths[^1] += width - widths.Sum();
        return widths;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length > LongestWord ? w[..LongestWord] : w);

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Length > LongestLine ? l[..LongestLine] : l);

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
