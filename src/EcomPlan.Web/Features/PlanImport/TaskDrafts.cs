using EcomPlan.Web.Features.PlanAuthoring;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// One annex task as it will be stored. As with targets, what the rules would refuse and the person cannot correct on
/// the import form is left out of the stored fields and said in a doubt; the task's text is always kept. Pure.
/// </summary>
public static class TaskDrafts
{
    public static TaskDraft Make(TaskItem item, string? groupCode, int periodStart, int periodEnd)
    {
        var doubts = new List<string>();
        var text = ImportText.Squash(item.Text);
        if (text.Length > 4000)
        {
            doubts.Add("Nội dung dài quá 4.000 ký tự: đã cắt bớt, xem toàn văn ở dòng nguồn.");
            text = text[..3999] + "…";
        }
        var number = item.Number?.Trim();
        if (number is { Length: > 16 }) { doubts.Add($"Số thứ tự “{number}” dài quá 16 ký tự: bỏ."); number = null; }
        var (start, end) = (item.StartYear, item.EndYear);
        if (start is { } s && (s < periodStart - 1 || s > periodEnd + 5) || end is { } e && (e < periodStart - 1 || e > periodEnd + 5) || start > end)
        {
            doubts.Add($"Năm thực hiện đọc được ({start}–{end}) không khớp kỳ kế hoạch {periodStart}–{periodEnd}: bỏ năm, giữ lời văn thời gian.");
            (start, end) = (null, null);
        }
        var timeframe = item.Timeframe?.Trim();
        if (timeframe is { Length: > 100 }) timeframe = timeframe[..99] + "…";
        var lead = DraftNames.Clean(item.Lead, doubts);
        if (lead.Count == 0) doubts.Add("Văn bản không ghi cơ quan chủ trì: giao cơ quan chủ trì khi rà soát.");
        var source = item.Source + (groupCode is null ? "" : $", mục {groupCode}{(number is null ? "" : "." + number)}");
        var task = new TaskContent(number, text, lead, DraftNames.Clean(item.Coordinating, doubts), start, end, timeframe,
            source.Length <= 200 ? source : item.Source, item.Line);
        return new TaskDraft(task, item, doubts);
    }

    /// <summary>"……" rows of a draft are placeholders, not tasks: they are left out with a warning.</summary>
    public static bool IsPlaceholder(TaskItem item, List<string> warnings)
    {
        if (!ImportText.IsPlaceholder(item.Text)) return false;
        warnings.Add($"Dòng {item.Line}: dòng giữ chỗ “{item.Text.Trim()}” của dự thảo, không phải nhiệm vụ: bỏ qua.");
        return true;
    }
}
