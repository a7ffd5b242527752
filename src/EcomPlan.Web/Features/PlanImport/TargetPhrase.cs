using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Reads target phrases ("đạt 70%", "dưới 10%", "tăng 20–25%/năm", "hơn 15.000 lượt", "top 10", …) into
/// <see cref="TargetReading"/>s. A statement may hold several targets ("tăng 25%/năm, đạt 35 tỷ USD, chiếm
/// 10% …"): <see cref="ReadAll"/> splits it, <see cref="Read"/> reads one phrase.
/// </summary>
public static partial class TargetPhrase
{
    /// <summary>
    /// "khoảng 30%" is read as 30 ± 10% of the value (27–33): the documents never say how close "khoảng" is,
    /// and a tenth keeps "khoảng 70%" (63–77) apart from the next round target (60% or 80%).
    /// </summary>
    public const decimal ApproximateTolerance = 0.10m;

    /// <summary>Reads one phrase; when it states several values, the first is read (use <see cref="ReadAll"/>).</summary>
    public static TargetReading Read(string phrase) => ReadAll(phrase)[0];

    /// <summary>One reading per value the statement requires, in order; a statement without a number is one qualitative reading.</summary>
    public static IReadOnlyList<TargetReading> ReadAll(string statement)
    {
        var text = Clean(statement);
        var deadline = Deadline(text);
        var mentions = ValueMentions.Find(text);
        if (mentions.Count == 0) return [TargetReading.Qualitative(text, deadline, "Không có con số: chỉ tiêu định tính.")];

        var clauses = TargetClauses.Split(text, mentions);
        var readings = new List<TargetReading>(clauses.Count);
        var statementSubject = TargetClauses.Subject(clauses[0].Text, clauses[0].Mention);
        string? previousSubject = null;
        foreach (var clause in clauses)
        {
            var subject = TargetClauses.Subject(clause.Text, clause.Mention);
            readings.Add(ReadClause(clause.Text, clause.Mention, statementSubject, previousSubject, Deadline(clause.Text) ?? deadline));
            previousSubject = subject;
        }
        return readings;
    }

    private static TargetReading ReadClause(string clause, ValueMention m, string subject, string? previousSubject, int? deadline)
    {
        var notes = new List<string>();
        var low = clause.ToLower(ImportText.VietnameseCulture);
        var before = low[..m.NumberStart];
        var cue = m.Cue;
        var unit = m.Unit;
        var lowerIsBetter = LowerIsBetter().IsMatch(subject.ToLower(ImportText.VietnameseCulture)) || LowerIsBetter().IsMatch(before);
        var growth = Growth().IsMatch(before) && cue is not ("lên" or "xuống còn" or "còn");

        TargetReading Make(PhraseKind kind, decimal? value, decimal? min, decimal? max, bool exclusive, double confidence,
            string? of = null, decimal? tolerance = null) =>
            new(clause, kind, value, min, max, exclusive, unit, deadline, of, tolerance, confidence, notes);

        if (cue is "top" or "thứ" or "hạng" or "nhóm")
        {
            unit = "hạng";
            return Make(PhraseKind.Rank, m.First, null, null, false, 1);
        }
        if (growth)
        {
            if (unit is null) notes.Add("Không rõ đơn vị của mức tăng.");
            if (Decrease().IsMatch(before)) notes.Add("Mức giảm: giá trị ghi là mức giảm hằng năm.");
            return m.Second is { } hi ? Make(PhraseKind.Growth, null, m.First, hi, false, 1) : Make(PhraseKind.Growth, m.First, null, null, false, 1);
        }
        if (unit == "%/năm")
        {
            // "đạt 70%/năm" is a level to reach every year, not a growth rate.
            unit = "%";
            notes.Add("“/năm” không đi với “tăng”: đọc là mức phải đạt hằng năm, không phải tốc độ tăng.");
        }
        if (m.Second is { } max)
        {
            // "65–70% doanh nghiệp …" and "đạt 65–70%" aim high; a bare "8-15%" or "từ 8 đến 15%" is a range.
            var leadsSubject = before.Trim().Length == 0 && low[m.End..].Any(char.IsLetter);
            var band = cue is "đạt" or "trên" or "ít nhất" or "tối thiểu" || (cue is null && (leadsSubject || BandLead().IsMatch(before)));
            if (band && !lowerIsBetter)
            {
                notes.Add($"Khoảng giá trị, càng cao càng tốt: ít nhất {m.First}, hướng tới {max}.");
                return Make(PhraseKind.Band, null, m.First, max, false, 0.9);
            }
            return Make(PhraseKind.Range, null, m.First, max, false, cue is null ? 0.8 : 1);
        }
        if (cue is "khoảng" or "khoảng chừng" or "xấp xỉ" or "gần")
        {
            notes.Add($"“{cue}”: dung sai mặc định ±{ApproximateTolerance:P0} giá trị.");
            return Make(PhraseKind.Approximate, m.First, null, null, false, 0.9, tolerance: m.First * ApproximateTolerance);
        }
        if (ShareOfShare().IsMatch(before) || ShareOfShare().IsMatch(low[m.End..]) || Through().IsMatch(low))
        {
            var of = previousSubject is { Length: > 0 } p ? ImportText.LowerFirst(p) : null;
            if (of is null) notes.Add("Tỷ lệ trong một tỷ lệ khác: văn bản không nói rõ là tỷ lệ của cái gì.");
            return Make(PhraseKind.ShareOfShare, m.First, null, null, false, of is null ? 0.6 : 0.9, of);
        }
        var exclusiveFloor = cue is "trên" or "hơn" or "vượt" or "cao hơn";
        if (cue is "không vượt quá" or "không quá" or "không cao hơn" or "tối đa" or "nhiều nhất" or "xuống còn" or "còn")
            return Make(PhraseKind.Ceiling, m.First, null, null, false, 1);
        if (cue is "dưới" or "ít hơn" or "thấp hơn")
            return Make(PhraseKind.Ceiling, m.First, null, null, true, 1);
        var count = !m.IsPercent && !IsAmount(unit);
        if (count)
        {
            if (unit is null) notes.Add("Số lượng không ghi đơn vị.");
            return Make(PhraseKind.Count, m.First, null, null, exclusiveFloor, 1);
        }
        if (exclusiveFloor || cue is "không dưới" or "không thấp hơn" or "không ít hơn" or "ít nhất" or "tối thiểu")
            return Make(PhraseKind.Floor, m.First, null, null, exclusiveFloor, 1);
        if (lowerIsBetter)
        {
            notes.Add("Đại lượng càng thấp càng tốt (chi phí, vi phạm, bao bì nhựa…): đọc là mức trần.");
            return Make(PhraseKind.Ceiling, m.First, null, null, false, 0.7);
        }
        if (cue is null or "chiếm" or "mức" or "là") notes.Add("Không có từ chỉ hướng (đạt, trên, dưới…): đọc là mức tối thiểu.");
        return Make(PhraseKind.Floor, m.First, null, null, false, cue is "đạt" or "lên" ? 1 : 0.8);
    }

    private static bool IsAmount(string? unit) =>
        unit is not null && (unit.Contains("USD", StringComparison.OrdinalIgnoreCase) || unit.Contains("đồng", StringComparison.OrdinalIgnoreCase));

    private static string Clean(string statement)
    {
        var t = ImportText.Squash(ImportText.Normalize(statement));
        t = Bullet().Replace(t, "");
        return t.TrimEnd(';', ',', ' ');
    }

    private static int? Deadline(string text) =>
        DeadlineYear().Match(text.ToLower(ImportText.VietnameseCulture)) is { Success: true } m ? int.Parse(m.Groups["y"].Value) : null;

    [GeneratedRegex(@"^(?:[-+•*]\s*|[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]\s+(?=\p{L}))")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"năm\s+(?<y>(?:19|20)\d{2})(?!\s*-\s*\d)")]
    private static partial Regex DeadlineYear();

    // "tăng" and "tăng trưởng" but not "tăng cường"; "giảm … %/năm" is a (negative) rate too.
    [GeneratedRegex(@"(?<!\p{L})(?:tăng(?!\s+cường)|giảm(?=\s+(?:bình quân\s+)?\d))(?!\p{L})")]
    private static partial Regex Growth();

    [GeneratedRegex(@"(?<!\p{L})giảm(?!\p{L})")]
    private static partial Regex Decrease();

    [GeneratedRegex(@"(?<!\p{L})(?:chi phí|vi phạm|nhựa|phát thải|khí thải|khiếu nại|hàng giả|rác thải|chất thải|ô nhiễm|tai nạn|tồn kho)(?!\p{L})")]
    private static partial Regex LowerIsBetter();

    [GeneratedRegex(@"(?<!\p{L})trong đó(?!\p{L})")]
    private static partial Regex ShareOfShare();

    [GeneratedRegex(@"(?<!\p{L})(?:được\s+)?thực hiện (?:qua|thông qua)(?!\p{L})")]
    private static partial Regex Through();

    [GeneratedRegex(@"(?:đạt|phấn đấu|(?<!\p{L})có)\s*$")]
    private static partial Regex BandLead();
}
