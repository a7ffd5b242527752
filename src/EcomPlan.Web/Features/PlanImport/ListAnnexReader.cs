namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Reads an annex without a table that lists contents under numbered headings ("1. Xây dựng, phát triển …",
/// "a) …"): each lettered or dashed item is a task without a lead agency, grouped by its heading.
/// </summary>
public static class ListAnnexReader
{
    public static IReadOnlyList<TaskItem> Tasks(Annex annex, IReadOnlyList<string> lines)
    {
        var tasks = new List<TaskItem>();
        ItemGroup? group = null;
        var paragraphs = Paragraphs.Build(lines, annex.BodyStart, annex.End);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var next = i + 1 < paragraphs.Count ? paragraphs[i + 1] : null;
            if (p.Marker is null || ImportText.IsPlaceholder(p.Body)) continue;
            if (p.Rank <= OutlineMarker.Arabic + 1 && next is not null && next.Rank > p.Rank)
            {
                group = new ItemGroup(p.Marker.Code, p.Body.TrimEnd(':', ' '), p.Line);
                continue;
            }
            if (group is null || p.Rank < OutlineMarker.LowerLetter) continue;
            tasks.Add(new TaskItem(p.Marker.Rank == OutlineMarker.LowerLetter ? p.Marker.Code : null, p.Body.TrimEnd(';', ' '), p.Line,
                group, [], [], null, null, null, annex.Name));
        }
        return tasks;
    }
}
