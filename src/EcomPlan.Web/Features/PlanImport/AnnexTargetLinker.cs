namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Joins a target annex ("Phụ lục 1: chỉ tiêu, đơn vị theo dõi") to the body's targets. Each annex row goes
/// to the body target it words most alike (best pairs first, one row per target); the body keeps its value
/// and learns the monitoring units and whether the annex agrees. A row matching no body target is a target of
/// its own: some plans state a target only in the annex.
/// </summary>
public static class AnnexTargetLinker
{
    /// <summary>Below this the wordings are taken to be different targets.</summary>
    public const double SameTarget = 0.45;

    public static IReadOnlyList<TargetItem> Link(IReadOnlyList<TargetItem> body, IReadOnlyList<AnnexTargetRow> rows, string source)
    {
        var pairs = (from b in Enumerable.Range(0, body.Count)
                     from r in Enumerable.Range(0, rows.Count)
                     let score = Score(body[b], rows[r])
                     where score >= SameTarget
                     orderby score descending
                     select (b, r)).ToList();
        var result = body.ToList();
        var usedBody = new HashSet<int>();
        var usedRow = new HashSet<int>();
        foreach (var (b, r) in pairs)
        {
            if (usedBody.Contains(b) || usedRow.Contains(r)) continue;
            usedBody.Add(b);
            usedRow.Add(r);
            var row = rows[r];
            result[b] = result[b] with
            {
                MonitoringAgencies = row.Monitors,
                Annex = new AnnexStatement(row.Text, row.Line, row.Reading, Agrees(result[b].Reading, row.Reading)),
            };
        }
        for (var r = 0; r < rows.Count; r++)
        {
            if (usedRow.Contains(r)) continue;
            var row = rows[r];
            result.Add(new TargetItem(row.Text, row.Text, row.Line, row.Group, row.Reading, source, row.Monitors, null, null));
        }
        return result;
    }

    private static double Score(TargetItem body, AnnexTargetRow row)
    {
        // The annex names the indicator; the body's clause may lack its subject ("chiếm 20% …"), so the whole statement counts too.
        var clause = ImportText.Similarity(body.Text, row.Text);
        var statement = ImportText.Similarity(body.Statement, row.Text) * 0.8;
        var kindBonus = SameFamily(body.Reading.Kind, row.Reading.Kind) ? 0.1 : 0;
        return Math.Max(clause, statement) + kindBonus;
    }

    private static bool SameFamily(PhraseKind a, PhraseKind b) =>
        a == b || (a is PhraseKind.Floor or PhraseKind.Approximate or PhraseKind.Band && b is PhraseKind.Floor or PhraseKind.Approximate or PhraseKind.Band);

    public static bool Agrees(TargetReading a, TargetReading b) =>
        a.Kind == b.Kind && a.Value == b.Value && a.Min == b.Min && a.Max == b.Max && a.Exclusive == b.Exclusive;
}
