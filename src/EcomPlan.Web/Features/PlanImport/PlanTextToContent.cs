using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// What a plan's text says (<see cref="PlanText"/>) as the content of a draft plan (<see cref="PlanContent"/>): the
/// header from the text and the upload form, target and task groups in document order, every item with its line. The
/// indicator is the suggester's best when it passes its threshold; the deadline the plan's end year unless the target
/// names one. Pure: the review page runs it again on the stored text to show each item's doubts.
/// </summary>
public static class PlanTextToContent
{
    public const string LooseTargets = "Chỉ tiêu cụ thể";
    public const string LooseTasks = "Nhiệm vụ, giải pháp";

    public static PlanDraft Map(PlanText text, TextImportChoices choices, ImportCatalogue catalogue)
    {
        var warnings = new List<string>(text.Warnings);
        var m = text.Metadata;
        var (start, end) = (choices.PeriodStart ?? m.PeriodStart ?? 0, choices.PeriodEnd ?? m.PeriodEnd ?? 0);
        if (m.PeriodStart is { } ts && m.PeriodEnd is { } te && (ts, te) != (start, end))
            warnings.Add($"Giai đoạn đã nhập ({start}–{end}) khác giai đoạn văn bản ghi ({ts}–{te}).");
        var header = new PlanHeader(Blank(choices.Title) ?? m.Title ?? "", choices.Level, choices.ProvinceCode, start, end,
            m.DocumentNumber, m.DocumentDate, IssuingBody(choices, m, warnings), choices.SourceKind, Blank(choices.SourceNote), null, null);
        CheckProvince(choices, m, warnings);

        var targetGroups = new DraftGroups(text.Targets.Select(t => t.Group), LooseTargets);
        for (var i = 0; i < text.Targets.Count; i++) targetGroups.Add(text.Targets[i].Group, i);
        var keys = new HashSet<string>();
        var targets = new List<TargetDraft>();
        var targetContent = targetGroups.Entries.Select(g => new TargetGroupContent(g.Code, g.Title, g.Items.Select((item, n) =>
        {
            var draft = TargetDrafts.Make(text.Targets[item], Key(g, n + 1, keys), start, end, catalogue, warnings);
            targets.Add(draft);
            return draft.Content;
        }).ToList())).ToList();

        var kept = text.Tasks.Where(t => !TaskDrafts.IsPlaceholder(t, warnings)).ToList();
        var taskGroups = new DraftGroups(kept.Select(t => t.Group), LooseTasks);
        for (var i = 0; i < kept.Count; i++) taskGroups.Add(kept[i].Group, i);
        var tasks = new List<TaskDraft>();
        var taskContent = taskGroups.Entries.Select(g =>
        {
            var first = kept[g.Items[0]];
            var items = g.Items.Select(item =>
            {
                var draft = TaskDrafts.Make(kept[item], g.FromDocument ? g.Code : null, start, end);
                tasks.Add(draft);
                return draft.Content;
            }).ToList();
            var source = first.Source + (g.FromDocument ? $", mục {g.Code}" : "");
            return new TaskGroupContent(g.Code, g.Title, items, source.Length <= 200 ? source : null);
        }).ToList();

        var content = new PlanContent(header,
            text.Viewpoints.Select(v => new StatementContent(v.Text, v.Line)).ToList(),
            text.Objectives.Select(o => new StatementContent(o.Text, o.Line)).ToList(),
            targetContent, taskContent);
        return new PlanDraft(content, targets, tasks, warnings);
    }

    /// <summary>"2.1.3" under the document's group "2.1"; "1", "2"… in a group the import named; unique in the plan.</summary>
    private static string Key(DraftGroups.Entry group, int n, HashSet<string> keys)
    {
        var key = group.FromDocument ? $"{group.Code}.{n}" : n.ToString();
        if (key.Length > 32 || !keys.Add(key))
            key = Enumerable.Range(1, int.MaxValue).Select(i => i.ToString()).First(keys.Add);
        return key;
    }

    /// <summary>The form's, else the text's; a provincial plan's is its People's Committee, said in a warning.</summary>
    private static string IssuingBody(TextImportChoices choices, PlanMetadata m, List<string> warnings)
    {
        if ((Blank(choices.IssuingBody) ?? Blank(m.IssuingBody)) is { } stated) return stated;
        if (choices.ProvinceFullName is not { } province) return "";
        var body = "Ủy ban nhân dân " + ImportText.LowerFirst(province);
        warnings.Add($"Văn bản không ghi rõ cơ quan ban hành: tạm ghi “{body}”.");
        return body;
    }

    /// <summary>A text naming another province is most likely a wrong choice on the form: said, not refused.</summary>
    private static void CheckProvince(TextImportChoices choices, PlanMetadata m, List<string> warnings)
    {
        if (choices.ProvinceName is not { } name) return;
        var said = string.Join(" ", new[] { m.IssuingBody, m.Title }.OfType<string>());
        if (said.Length > 0 && !VietnameseText.Fold(said).Contains(VietnameseText.Fold(name), StringComparison.Ordinal))
            warnings.Add($"Văn bản ghi “{said}”, không nhắc tới {name}: kiểm tra đã chọn đúng tỉnh, thành phố.");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
