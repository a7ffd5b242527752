namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// What one target phrase requires. Value is set for single values (floor, ceiling, count, rank, growth,
/// share of share, approximate); Min/Max for ranges, bands and growth given as a band ("tăng 20–25%/năm").
/// </summary>
/// <param name="Text">The phrase read (one clause of a statement that may hold several targets).</param>
/// <param name="Kind">How the value is read.</param>
/// <param name="Value">The single required value.</param>
/// <param name="Min">Lower end of a range, band or growth band.</param>
/// <param name="Max">Upper end of a range, band or growth band.</param>
/// <param name="Exclusive">A strict bound: "trên 95%" is &gt; 95, "dưới 10%" is &lt; 10.</param>
/// <param name="Unit">"%", "%/năm", "lượt", "hạng", "tỷ USD", …; null when the phrase has none.</param>
/// <param name="DeadlineYear">Only when the phrase names a year ("đến năm 2030"); otherwise the caller uses the plan's end.</param>
/// <param name="Of">For a share of a share: what the share is taken of.</param>
/// <param name="Tolerance">For "khoảng": the absolute tolerance around Value (see <see cref="TargetPhrase.ApproximateTolerance"/>).</param>
/// <param name="Confidence">1 when a cue word says how to read the number; lower when the reading is inferred.</param>
/// <param name="Notes">Why the phrase was read this way, in Vietnamese, for the person reviewing the import.</param>
public sealed record TargetReading(
    string Text,
    PhraseKind Kind,
    decimal? Value,
    decimal? Min,
    decimal? Max,
    bool Exclusive,
    string? Unit,
    int? DeadlineYear,
    string? Of,
    decimal? Tolerance,
    double Confidence,
    IReadOnlyList<string> Notes)
{
    public static TargetReading Qualitative(string text, int? deadlineYear, string note) =>
        new(text, PhraseKind.Qualitative, null, null, null, false, null, deadlineYear, null, null, 0.9, [note]);
}
