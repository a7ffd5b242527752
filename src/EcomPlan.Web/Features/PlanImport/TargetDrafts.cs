using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// One target read from a text as it will be stored. What the target rules would refuse cannot be corrected on the
/// import form (the person has only the text), so such a target is kept as a qualitative one with its reading in a
/// doubt, for the review; nothing the text says is dropped. Pure.
/// </summary>
public static class TargetDrafts
{
    /// <summary>A suggestion scoring below this is shown as one to check.</summary>
    public const double SureScore = 0.75;

    /// <summary>
    /// A reading less confident than this is shown as one to check. A bare "70% doanh nghiệp …" read as a floor (0.8)
    /// is how every plan writes its targets; an inferred ceiling (0.7) or a share of an unnamed share (0.6) is not.
    /// </summary>
    public const double SureConfidence = 0.8;

    /// <summary>
    /// The kind a reading becomes for an indicator going <paramref name="direction"/>: the rules keep two-sided ranges for
    /// two-sided indicators, so "không quá 8-15%" of a cost (lower is better) is a band: at most 15, aiming at 8.
    /// </summary>
    public static TargetKind KindFor(PhraseKind kind, string? direction)
    {
        var read = PhraseKinds.ToTargetKind(kind);
        return read == TargetKind.Range && direction is "higher" or "lower" ? TargetKind.Band : read;
    }

    public static TargetDraft Make(TargetItem item, string key, int periodStart, int periodEnd, ImportCatalogue catalogue, List<string> warnings)
    {
        var r = item.Reading;
        var doubts = new List<string>();
        var suggestion = IndicatorSuggester.SuggestFor(item, catalogue.Entries);
        var indicator = suggestion?.Code;
        var direction = indicator is null ? null : catalogue.Directions.GetValueOrDefault(indicator);
        var kind = KindFor(r.Kind, direction);
        if (r.Confidence < SureConfidence) doubts.Add($"Cách đọc con số chưa chắc chắn (độ tin cậy {VietnameseText.FormatNumber((decimal)Math.Round(r.Confidence * 100))}%).");
        if (kind != PhraseKinds.ToTargetKind(r.Kind))
        {
            doubts.Add($"Khoảng giá trị của một chỉ số {(direction == "higher" ? "càng cao càng tốt" : "càng thấp càng tốt")}: lưu là “{TargetText.KindName(kind)}”.");
        }
        if (suggestion is { Score: < SureScore }) doubts.Add($"Chỉ số gợi ý chưa chắc chắn (mức khớp {VietnameseText.FormatNumber((decimal)suggestion.Score)}): kiểm tra.");
        if (item.Annex is { Agrees: false } annex) doubts.Add($"Phụ lục (dòng {annex.Line}) ghi khác: “{annex.Text}”.");

        var deadline = r.DeadlineYear ?? periodEnd;
        if (deadline < periodStart || deadline > periodEnd + 5)
        {
            doubts.Add($"Thời hạn {deadline} nằm ngoài kỳ kế hoạch: lấy năm cuối kỳ {periodEnd}.");
            deadline = periodEnd;
        }
        var target = new TargetContent(key, Text(item, doubts), indicator, kind, r.Value, r.Min, r.Max, r.Exclusive, r.Tolerance, Unit(r.Unit, doubts), r.Of,
            deadline, DraftNames.Clean(item.MonitoringAgencies, doubts), string.IsNullOrWhiteSpace(item.Source) ? $"Dòng {item.Line}" : item.Source, item.Line,
            References: item.Annex is { } a ? [new ReferenceContent(!a.Agrees, "Phụ lục", a.Line, a.Text, a.Reading.Value, a.Reading.Min, a.Reading.Max)] : []);

        var problems = TargetRules.Check(kind, target.Value, target.Min, target.Max, target.Tolerance, target.Unit, indicator, direction, deadline,
            periodStart, periodEnd, target.Of);
        if (problems.Count > 0)
        {
            var why = problems.Any(p => p.Field == "indicator") ? "chưa tìm được chỉ số phù hợp trong danh mục"
                : string.Join(" ", problems.Select(p => ImportText.LowerFirst(p.Message.TrimEnd('.')))) ;
            var requirement = TargetText.Requirement(kind, target.Value, target.Min, target.Max, target.Exclusive, target.Unit, target.Tolerance, direction == "lower");
            var doubt = $"Tạm lưu là chỉ tiêu định tính vì {why}; văn bản ghi “{requirement}”. Hãy sửa: chọn chỉ số, loại và giá trị.";
            doubts.Add(doubt);
            warnings.Add($"Dòng {item.Line}: chỉ tiêu “{Short(target.Text)}”: {doubt}");
            target = target with
            {
                Kind = TargetKind.Qualitative, Value = null, Min = null, Max = null, Exclusive = false, Tolerance = null, Unit = null, Of = null,
            };
        }
        return new TargetDraft(target, item, suggestion, doubts);
    }

    /// <summary>The whole statement, as the transcribers keep it: the requirement columns tell its targets apart.</summary>
    private static string Text(TargetItem item, List<string> doubts)
    {
        if (item.Statement.Length <= 2000) return item.Statement;
        if (item.Text.Length <= 2000) return item.Text;
        doubts.Add("Nội dung dài quá 2.000 ký tự: đã cắt bớt, xem toàn văn ở dòng nguồn.");
        return item.Text[..1999] + "…";
    }

    private static string? Unit(string? unit, List<string> doubts)
    {
        if (unit is not { Length: > 64 }) return unit;
        doubts.Add($"Đơn vị “{unit}” dài quá 64 ký tự: bỏ.");
        return null;
    }

    internal static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
