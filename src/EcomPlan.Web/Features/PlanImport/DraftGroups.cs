namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// The groups of one kind of item (targets or tasks) in document order, each with a code unique among them: the
/// document's own ("2.1", "I", "a") where it has one, else "1", "2"… not used by the document. Items without a group
/// share one group of their own.
/// </summary>
internal sealed class DraftGroups(IEnumerable<ItemGroup?> groups, string looseTitle)
{
    public sealed record Entry(string Code, string Title, bool FromDocument)
    {
        public List<int> Items { get; } = [];
    }

    private readonly HashSet<string> taken = groups.OfType<ItemGroup>().Select(g => g.Code.Trim()).Where(c => c.Length is > 0 and <= 32).ToHashSet();
    private readonly HashSet<string> given = [];
    private readonly Dictionary<ItemGroup, Entry> byGroup = [];
    private Entry? loose;

    public List<Entry> Entries { get; } = [];

    public Entry Add(ItemGroup? group, int item)
    {
        Entry entry;
        if (group is null) entry = loose ??= New(null, looseTitle);
        else if (!byGroup.TryGetValue(group, out entry!)) entry = byGroup[group] = New(group.Code.Trim(), Title(group));
        entry.Items.Add(item);
        return entry;
    }

    private Entry New(string? documentCode, string title)
    {
        var fromDocument = documentCode is { Length: > 0 and <= 32 } && !given.Contains(documentCode);
        var code = fromDocument ? documentCode! : Enumerable.Range(1, int.MaxValue).Select(n => n.ToString()).First(c => !taken.Contains(c) && !given.Contains(c));
        given.Add(code);
        var entry = new Entry(code, title, fromDocument);
        Entries.Add(entry);
        return entry;
    }

    private static string Title(ItemGroup g)
    {
        var title = ImportText.Squash(g.Title).TrimEnd(':', ' ');
        if (title.Length == 0) return $"Nhóm {g.Code.Trim()}".Trim();
        return title.Length <= 500 ? title : title[..499] + "…";
    }
}
