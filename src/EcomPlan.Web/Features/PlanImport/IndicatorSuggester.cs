using EcomPlan.Web.Features.Indicators;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>An indicator of the catalogue as the suggester sees it.</summary>
/// <param name="Code">Catalogue code ("online_shoppers_population_share").</param>
/// <param name="Name">Vietnamese name: the words a plan uses.</param>
/// <param name="Definition">Definition or other wordings; weighs less than the name.</param>
/// <param name="Unit">"%", "%/năm", "lượt", "hạng", "tỷ USD", …</param>
public sealed record IndicatorEntry(string Code, string Name, string Definition, string Unit)
{
    public static IndicatorEntry From(Indicator indicator) => new(indicator.Code, indicator.NameVi, indicator.Definition, indicator.Unit);
}

/// <summary>A suggested indicator and how well the target's words cover its name (0–1).</summary>
public sealed record IndicatorSuggestion(string Code, double Score);

/// <summary>
/// Suggests the catalogue indicator a target measures, on folded words (no diacritics). Every word pair of
/// the indicator's name should be in the target: so "Dân số tham gia mua sắm trực tuyến" fits "Tỷ lệ dân số
/// tham gia …" but not "Tỷ lệ dân số trưởng thành tham gia …" (another denominator, another indicator), and a
/// target naming "trưởng thành" loses points on every indicator whose name lacks it.
/// </summary>
public static class IndicatorSuggester
{
    /// <summary>Below this score no indicator is suggested.</summary>
    public const double Threshold = 0.5;

    // Words that say how something is measured, not what: "Tỷ lệ", "Số lượt", "Tốc độ tăng".
    private static readonly HashSet<string> MeasureWords = ["ty", "le", "trong", "so", "luong", "luot", "toc", "do", "thu", "hang", "cua", "cac", "va"];

    public static IndicatorSuggestion? Suggest(string targetText, IReadOnlyList<IndicatorEntry> catalogue, string? unit = null)
    {
        var best = Rank(targetText, catalogue, unit).FirstOrDefault();
        return best is not null && best.Score >= Threshold ? best : null;
    }

    /// <summary>
    /// The suggestion for a target read from a text. A clause of a compound statement ("đạt 35 tỷ USD") borrows the
    /// statement's subject (its words before the first number); a growth rate is measured in "%/năm".
    /// </summary>
    public static IndicatorSuggestion? SuggestFor(TargetItem target, IReadOnlyList<IndicatorEntry> catalogue)
    {
        var words = target.Text == target.Statement ? target.Text : target.Text + " " + new string(target.Statement.TakeWhile(c => !char.IsDigit(c)).ToArray());
        var unit = target.Reading.Kind == PhraseKind.Growth ? "%/năm" : target.Reading.Unit;
        return Suggest(words, catalogue, unit);
    }

    /// <summary>Every indicator with its score, best first.</summary>
    public static IReadOnlyList<IndicatorSuggestion> Rank(string targetText, IReadOnlyList<IndicatorEntry> catalogue, string? unit = null)
    {
        var text = ImportText.Words(targetText);
        var textWords = text.ToHashSet();
        var textPairs = Pairs(text);
        var vocabulary = catalogue.SelectMany(e => ImportText.Words(e.Name)).Where(w => !MeasureWords.Contains(w)).ToHashSet();
        return catalogue.Select(e => new IndicatorSuggestion(e.Code, Score(e, textWords, textPairs, vocabulary, unit)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
    }

    private static double Score(IndicatorEntry e, HashSet<string> textWords, HashSet<string> textPairs, HashSet<string> vocabulary, string? unit)
    {
        var name = ImportText.Words(e.Name).SkipWhile(MeasureWords.Contains).ToList();
        if (name.Count == 0) return 0;
        var pairs = Pairs(name);
        var pairRecall = pairs.Count == 0 ? 0 : (double)pairs.Count(textPairs.Contains) / pairs.Count;
        var content = name.Where(w => !MeasureWords.Contains(w)).ToHashSet();
        var wordRecall = content.Count == 0 ? 0 : (double)content.Count(textWords.Contains) / content.Count;
        // Words the catalogue uses to tell indicators apart, present in the target but not in this name.
        var foreign = textWords.Where(w => vocabulary.Contains(w) && !content.Contains(w)).Count();
        var definition = ImportText.Words(e.Definition).ToHashSet();
        var definitionHelp = definition.Count == 0 ? 0 : 0.05 * textWords.Count(definition.Contains) / Math.Max(1, textWords.Count);
        // Capped: a long statement names several things; a few foreign words are enough to tell "dân số trưởng thành" apart.
        var score = 0.65 * pairRecall + 0.35 * wordRecall - 0.04 * Math.Min(foreign, 3) + definitionHelp;
        if (unit is not null) score += UnitFit(unit, e.Unit);
        return Math.Round(score, 4);
    }

    /// <summary>A growth target fits a "%/năm" indicator, a count one counted in things, a share a "%" one.</summary>
    private static double UnitFit(string unit, string indicatorUnit)
    {
        if (unit == indicatorUnit) return 0.1;
        var percent = unit.StartsWith('%');
        var indicatorPercent = indicatorUnit.StartsWith('%');
        return percent == indicatorPercent ? 0 : -0.3;
    }

    private static HashSet<string> Pairs(IReadOnlyList<string> words) =>
        Enumerable.Range(0, Math.Max(0, words.Count - 1)).Select(i => words[i] + " " + words[i + 1]).ToHashSet();
}
