using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>One clause of a target statement and the value it states (indexes relative to the clause).</summary>
public sealed record TargetClause(string Text, ValueMention Mention);

/// <summary>Splits a statement holding several targets into one clause per value, and finds a clause's subject.</summary>
public static partial class TargetClauses
{
    /// <summary>
    /// Cuts between two values at the strongest separator found between them (";" then "," then "và"/"với"),
    /// the last of its kind, so "Thanh toán … đạt 50%, trong đó … chiếm 80%" gives "… đạt 50%" and "trong đó … chiếm 80%".
    /// </summary>
    public static IReadOnlyList<TargetClause> Split(string text, IReadOnlyList<ValueMention> mentions)
    {
        var cuts = new List<int> { 0 };
        for (var i = 1; i < mentions.Count; i++)
        {
            var from = mentions[i - 1].End;
            var to = mentions[i].Start;
            var cut = LastSeparator(text, from, to);
            // Two values with nothing between them ("20% (mục tiêu 50%)") stay one clause.
            if (cut is null) continue;
            cuts.Add(cut.Value);
        }
        var clauses = new List<TargetClause>();
        for (var c = 0; c < cuts.Count; c++)
        {
            var start = cuts[c];
            var end = c + 1 < cuts.Count ? cuts[c + 1] : text.Length;
            var raw = text[start..end];
            var lead = raw.Length - raw.TrimStart(' ', ',', ';').Length;
            var joiner = SplitJoiner().Match(raw[lead..]);
            if (joiner.Success) lead += joiner.Length;
            var clauseText = raw[lead..].TrimEnd(' ', ',', ';');
            // ", cùng với các mục tiêu về …" after the last value is commentary, not part of the target.
            if (c == cuts.Count - 1 && Trailer().Match(clauseText) is { Success: true } trailer && trailer.Index > mentions[^1].End - start - lead)
                clauseText = clauseText[..trailer.Index];
            var offset = start + lead;
            var mention = mentions.First(m => m.NumberStart >= offset && m.NumberStart < offset + clauseText.Length);
            clauses.Add(new TargetClause(clauseText, mention with
            {
                Start = Math.Max(0, mention.Start - offset), NumberStart = mention.NumberStart - offset,
                End = Math.Min(clauseText.Length, mention.End - offset),
            }));
        }
        return clauses;
    }

    private static int? LastSeparator(string text, int from, int to)
    {
        if (to <= from) return null;
        var gap = text[from..to];
        foreach (var pattern in new[] { SemicolonSep(), CommaSep(), WordSep() })
        {
            var matches = pattern.Matches(gap);
            if (matches.Count > 0) return from + matches[^1].Index;
        }
        return null;
    }

    /// <summary>
    /// What the clause measures: the words before its verb or value ("Thanh toán không dùng tiền mặt trong
    /// thương mại điện tử" in "… đạt 50%"), or after the value when the clause starts with it ("70% doanh nghiệp …").
    /// </summary>
    public static string Subject(string clause, ValueMention m)
    {
        var low = clause.ToLower(ImportText.VietnameseCulture);
        var verb = Verb().Match(low[..m.Start]);
        var head = verb.Success ? clause[..verb.Index] : clause[..m.Start];
        head = Joiner().Replace(head.Trim(), "").Trim(' ', ',', ';');
        if (head.Length > 0) return head;
        var tail = clause[m.End..].Trim(' ', ',', ';', '.');
        var stop = TailStop().Match(tail.ToLower(ImportText.VietnameseCulture));
        return stop.Success ? tail[..stop.Index].Trim() : tail;
    }

    [GeneratedRegex(@",\s*(?:cùng với|đồng thời|nhằm|góp phần|qua đó)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Trailer();

    [GeneratedRegex(@";\s*")]
    private static partial Regex SemicolonSep();

    [GeneratedRegex(@",\s*")]
    private static partial Regex CommaSep();

    [GeneratedRegex(@"\s(?:và|với)\s")]
    private static partial Regex WordSep();

    [GeneratedRegex(@"^(?:và|với|trong đó|đồng thời|cùng với)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Joiner();

    // "trong đó" stays in the clause: it is what makes the clause a share of a share.
    [GeneratedRegex(@"^(?:và|với|đồng thời|cùng với)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SplitJoiner();

    [GeneratedRegex(@"(?<!\p{L})(?:phấn đấu|đạt|chiếm|tăng|giảm|nâng|là|ở mức|có|duy trì|trên|dưới|không quá|tối đa|ít nhất|tối thiểu|hơn|khoảng)(?!\p{L})")]
    private static partial Regex Verb();

    [GeneratedRegex(@"(?<!\p{L})(?:được|có|tham gia|tiến hành|triển khai)(?!\p{L})")]
    private static partial Regex TailStop();
}
