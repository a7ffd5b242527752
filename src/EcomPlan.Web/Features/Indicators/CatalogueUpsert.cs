namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// How a shipped indicators.yaml reaches a database that already has a catalogue. The rule:
/// <list type="bullet">
/// <item>entries of the file missing from the database are added; nothing is ever deleted (indicators created at run
/// time, and shipped ones a later file drops, stay with their values);</item>
/// <item>the file owns what gives stored values their meaning: unit, direction, period type, kind, numerator,
/// denominator, factor, roll-up and its condition, related indicators; those always follow the file;</item>
/// <item>the wording and the concept (names, definition, note, concept) follow the file too, except each one the
/// Ministry changed (<see cref="Indicator.MinistryEditedFields"/>), and all of them for an indicator the Ministry
/// created or accepted at run time: the Ministry's words are kept, and the start-up audit entry lists them.</item>
/// </list>
/// Data elements alike: the unit follows the file; the names too, unless the element was created at run time.
/// Pure: the seeder loads, calls <see cref="Apply(Indicator, Indicator)"/> and saves in one transaction.
/// </summary>
public static class CatalogueUpsert
{
    private sealed record Field(string Name, Func<Indicator, object?> Get, Action<Indicator, Indicator> Copy);

    private static readonly Field[] FileOwned =
    [
        new(nameof(Indicator.Unit), i => i.Unit, (to, from) => to.Unit = from.Unit),
        new(nameof(Indicator.Direction), i => i.Direction, (to, from) => to.Direction = from.Direction),
        new(nameof(Indicator.PeriodType), i => i.PeriodType, (to, from) => to.PeriodType = from.PeriodType),
        new(nameof(Indicator.Kind), i => i.Kind, (to, from) => to.Kind = from.Kind),
        new(nameof(Indicator.Numerator), i => i.Numerator, (to, from) => to.Numerator = from.Numerator),
        new(nameof(Indicator.Denominator), i => i.Denominator, (to, from) => to.Denominator = from.Denominator),
        new(nameof(Indicator.Factor), i => i.Factor, (to, from) => to.Factor = from.Factor),
        new(nameof(Indicator.Rollup), i => i.Rollup, (to, from) => to.Rollup = from.Rollup),
        new(nameof(Indicator.RollupCondition), i => i.RollupCondition, (to, from) => to.RollupCondition = from.RollupCondition),
        new(nameof(Indicator.Related), i => i.Related, (to, from) => to.Related = from.Related),
    ];

    private static readonly Field[] MinistryEditable =
    [
        new(nameof(Indicator.NameVi), i => i.NameVi, (to, from) => to.NameVi = from.NameVi),
        new(nameof(Indicator.NameEn), i => i.NameEn, (to, from) => to.NameEn = from.NameEn),
        new(nameof(Indicator.Definition), i => i.Definition, (to, from) => to.Definition = from.Definition),
        new(nameof(Indicator.Note), i => i.Note, (to, from) => to.Note = from.Note),
        new(nameof(Indicator.Concept), i => i.Concept, (to, from) => to.Concept = from.Concept),
    ];

    /// <summary>Names of the properties the Ministry may edit (<see cref="EditIndicator"/>).</summary>
    public static readonly IReadOnlySet<string> MinistryEditableNames = MinistryEditable.Select(f => f.Name).ToHashSet();

    /// <summary>What start-up did to one entry: the fields it took from the file, and those that differ but were kept.</summary>
    public sealed record Change(string Code, IReadOnlyList<string> Updated, IReadOnlyList<string> Kept);

    /// <summary>The fields of <paramref name="stored"/> that are the Ministry's, not the file's.</summary>
    public static IReadOnlySet<string> MinistryOwned(Indicator stored) =>
        stored.Origin != CatalogueOrigin.Catalogue
            ? MinistryEditableNames
            : (stored.MinistryEditedFields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

    /// <summary>Brings a stored indicator in line with the file's entry of the same code, by the rule above.</summary>
    public static Change Apply(Indicator stored, Indicator file)
    {
        var ministry = MinistryOwned(stored);
        var updated = new List<string>();
        var kept = new List<string>();
        foreach (var f in FileOwned.Concat(MinistryEditable))
        {
            if (Equals(f.Get(stored), f.Get(file))) continue;
            if (ministry.Contains(f.Name)) { kept.Add(f.Name); continue; }
            f.Copy(stored, file);
            updated.Add(f.Name);
        }
        return new Change(stored.Code, updated, kept);
    }

    public static Change Apply(DataElement stored, DataElement file)
    {
        var updated = new List<string>();
        var kept = new List<string>();
        if (stored.Unit != file.Unit) { stored.Unit = file.Unit; updated.Add(nameof(DataElement.Unit)); }
        var ministry = stored.Origin != CatalogueOrigin.Catalogue;
        if (stored.NameVi != file.NameVi) { if (ministry) kept.Add(nameof(DataElement.NameVi)); else { stored.NameVi = file.NameVi; updated.Add(nameof(DataElement.NameVi)); } }
        if (stored.NameEn != file.NameEn) { if (ministry) kept.Add(nameof(DataElement.NameEn)); else { stored.NameEn = file.NameEn; updated.Add(nameof(DataElement.NameEn)); } }
        return new Change(stored.Code, updated, kept);
    }

    /// <summary>
    /// The Ministry-editable properties an audit entry of a wording edit changed (its NewValues hold only changed
    /// properties): databases from before <see cref="Indicator.MinistryEditedFields"/> learn their edits from the trail.
    /// </summary>
    public static IEnumerable<string> EditedIn(string? newValuesJson)
    {
        if (string.IsNullOrEmpty(newValuesJson)) return [];
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(newValuesJson);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().Select(p => p.Name).Where(MinistryEditableNames.Contains).ToList()
                : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    /// <summary>The comma-separated list stored in <see cref="Indicator.MinistryEditedFields"/>, in a stable order.</summary>
    public static string? Join(IEnumerable<string> fields)
    {
        var set = fields.ToHashSet();
        var ordered = MinistryEditable.Select(f => f.Name).Where(set.Contains).ToList();
        return ordered.Count == 0 ? null : string.Join(",", ordered);
    }
}
