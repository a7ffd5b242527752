using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;
using static EcomPlan.Web.Features.PlanAuthoring.PlanWorkbook;
using static EcomPlan.Web.Features.PlanAuthoring.WorkbookCells;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>Writes a plan (or the empty template) as the workbook <see cref="PlanWorkbookReader"/> reads. Pure.</summary>
internal static class PlanWorkbookWriter
{
    private const string Yes = "có";

    public static byte[] Write(PlanContent? content, WorkbookCatalogue catalogue) => Spreadsheet.WriteXlsx(
    [
        Sheet(PlanSheet, PlanColumns, PlanRows(content?.Header, content?.Viewpoints ?? [], content?.Objectives ?? [])),
        Sheet(TargetSheet, TargetColumns, TargetRows(content?.TargetGroups ?? [])),
        Sheet(TaskSheet, TaskColumns, TaskRows(content?.TaskGroups ?? [])),
        Sheet(AgencySheet, AgencyColumns, (content?.AgencyNames ?? []).Select(name =>
            Row(name, AgencyKinds.Names[catalogue.AgencyKinds.GetValueOrDefault(VietnameseText.Fold(name)) ?? AgencyKinds.Guess(name)]))),
        Sheet(ReferenceSheet, ReferenceColumns, ReferenceRows(content?.Targets ?? [])),
        Sheet(AllowedSheet, AllowedColumns, AllowedRows(catalogue)),
    ]);

    private static XlsxSheet Sheet(string name, IReadOnlyList<WorkbookColumn> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        new(name, rows.Prepend(columns.Select(c => c.Header).ToList()),
            Enumerable.Range(0, columns.Count).Where(i => columns[i].Text).ToHashSet(), columns.Select(c => c.Width).ToList(), FreezeHeader: true);

    /// <summary>Line 0 is "no line" (typed in a form): a blank cell, so that a row naming only its group stays blank.</summary>
    private static string LineOf(int? line) => line is null or 0 ? "" : Invariant(line);

    private static IReadOnlyList<string> Row(params string?[] cells) => cells.Select(c => c ?? "").ToList();

    private static IEnumerable<IReadOnlyList<string>> PlanRows(PlanHeader? h, IReadOnlyList<StatementContent> viewpoints, IReadOnlyList<StatementContent> objectives)
    {
        string Label(string field) => PlanFields.First(f => f.Field == field).Label;
        IReadOnlyList<string> Field(string field, string? value) => Row(Label(field), value, "");
        yield return Field("title", h?.Title);
        yield return Field("level", h is null ? Levels[0].Name : Levels.First(l => l.Level == h.Level).Name);
        yield return Field("provinceCode", h?.ProvinceCode);
        yield return Field("periodStart", Invariant(h?.PeriodStart));
        yield return Field("periodEnd", Invariant(h?.PeriodEnd));
        yield return Field("documentNumber", h?.DocumentNumber);
        yield return Field("documentDate", h?.DocumentDate is { } d ? VietnameseText.FormatDate(d) : "");
        yield return Field("issuingBody", h?.IssuingBody);
        yield return Field("sourceKind", PlanDiff.SourceName(h?.SourceKind ?? PlanSourceKind.FormOnly));
        yield return Field("sourceNote", h?.SourceNote);
        yield return Field("nationalPlanId", h?.NationalPlanId);
        yield return Field("note", h?.Note);
        foreach (var s in viewpoints) yield return Row(Label("viewpoint"), s.Text, LineOf(s.Line));
        foreach (var s in objectives) yield return Row(Label("objective"), s.Text, LineOf(s.Line));
        // The template shows where statements go.
        if (h is null) { yield return Row(Label("viewpoint"), "", ""); yield return Row(Label("objective"), "", ""); }
    }

    private static IEnumerable<IReadOnlyList<string>> TargetRows(IReadOnlyList<TargetGroupContent> groups)
    {
        foreach (var g in groups)
        {
            // An empty group is a row of its own, so that it survives the round trip.
            if (g.Targets.Count == 0) yield return Row(g.Code, g.Title);
            foreach (var t in g.Targets)
                yield return Row(g.Code, g.Title, t.Key, t.Text, t.Indicator, TargetText.KindName(t.Kind), Invariant(t.Value), Invariant(t.Min), Invariant(t.Max),
                    t.Exclusive ? Yes : "", Invariant(t.Tolerance), t.Unit, t.Of, Invariant(t.DeadlineYear), string.Join("; ", t.MonitoringAgencies), t.Source,
                    LineOf(t.Line), Invariant(t.Baseline?.Year), Invariant(t.Baseline?.Value), LineOf(t.Baseline?.Line), Invariant(t.Result?.Year),
                    Invariant(t.Result?.Value), t.Result?.Text, LineOf(t.Result?.Line), Invariant(t.Id));
        }
    }

    private static IEnumerable<IReadOnlyList<string>> TaskRows(IReadOnlyList<TaskGroupContent> groups)
    {
        foreach (var g in groups)
        {
            if (g.Tasks.Count == 0) yield return Row(g.Code, g.Title, g.Source);
            foreach (var t in g.Tasks)
                yield return Row(g.Code, g.Title, g.Source, t.Number, t.Text, string.Join("; ", t.Lead), string.Join("; ", t.Coordinating),
                    Invariant(t.StartYear), Invariant(t.EndYear), t.Timeframe, t.Source, LineOf(t.Line), Invariant(t.Id));
        }
    }

    public const string Agreeing = "Khớp";
    public const string Conflicting = "Mâu thuẫn";

    private static IEnumerable<IReadOnlyList<string>> ReferenceRows(IEnumerable<TargetContent> targets) =>
        targets.SelectMany(t => (t.References ?? []).Select(r =>
            Row(t.Key, r.IsConflict ? Conflicting : Agreeing, r.Source, LineOf(r.Line), r.Text, Invariant(r.Value), Invariant(r.Min), Invariant(r.Max))));

    private static IEnumerable<IReadOnlyList<string>> AllowedRows(WorkbookCatalogue catalogue)
    {
        foreach (var (code, kind) in PlanFileReader.Kinds) yield return Row("Loại chỉ tiêu", code, TargetText.KindName(kind), "cột Loại, trang Chỉ tiêu");
        foreach (var (code, name, _) in Levels) yield return Row("Cấp", code, name, "trang Kế hoạch");
        foreach (var (code, name, _) in SourceKinds) yield return Row("Nguồn", code, name, "trang Kế hoạch");
        yield return Row("Ngưỡng chặt", "có", "Ngưỡng không tính bằng (> hoặc <)", "để trống: ≥ hoặc ≤");
        yield return Row("Quan hệ", Agreeing, "Chỗ khác của văn bản nêu cùng chỉ tiêu", "trang Đối chiếu");
        yield return Row("Quan hệ", Conflicting, "Chỗ khác của văn bản nêu giá trị khác", "trang Đối chiếu");
        foreach (var (code, name) in AgencyKinds.Names) yield return Row("Loại cơ quan", code, name, "trang Cơ quan");
        foreach (var (code, name) in catalogue.Provinces) yield return Row("Tỉnh", code, name, "Mã tỉnh, trang Kế hoạch");
        foreach (var (code, name, unit) in catalogue.Indicators) yield return Row("Chỉ số", code, name, unit);
    }
}
