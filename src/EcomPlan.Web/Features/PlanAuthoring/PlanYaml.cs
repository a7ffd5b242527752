using System.Globalization;
using System.Text;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Seeding;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// A plan as a plan data file (docs/plan-data-format.md): the format the shipped plans are transcribed in becomes one
/// more way out of and into the platform. <see cref="Write"/> writes what <see cref="PlanFileReader"/> reads back to the
/// same content. Pure.
/// </summary>
public static class PlanYaml
{
    public static readonly IReadOnlyDictionary<TargetKind, string> KindCodes = PlanFileReader.Kinds.ToDictionary(k => k.Value, k => k.Key);

    /// <summary>The file for plan <paramref name="id"/>; agency kinds by folded name (new names are written as "other").</summary>
    public static string Write(string id, PlanContent content, PlanStatus status, bool isPublic, string? sourceDocument,
        IReadOnlyDictionary<string, (string Kind, bool National)> agencies)
    {
        var y = new StringBuilder();
        var h = content.Header;
        y.Append("# Plan data file (docs/plan-data-format.md), written by EcomPlan.\n");
        Field(y, 0, "id", id);
        Field(y, 0, "title", h.Title);
        Field(y, 0, "level", h.Level == PlanLevel.National ? "national" : "provincial", quote: false);
        if (h.ProvinceCode is not null) Field(y, 0, "provinceCode", h.ProvinceCode);
        Raw(y, 0, "periodStart", Int(h.PeriodStart));
        Raw(y, 0, "periodEnd", Int(h.PeriodEnd));
        Field(y, 0, "documentNumber", h.DocumentNumber);
        Raw(y, 0, "documentDate", h.DocumentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null");
        Field(y, 0, "issuingBody", h.IssuingBody);
        Field(y, 0, "status", status == PlanStatus.Draft ? "draft" : "approved", quote: false);
        Raw(y, 0, "isPublic", isPublic ? "true" : "false");
        Field(y, 0, "sourceDocument", sourceDocument);
        Field(y, 0, "sourceKind", PlanFileReader.SourceKinds.First(k => k.Value == h.SourceKind).Key, quote: false);
        Field(y, 0, "sourceNote", h.SourceNote);
        if (h.NationalPlanId is not null) Field(y, 0, "nationalPlan", h.NationalPlanId);
        Field(y, 0, "note", h.Note);
        foreach (var (key, items) in new[] { ("viewpoints", content.Viewpoints), ("objectives", content.Objectives) })
        {
            y.Append(key).Append(items.Count == 0 ? ": []\n" : ":\n");
            foreach (var s in items) { y.Append("  - text: ").Append(Quote(s.Text)).Append('\n'); Raw(y, 4, "line", Int(s.Line)); }
        }
        var names = content.AgencyNames;
        y.Append(names.Count == 0 ? "agencies: []\n" : "agencies:\n");
        foreach (var name in names)
        {
            var (kind, national) = agencies.GetValueOrDefault(Infrastructure.VietnameseText.Fold(name), ("other", false));
            y.Append("  - name: ").Append(Quote(name)).Append('\n');
            Field(y, 4, "kind", kind, quote: false);
            if (h.Level == PlanLevel.Provincial && national) Raw(y, 4, "national", "true");
        }
        y.Append(content.TargetGroups.Count == 0 ? "targetGroups: []\n" : "targetGroups:\n");
        foreach (var g in content.TargetGroups)
        {
            y.Append("  - code: ").Append(Quote(g.Code)).Append('\n');
            Field(y, 4, "title", g.Title);
            y.Append(g.Targets.Count == 0 ? "    targets: []\n" : "    targets:\n");
            foreach (var t in g.Targets) WriteTarget(y, t);
        }
        y.Append(content.TaskGroups.Count == 0 ? "taskGroups: []\n" : "taskGroups:\n");
        foreach (var g in content.TaskGroups)
        {
            y.Append("  - code: ").Append(Quote(g.Code)).Append('\n');
            Field(y, 4, "title", g.Title);
            Field(y, 4, "source", g.Source);
            y.Append(g.Tasks.Count == 0 ? "    tasks: []\n" : "    tasks:\n");
            foreach (var t in g.Tasks)
            {
                y.Append("      - number: ").Append(t.Number is null ? "null" : Quote(t.Number)).Append('\n');
                Field(y, 8, "text", t.Text);
                Raw(y, 8, "lead", List(t.Lead));
                Raw(y, 8, "coordinating", List(t.Coordinating));
                Raw(y, 8, "startYear", t.StartYear is { } s ? Int(s) : "null");
                Raw(y, 8, "endYear", t.EndYear is { } e ? Int(e) : "null");
                Field(y, 8, "timeframe", t.Timeframe);
                Field(y, 8, "source", t.Source);
                Raw(y, 8, "line", Int(t.Line));
            }
        }
        return y.ToString();
    }

    private static void WriteTarget(StringBuilder y, TargetContent t)
    {
        y.Append("      - key: ").Append(Quote(t.Key)).Append('\n');
        Field(y, 8, "text", t.Text);
        Field(y, 8, "indicator", t.Indicator);
        Field(y, 8, "kind", KindCodes[t.Kind], quote: false);
        Raw(y, 8, "value", Num(t.Value));
        Raw(y, 8, "min", Num(t.Min));
        Raw(y, 8, "max", Num(t.Max));
        Raw(y, 8, "exclusive", t.Exclusive ? "true" : "false");
        if (t.Tolerance is not null) Raw(y, 8, "tolerance", Num(t.Tolerance));
        Field(y, 8, "unit", t.Unit);
        Field(y, 8, "of", t.Of);
        Raw(y, 8, "deadlineYear", t.DeadlineYear is { } d ? Int(d) : "null");
        Raw(y, 8, "baseline", t.Baseline is { } b ? $"{{value: {Num(b.Value)}, year: {Int(b.Year)}, line: {Int(b.Line)}}}" : "null");
        if (t.Result is { } r)
        {
            y.Append("        result:\n");
            Raw(y, 10, "value", Num(r.Value));
            Raw(y, 10, "year", Int(r.Year));
            Raw(y, 10, "line", Int(r.Line));
            Field(y, 10, "text", r.Text);
        }
        else Raw(y, 8, "result", "null");
        Raw(y, 8, "monitoringAgencies", List(t.MonitoringAgencies));
        Field(y, 8, "source", t.Source);
        Raw(y, 8, "line", Int(t.Line));
        foreach (var (key, conflict) in new[] { ("alsoIn", false), ("conflicts", true) })
        {
            var refs = (t.References ?? []).Where(r => r.IsConflict == conflict).ToList();
            y.Append(' ', 8).Append(key).Append(refs.Count == 0 ? ": []\n" : ":\n");
            foreach (var reference in refs)
            {
                y.Append(' ', 10).Append("- source: ").Append(Quote(reference.Source)).Append('\n');
                Raw(y, 12, "line", Int(reference.Line));
                if (reference.Text is not null) Field(y, 12, "text", reference.Text);
                if (reference.Value is not null) Raw(y, 12, "value", Num(reference.Value));
                if (reference.Min is not null) Raw(y, 12, "min", Num(reference.Min));
                if (reference.Max is not null) Raw(y, 12, "max", Num(reference.Max));
            }
        }
    }

    private static void Field(StringBuilder y, int indent, string key, string? value, bool quote = true) =>
        Raw(y, indent, key, value is null ? "null" : quote ? Quote(value) : value);

    private static void Raw(StringBuilder y, int indent, string key, string value) => y.Append(' ', indent).Append(key).Append(": ").Append(value).Append('\n');

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Num(decimal? v) => v is { } d ? d.ToString("0.############", CultureInfo.InvariantCulture) : "null";

    private static string List(IReadOnlyList<string> items) => "[" + string.Join(", ", items.Select(Quote)) + "]";

    public static bool IsPlanFile(string fileName) =>
        fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An uploaded plan file read into content, as a workbook is: its first problem with the file's line (the reader stops
    /// there), the kinds its agencies list gives new agencies.
    /// </summary>
    public static WorkbookRead Read(byte[] bytes, string fileName)
    {
        var read = new WorkbookRead();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            read.Add("YAML", 0, "", "Tệp kế hoạch phải là văn bản UTF-8.");
            return read;
        }
        try
        {
            var file = PlanFileReader.Read(fileName, text, _ => PlanFileReader.AnyDocument);
            read.Content = PlanContentStore.FromEntities(file.Plan);
            foreach (var a in file.Agencies) read.AgencyKinds[a.SearchText] = a.Kind;
        }
        catch (PlanFileException e)
        {
            read.Add("YAML", e.LineNumber, "", e.Problem);
        }
        return read;
    }

    /// <summary>A double-quoted YAML scalar: backslash, quote and control characters escaped.</summary>
    public static string Quote(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var ch in s)
            b.Append(ch switch
            {
                '\\' => "\\\\", '"' => "\\\"", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t",
                _ when char.IsControl(ch) => $"\\u{(int)ch:X4}",
                _ => ch.ToString(),
            });
        return b.Append('"').ToString();
    }
}
