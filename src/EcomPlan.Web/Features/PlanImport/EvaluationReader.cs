using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Reads a section evaluating the previous period ("Đánh giá kết quả thực hiện … giai đoạn 2021 - 2025"). Its
/// targets come two ways: stated ("Kế hoạch … nâng tỷ lệ … lên 55% và … tăng 20%"), and behind a result
/// ("đạt 95% (vượt so với mục tiêu 50%)", "100% … (đạt 100% kế hoạch)", "đạt mục tiêu đề ra"). A result is
/// attached to the stated target it measures when there is one.
/// </summary>
public static partial class EvaluationReader
{
    public const string SourceName = "Đánh giá kết quả";

    public static EvaluatedPeriod? Read(IReadOnlyList<Paragraph> body)
    {
        var section = Sections.Find(body, Heading());
        if (section is null) return null;
        var (start, end) = Sections.Period(section.Heading.Text);
        var stated = new List<TargetItem>();
        var measured = new List<TargetItem>();
        foreach (var p in section.Content)
        {
            foreach (var (sentence, offset) in Sentences(p.Text))
            {
                var low = sentence.ToLower(ImportText.VietnameseCulture);
                var line = p.LineAt(offset);
                var targets = TargetNotes().Matches(sentence);
                if (targets.Count > 0)
                {
                    measured.AddRange(Measured(sentence, targets, p, offset));
                    continue;
                }
                if (ReachedQualitatively().Match(low) is { Success: true } q && ValueMentions.Find(sentence).Count == 0)
                {
                    var text = sentence.Trim();
                    measured.Add(new TargetItem(text, text, line, null,
                        TargetReading.Qualitative(text, end, "Văn bản chỉ nói đã đạt mục tiêu, không nêu con số."),
                        SourceName, [], null, new TargetResult(null, text, line)));
                    continue;
                }
                if (!PlanWords().IsMatch(low) || !ValueMentions.Find(sentence).Any(m => m.IsPercent)) continue;
                foreach (var r in TargetPhrase.ReadAll(sentence))
                    stated.Add(new TargetItem(r.Text, sentence.Trim(), p.LineAt(offset + Math.Max(0, sentence.IndexOf(r.Text, StringComparison.Ordinal))),
                        null, r with { DeadlineYear = r.DeadlineYear ?? end }, SourceName, [], null, null));
            }
        }
        // A result measured against a stated target completes it rather than repeating it.
        var targetsOut = new List<TargetItem>(stated);
        foreach (var m in measured)
        {
            var same = targetsOut.FindIndex(s => s.Result is null && s.Reading.Kind == m.Reading.Kind && s.Reading.Value == m.Reading.Value
                && ImportText.Similarity(s.Text, m.Reading.Text) >= 0.25);
            if (same >= 0) targetsOut[same] = targetsOut[same] with { Result = m.Result };
            else targetsOut.Add(m with { Reading = m.Reading with { Text = m.Text } });
        }
        return new EvaluatedPeriod(start, end, section.Heading.Line, targetsOut.OrderBy(t => t.Line).ToList());
    }

    private static IEnumerable<TargetItem> Measured(string sentence, MatchCollection notes, Paragraph p, int offset)
    {
        var from = 0;
        foreach (Match note in notes)
        {
            var clause = sentence[from..(note.Index + note.Length)];
            var lead = clause.Length - clause.TrimStart(' ', ',', ';').Length;
            clause = clause[lead..];
            if (Connective().Match(clause) is { Success: true } c) { clause = clause[c.Length..]; lead += c.Length; }
            var clauseStart = from + lead;
            from = note.Index + note.Length;

            var noteStart = note.Index - clauseStart;
            var head = clause[..noteStart].TrimEnd();
            var result = ValueMentions.Find(head).LastOrDefault();
            var number = ValueMentions.Parse(note.Groups["n"].Value);
            var ofPlan = note.Groups["plan"].Success;
            decimal target = ofPlan && result is not null && number != 0 ? result.First * 100 / number : number;
            var unit = result?.Unit ?? "%";
            string phrase;
            if (result is null) phrase = $"{head} {Format(target)}{unit}";
            else
            {
                var cueStart = ApproximateCue().Match(head[..result.NumberStart]) is { Success: true } a ? a.Index : result.NumberStart;
                phrase = head[..cueStart] + Format(target) + (unit.StartsWith('%') ? unit : " " + unit) + head[result.End..];
            }
            // The reading keeps the rewritten phrase ("… tăng 20%") until results are matched with stated targets.
            var reading = TargetPhrase.Read(phrase);
            var line = p.LineAt(offset + clauseStart);
            yield return new TargetItem(clause.Trim(), sentence.Trim(), line, null, reading, SourceName, [], null,
                new TargetResult(result?.First, clause.Trim(), line));
        }
    }

    private static string Format(decimal value) => value.ToString("0.##", ImportText.VietnameseCulture);

    /// <summary>Sentences with their offsets: a break after ".", ";" or ":" followed by a space, outside parentheses.</summary>
    public static IEnumerable<(string Text, int Offset)> Sentences(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is '.' or ';' or ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                if (i > start) yield return (text[start..(i + 1)], start);
                start = i + 1;
                while (start < text.Length && text[start] == ' ') start++;
                i = start - 1;
            }
        }
        if (start < text.Length) yield return (text[start..], start);
    }

    [GeneratedRegex(@"^(danh gia (ket qua|tinh hinh|viec)|ket qua thuc hien|tinh hinh thuc hien)")]
    private static partial Regex Heading();

    // "(vượt mục tiêu 55%)", "(mục tiêu 50%)", "(thấp hơn mục tiêu 20%)", "(đạt 100% kế hoạch)".
    [GeneratedRegex(@"\([^()]*?(?:mục tiêu|chỉ tiêu)\s*(?<n>\d[\d.,]*)\s*%?[^()]*\)|\([^()]*?(?<n>\d[\d.,]*)\s*%\s*(?<plan>kế hoạch)[^()]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex TargetNotes();

    [GeneratedRegex(@"(?<!\p{L})đạt (?:mục tiêu|chỉ tiêu|kế hoạch) đề ra")]
    private static partial Regex ReachedQualitatively();

    [GeneratedRegex(@"(?<!\p{L})(?:kế hoạch|mục tiêu)(?!\p{L})")]
    private static partial Regex PlanWords();

    [GeneratedRegex(@"^(?:và|tuy nhiên,?|ngoài ra,?|đồng thời,?)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Connective();

    [GeneratedRegex(@"(?:khoảng|gần|xấp xỉ|hơn)\s*$")]
    private static partial Regex ApproximateCue();
}
