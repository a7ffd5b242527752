using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Reads annex tables whose agency columns come first and span several rows ("Đơn vị: Chủ trì | Phối hợp |
/// Nội dung công việc | Tiến độ: Bắt đầu | Kết thúc"), as PDF extraction lays them out: a run of short lines
/// naming the lead and coordinating agencies, then the tasks they head, each followed by its start and end
/// years. A task broken by a page break goes on in lower case after its years.
/// </summary>
public static partial class AgencyBlockReader
{
    /// <summary>Agency columns are narrow: their lines are short.</summary>
    private const int NarrowLine = 28;

    private enum ChunkKind { Agencies, Task, Years }

    private sealed record Chunk(ChunkKind Kind, IReadOnlyList<string> Lines, int Line);

    public static IReadOnlyList<TaskItem> Tasks(Annex annex, IReadOnlyList<string> lines)
    {
        var tasks = new List<TaskItem>();
        var agencyRun = new List<Chunk>();
        IReadOnlyList<string> lead = [], coordinating = [];
        ItemGroup? group = null;
        foreach (var chunk in Chunks(lines, annex.BodyStart, annex.End))
        {
            if (chunk.Kind == ChunkKind.Agencies) { agencyRun.Add(chunk); continue; }
            if (agencyRun.Count > 0)
            {
                var (newLead, newCoordinating) = Resolve(agencyRun);
                if (newCoordinating.Count == 0 && lead.Count > 0 && !SameNames(newLead, lead))
                {
                    // A lone cell inside a block is the coordinating cell printed again for the next row: the lead spans the block.
                    coordinating = newLead;
                }
                else
                {
                    (lead, coordinating) = (newLead, newCoordinating);
                    group = new ItemGroup("", string.Join(", ", lead), agencyRun[0].Line);
                }
                agencyRun.Clear();
            }
            var text = ImportText.JoinLines(chunk.Lines);
            if (chunk.Kind == ChunkKind.Years)
            {
                if (tasks.Count > 0 && tasks[^1].StartYear is null && Timeframes.Parse(text) is { } y)
                    tasks[^1] = tasks[^1] with { StartYear = y.StartYear, EndYear = y.EndYear, Timeframe = y.Words };
                continue;
            }
            var (body, time) = Timeframes.SplitTrailing(text);
            // Lower case goes on after a page break; a bullet ("- Các quy định …") goes on a task not yet closed by its years.
            var continues = Paragraphs.StartsLower(body) || (IsBullet(body) && tasks.Count > 0 && tasks[^1].StartYear is null && tasks[^1].Group == group);
            if (tasks.Count > 0 && continues)
            {
                var last = tasks[^1];
                tasks[^1] = last with
                {
                    Text = last.Text + " " + body, StartYear = last.StartYear ?? time?.StartYear, EndYear = last.EndYear ?? time?.EndYear,
                    Timeframe = last.Timeframe ?? time?.Words,
                };
                continue;
            }
            tasks.Add(new TaskItem(null, body, chunk.Line, group, lead, coordinating, time?.StartYear, time?.EndYear, time?.Words, annex.Name));
        }
        return tasks;
    }

    private static IEnumerable<Chunk> Chunks(IReadOnlyList<string> lines, int from, int to)
    {
        var current = new List<string>();
        var start = 0;
        ChunkKind? previous = null;
        Chunk Make()
        {
            var kind = Classify(current, previous);
            previous = kind;
            return new Chunk(kind, current.ToList(), start);
        }
        for (var i = from; i < to; i++)
        {
            var t = ImportText.Squash(lines[i]);
            if (t.Length == 0)
            {
                if (current.Count > 0) { yield return Make(); current.Clear(); }
                continue;
            }
            if (current.Count == 0) start = i + 1;
            current.Add(t);
        }
        if (current.Count > 0) yield return Make();
    }

    private static ChunkKind Classify(IReadOnlyList<string> chunk, ChunkKind? previous)
    {
        if (chunk.Count == 1 && Timeframes.Parse(chunk[0]) is { StartYear: not null }) return ChunkKind.Years;
        if (chunk.All(l => l.Length <= NarrowLine) && (AgencyNames.LooksLikeAgency(chunk[0]) || previous == ChunkKind.Agencies))
            return ChunkKind.Agencies;
        return ChunkKind.Task;
    }

    /// <summary>The lead and coordinating cells of a run of agency chunks.</summary>
    private static (IReadOnlyList<string> Lead, IReadOnlyList<string> Coordinating) Resolve(List<Chunk> run)
    {
        var cells = new List<string>();
        foreach (var line in run.SelectMany(c => c.Lines))
        {
            // A capitalised agency name opens the next cell unless the previous one stopped mid-name ("…, các", "… và").
            var opens = cells.Count == 0 || char.IsUpper(line[0]) && AgencyNames.LooksLikeAgency(line) && !ContinuesName(cells[^1]);
            if (opens) cells.Add(line);
            else cells[^1] += " " + line;
        }
        if (cells.Count == 1)
        {
            // "Bộ Tài Chính Bộ Công Thương": lead and coordinating side by side on one line (after a comma it is a list: one cell).
            var one = cells[0];
            var split = Enumerable.Range(4, Math.Max(0, one.Length - 4))
                .FirstOrDefault(i => one[i - 1] == ' ' && one[i - 2] != ',' && char.IsUpper(one[i]) && AgencyNames.LooksLikeAgency(one[i..]));
            if (split > 0) cells = [one[..split].Trim(), one[split..].Trim()];
        }
        var lead = cells.Count > 0 ? AgencyNames.Split(cells[0]) : [];
        var coordinating = cells.Skip(1).SelectMany(AgencyNames.Split).ToList();
        return (lead, coordinating);
    }

    internal static bool IsBullet(string text) => text.Length > 1 && text[0] is '-' or '+' or '•' or '–' && text[1] == ' ';

    private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Select(Infrastructure.VietnameseText.Fold).SequenceEqual(b.Select(Infrastructure.VietnameseText.Fold));

    // A name cut after "các", "và" or "của" goes on in the next line whatever its case.
    private static bool ContinuesName(string cell) => EndsOpen().IsMatch(cell);

    [GeneratedRegex(@"(?:\s(?:các|và|của|về|thuộc)|,)\s*$")]
    private static partial Regex EndsOpen();
}
