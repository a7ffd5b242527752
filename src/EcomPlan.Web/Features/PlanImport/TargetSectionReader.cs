using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Reads the section of specific targets ("Mục tiêu cụ thể", "Chỉ tiêu cụ thể"): a numbered item whose next
/// item is deeper is a group heading ("2.1. Về …", "a) Về …"), every other item is a target statement, split
/// into one target per value it requires. Placeholders ("……") and introductions ending in ":" are skipped.
/// </summary>
public static partial class TargetSectionReader
{
    public const string SourceName = "Mục tiêu cụ thể";

    public static IReadOnlyList<TargetItem> Read(IReadOnlyList<Paragraph> body)
    {
        var section = Sections.Find(body, Heading());
        if (section is null) return [];
        var headingYear = YearInHeading().Match(section.Heading.Text.ToLower(ImportText.VietnameseCulture)) is { Success: true } y
            ? int.Parse(y.Groups["y"].Value) : (int?)null;

        var items = new List<TargetItem>();
        ItemGroup? group = null;
        var content = section.Content;
        for (var i = 0; i < content.Count; i++)
        {
            var p = content[i];
            var body1 = p.Body.Trim();
            if (ImportText.IsPlaceholder(body1) || body1.Length == 0) continue;
            var hasValue = ValueMentions.Find(body1).Count > 0;
            var next = content.Skip(i + 1).FirstOrDefault(n => !ImportText.IsPlaceholder(n.Body));
            if (p.Marker is not null && next is not null && next.Rank > p.Rank && !hasValue)
            {
                group = new ItemGroup(p.Marker.Code, ImportText.Squash(body1).TrimEnd(':', ' '), p.Line);
                continue;
            }
            if (!hasValue && body1.EndsWith(':')) continue;
            // In a bulleted list, a line without a bullet or a number is stray text (a table row, a note), not a target.
            if (!hasValue && p.Marker is null && content.Any(c => c.Marker is not null)) continue;
            foreach (var reading in TargetPhrase.ReadAll(body1))
            {
                var r = reading.DeadlineYear is null && headingYear is not null
                    ? reading with { DeadlineYear = headingYear, Notes = [.. reading.Notes, $"Năm {headingYear} lấy từ tiêu đề mục."] }
                    : reading;
                items.Add(new TargetItem(r.Text, ImportText.Squash(body1), p.Line, group, r, SourceName, [], null, null));
            }
        }
        return items;
    }

    [GeneratedRegex(@"^(muc tieu|chi tieu)( phat trien)? cu the")]
    private static partial Regex Heading();

    [GeneratedRegex(@"năm\s+(?<y>(?:19|20)\d{2})")]
    private static partial Regex YearInHeading();
}
