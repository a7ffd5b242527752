using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// For texts without a "Mục tiêu cụ thể" section (a press summary, a paragraph pasted from a report): every
/// sentence that states a value as something to reach ("phấn đấu", "mục tiêu", "đến năm 2030", "đạt", "tăng")
/// gives its targets, one per value. Sentences of an evaluation of the previous period are left to it.
/// </summary>
public static partial class TargetSentenceReader
{
    public const string SourceName = "Đoạn văn";

    public static IReadOnlyList<TargetItem> Read(IReadOnlyList<Paragraph> body, EvaluatedPeriod? evaluation)
    {
        var skip = evaluation?.Targets.Select(t => t.Line).ToHashSet() ?? [];
        var items = new List<TargetItem>();
        foreach (var p in body)
        {
            if (p.Text.Length < 20 || skip.Contains(p.Line)) continue;
            foreach (var (sentence, offset) in EvaluationReader.Sentences(p.Text))
            {
                var low = sentence.ToLower(ImportText.VietnameseCulture);
                if (!Aim().IsMatch(low) || Evaluated().IsMatch(low)) continue;
                var mentions = ValueMentions.Find(sentence);
                var statement = ImportText.Squash(sentence).TrimEnd('.', ';');
                if (mentions.Count == 0)
                {
                    // "Tỉnh cũng đặt mục tiêu giảm dần …": a target without a number.
                    if (QualitativeAim().IsMatch(low))
                        items.Add(new TargetItem(statement, statement, p.LineAt(offset), null,
                            TargetReading.Qualitative(statement, null, "Mục tiêu không có con số."), SourceName, [], null, null));
                    continue;
                }
                foreach (var r in TargetPhrase.ReadAll(statement))
                    items.Add(new TargetItem(r.Text, statement, p.LineAt(offset + Math.Max(0, sentence.IndexOf(r.Text, StringComparison.Ordinal))),
                        null, r, SourceName, [], null, null));
            }
        }
        return items;
    }

    [GeneratedRegex(@"(?<!\p{L})(?:phấn đấu|mục tiêu|chỉ tiêu|đến năm|tới năm|đạt|tăng|chiếm|ít nhất|tối thiểu|không quá|tối đa|dưới|trên|top)(?!\p{L})")]
    private static partial Regex Aim();

    [GeneratedRegex(@"(?<!\p{L})(?:đặt|đề ra|đặt ra)\s+(?:mục tiêu|chỉ tiêu)(?!\p{L})")]
    private static partial Regex QualitativeAim();

    // "đã đạt", "vượt mục tiêu": a result, not a target.
    [GeneratedRegex(@"(?<!\p{L})(?:đã đạt|đã tăng|vượt mục tiêu|chưa đạt|năm qua|đã hoàn thành)(?!\p{L})")]
    private static partial Regex Evaluated();
}
