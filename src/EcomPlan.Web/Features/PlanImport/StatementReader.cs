using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>Reads the viewpoints ("Quan điểm") and general objectives ("Mục tiêu tổng quát"): one item per paragraph.</summary>
public static partial class StatementReader
{
    public static IReadOnlyList<TextItem> Viewpoints(IReadOnlyList<Paragraph> body) => Read(body, ViewpointHeading());

    public static IReadOnlyList<TextItem> Objectives(IReadOnlyList<Paragraph> body) => Read(body, ObjectiveHeading());

    private static IReadOnlyList<TextItem> Read(IReadOnlyList<Paragraph> body, Regex heading)
    {
        var section = Sections.Find(body, heading);
        if (section is null) return [];
        var items = new List<TextItem>();
        foreach (var p in section.Content)
        {
            var text = p.Body.Trim();
            // Sub-headings and introductions ("… như sau:") are not statements.
            if (text.Length == 0 || ImportText.IsPlaceholder(text) || text.EndsWith(':')) continue;
            if (p.Marker is { Rank: <= OutlineMarker.Arabic + 1 } && text.Length < 80 && !text.Contains(' ' + "là" + ' ')) continue;
            items.Add(new TextItem(text.TrimEnd(';', ' '), p.Line));
        }
        return items;
    }

    [GeneratedRegex(@"^quan diem")]
    private static partial Regex ViewpointHeading();

    [GeneratedRegex(@"^muc tieu (tong quat|chung)")]
    private static partial Regex ObjectiveHeading();
}
