using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>One transcribed target and what the parser read for it (null when it found none).</summary>
public sealed record TargetCheck(string Key, int Line, string Text, string Expected, string? Got, bool Exact, string? Note, string? IndicatorMiss = null);

/// <summary>One transcribed annex task and the lead agencies the parser read for it (null when it found no task).</summary>
public sealed record TaskCheck(int Line, string Text, IReadOnlyList<string> ExpectedLead, IReadOnlyList<string>? GotLead, bool LeadMatches);

/// <summary>How the parser's reading of one document compares with one hand transcription of it.</summary>
/// <param name="PlanId">The transcription compared with.</param>
/// <param name="Document">The source document read.</param>
/// <param name="Targets">One check per transcribed target.</param>
/// <param name="Tasks">One check per transcribed annex task.</param>
/// <param name="IndicatorsExpected">Found targets the transcription gives an indicator.</param>
/// <param name="IndicatorsSuggested">Of those, how many the suggester names the same.</param>
/// <param name="ExtraTargets">Targets the parser read that no transcribed target was paired with.</param>
/// <param name="ExtraTasks">Annex tasks the parser read that no transcribed task was paired with.</param>
public sealed record PlanQuality(string PlanId, string Document, IReadOnlyList<TargetCheck> Targets, IReadOnlyList<TaskCheck> Tasks,
    int IndicatorsExpected, int IndicatorsSuggested, int ExtraTargets, int ExtraTasks)
{
    public int TargetsExact => Targets.Count(t => t.Exact);
    public int LeadsMatching => Tasks.Count(t => t.LeadMatches);
}

/// <summary>
/// Compares <see cref="PlanTextParser"/> with the hand transcriptions (SeedData/plans/*.yaml, the answer key):
/// targets are paired by line, then by wording, and must have the same kind and values; annex tasks are paired
/// by line, then by wording, and must have the same lead agencies (folded names, as sets). For the comparison
/// "khoảng 70%" counts as a floor of 70, which is how the transcribers stored it, and a range of a one-sided indicator
/// as the band the draft makes of it.
/// </summary>
public static class ImportQuality
{
    public const double TargetGoal = 0.95;
    public const double LeadGoal = 0.90;

    public static IReadOnlyList<PlanQuality> CompareSeedData(SeedDataOptions options)
    {
        var documents = new Dictionary<string, string[]>();
        string[] Document(string name) => documents.TryGetValue(name, out var d) ? d
            : documents[name] = File.ReadAllLines(Path.Combine(options.DocumentsFolder, name));
        var indicators = IndicatorSeeder.ReadCatalogue(options).Indicators;
        var catalogue = indicators.Select(IndicatorEntry.From).ToList();
        var directions = indicators.ToDictionary(i => i.Code, i => i.Direction);
        var parsed = new Dictionary<string, PlanText>();
        return Directory.GetFiles(options.PlansFolder, "*.yaml").Order(StringComparer.Ordinal).Select(path =>
        {
            var file = PlanFileReader.Read(Path.GetFileName(path), File.ReadAllText(path),
                doc => File.Exists(Path.Combine(options.DocumentsFolder, doc)) ? Document(doc).Length : null);
            var source = file.Plan.SourceDocument ?? "";
            if (!parsed.TryGetValue(source, out var text)) parsed[source] = text = PlanTextParser.Parse(Document(source));
            return Compare(file.Plan, text, catalogue, directions);
        }).ToList();
    }

    public static PlanQuality Compare(Plan expected, PlanText parsed, IReadOnlyList<IndicatorEntry> catalogue, IReadOnlyDictionary<string, string> directions)
    {
        // A plan whose period is the one the document evaluates is read from the evaluation section.
        var evaluated = parsed.Evaluation is { } e && e.PeriodStart == expected.PeriodStart && parsed.Metadata.PeriodStart != expected.PeriodStart;
        var candidates = (evaluated ? parsed.Evaluation!.Targets : parsed.Targets).ToList();
        var used = new HashSet<TargetItem>();
        var targets = new List<TargetCheck>();
        var indicatorsExpected = 0;
        var indicatorsSuggested = 0;
        foreach (var t in expected.TargetGroups.SelectMany(g => g.Targets))
        {
            // Several targets of one statement share its line and often its transcribed text: ties go in document order.
            var got = Best(candidates.Where(c => !used.Contains(c) && (c.Line == t.Line || c.Annex?.Line == t.Line)),
                    c => ImportText.Similarity(c.Text, t.Text) >= ImportText.Similarity(c.Statement, t.Text) ? c.Text : c.Statement, t.Text, 0)
                ?? Best(candidates.Where(c => !used.Contains(c)), c => c.Text, t.Text, 0.5);
            if (got is not null) used.Add(got);
            var exact = got is not null && Same(t, got.Reading, t.Indicator is null ? null : directions.GetValueOrDefault(t.Indicator));
            var note = got is not null && got.Reading.Unit != t.Unit ? $"đơn vị: cần “{t.Unit}”, đọc được “{got.Reading.Unit}”" : null;
            string? indicatorMiss = null;
            if (t.Indicator is not null && got is not null)
            {
                indicatorsExpected++;
                var suggested = IndicatorSuggester.SuggestFor(got, catalogue)?.Code;
                if (suggested == t.Indicator) indicatorsSuggested++;
                else indicatorMiss = $"chỉ số cần {t.Indicator}, gợi ý {suggested ?? "(không có)"}";
            }
            targets.Add(new TargetCheck(t.Key, t.Line, t.Text, Describe(t), got is null ? null : Describe(got.Reading), exact, note, indicatorMiss));
        }
        var usedTasks = new HashSet<TaskItem>();
        var tasks = new List<TaskCheck>();
        foreach (var t in expected.TaskGroups.SelectMany(g => g.Tasks).Where(t => t.Source.StartsWith("Phụ lục", StringComparison.Ordinal)))
        {
            var got = Best(parsed.Tasks.Where(c => !usedTasks.Contains(c) && c.Line == t.Line), c => c.Text, t.Text, 0)
                ?? Best(parsed.Tasks.Where(c => !usedTasks.Contains(c)), c => c.Text, t.Text, 0.6);
            if (got is not null) usedTasks.Add(got);
            var lead = t.Agencies.Where(a => a.Role == AgencyRole.Lead).OrderBy(a => a.Order).Select(a => a.Agency!.Name).ToList();
            tasks.Add(new TaskCheck(t.Line, t.Text, lead, got?.Lead, got is not null && SameNames(lead, got.Lead)));
        }
        return new PlanQuality(expected.Id, expected.SourceDocument ?? "", targets, tasks, indicatorsExpected, indicatorsSuggested,
            candidates.Count - used.Count, evaluated ? 0 : parsed.Tasks.Count - usedTasks.Count);
    }

    private static T? Best<T>(IEnumerable<T> candidates, Func<T, string> text, string wanted, double minimum) where T : class =>
        candidates.Select(c => (c, score: ImportText.Similarity(text(c), wanted))).Where(x => x.score >= minimum)
            .OrderByDescending(x => x.score).Select(x => x.c).FirstOrDefault();

    /// <summary>
    /// The kind the draft gets (<see cref="TargetDrafts.KindFor"/>, by the transcribed indicator's direction), except that
    /// the transcribers wrote the answer key before the model had approximate targets and stored "khoảng 70%" as a floor.
    /// </summary>
    public static TargetKind Stored(TargetReading r, string? direction) =>
        r.Kind == PhraseKind.Approximate ? TargetKind.Floor : TargetDrafts.KindFor(r.Kind, direction);

    private static bool Same(Target t, TargetReading r, string? direction) =>
        t.Kind == Stored(r, direction) && t.Value == r.Value && t.Min == r.Min && t.Max == r.Max && t.Exclusive == r.Exclusive;

    private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Select(VietnameseText.Fold).ToHashSet().SetEquals(b.Select(VietnameseText.Fold));

    private static string Describe(Target t) => Describe(t.Kind.ToString(), t.Value, t.Min, t.Max, t.Exclusive, t.Unit);

    private static string Describe(TargetReading r) => Describe(r.Kind.ToString(), r.Value, r.Min, r.Max, r.Exclusive, r.Unit);

    private static string Describe(string kind, decimal? value, decimal? min, decimal? max, bool exclusive, string? unit)
    {
        static string N(decimal? v) => v is { } d ? VietnameseText.FormatNumber(d) : "–";
        var what = value is not null ? N(value) : min is not null || max is not null ? $"{N(min)}..{N(max)}" : "";
        return $"{kind} {what}{(exclusive ? " (loại trừ)" : "")} {unit}".Trim();
    }
}
