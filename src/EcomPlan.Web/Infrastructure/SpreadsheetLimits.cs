namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// How much an uploaded table may hold. Every limit is checked while reading, before the thing it bounds is
/// loaded, so a small hostile file cannot make the server decompress, parse or keep more than these amounts.
/// The defaults let the value import through (200,000 data rows of 8 columns from a 20 MB file).
/// </summary>
public sealed record SpreadsheetLimits
{
    public static readonly SpreadsheetLimits Default = new();

    /// <summary>Rows of one sheet, header included; row k of the sheet is row k-1 of the table.</summary>
    public int MaxRows { get; init; } = 200_001;

    public int MaxColumns { get; init; } = 64;

    public int MaxCellCharacters { get; init; } = 8_000;

    /// <summary>Cells of every row returned (widths summed over all sheets): bounds the table's arrays.</summary>
    public int MaxCells { get; init; } = 4_000_000;

    /// <summary>Characters of every cell read (shared strings counted once, in their own limit): bounds the table's strings.</summary>
    public long MaxTotalCharacters { get; init; } = 64_000_000;

    public int MaxSharedStrings { get; init; } = 1_000_000;

    public long MaxSharedStringCharacters { get; init; } = 32_000_000;

    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Decompressed bytes of one part of the .xlsx package.</summary>
    public long MaxPartBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Decompressed bytes of all parts together.</summary>
    public long MaxTotalUncompressedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Decompressed ÷ compressed size refused for parts larger than <see cref="CompressionRatioFromBytes"/>.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    public long CompressionRatioFromBytes { get; init; } = 1024 * 1024;

    /// <summary>A count as Vietnamese write it: 200.001.</summary>
    internal static string N(long value) => value.ToString("#,##0", VietnameseText.Culture);

    internal static string Megabytes(long bytes) => N(bytes / 1024 / 1024) + " MB";
}

/// <summary>Counts the cells and characters kept for the table across sheets, against <see cref="SpreadsheetLimits"/>.</summary>
internal sealed class TableBudget(SpreadsheetLimits limits)
{
    private long cells;
    private long characters;

    public void AddRow(int width)
    {
        if ((cells += width) > limits.MaxCells)
            throw new FormatException($"Tệp có hơn {SpreadsheetLimits.N(limits.MaxCells)} ô; hãy chia thành nhiều tệp nhỏ hơn.");
    }

    public void AddText(int length)
    {
        if ((characters += length) > limits.MaxTotalCharacters)
            throw new FormatException($"Tệp có hơn {SpreadsheetLimits.N(limits.MaxTotalCharacters)} ký tự dữ liệu; hãy chia thành nhiều tệp nhỏ hơn.");
    }
}
