namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Reads the text of a decision or plan (lines as PDF, DOCX or pasted text give them) into its items, each
/// with the line it starts on: metadata, viewpoints, objectives, specific targets (body and target annex),
/// the evaluated previous period, and the annex tasks with their agencies and timeframes. Pure: the same
/// lines always give the same result, and nothing is guessed from a document's name or line numbers.
/// </summary>
public static class PlanTextParser
{
    public static PlanText Parse(string text) => Parse(DocumentText.FromPastedText(text));

    public static PlanText Parse(IReadOnlyList<string> rawLines)
    {
        var lines = rawLines.Select(ImportText.CleanLine).ToList();
        var annexes = Annexes.Find(lines);
        var bodyEnd = annexes.Count > 0 ? annexes[0].HeadingIndex : lines.Count;
        var body = Paragraphs.Build(lines, 0, bodyEnd);
        var warnings = new List<string>();

        var evaluation = EvaluationReader.Read(body);
        var targets = TargetSectionReader.Read(body);
        if (targets.Count == 0) targets = TargetSentenceReader.Read(body, evaluation);
        var tasks = new List<TaskItem>();
        foreach (var annex in annexes)
        {
            switch (annex.Kind)
            {
                case AnnexKind.Targets:
                    targets = AnnexTargetLinker.Link(targets, RowTableReader.Targets(annex, lines), annex.Name);
                    break;
                case AnnexKind.Tasks:
                    tasks.AddRange(annex.AgenciesFirst ? AgencyBlockReader.Tasks(annex, lines) : RowTableReader.Tasks(annex, lines));
                    break;
                case AnnexKind.List:
                    tasks.AddRange(ListAnnexReader.Tasks(annex, lines));
                    break;
                case AnnexKind.Form:
                    warnings.Add($"{annex.Name} là mẫu văn bản, không đọc thành nhiệm vụ.");
                    break;
            }
        }
        if (targets.Count == 0) warnings.Add("Không tìm thấy mục “Mục tiêu cụ thể” hay bảng chỉ tiêu.");
        if (tasks.Count == 0) warnings.Add("Không tìm thấy phụ lục nhiệm vụ.");
        foreach (var t in targets.Where(t => t.Annex is { Agrees: false }))
            warnings.Add($"Dòng {t.Line}: chỉ tiêu “{Short(t.Text)}” được phụ lục (dòng {t.Annex!.Line}) ghi giá trị khác: “{Short(t.Annex.Text)}”.");
        foreach (var t in tasks.Where(t => t.Lead.Count == 0 && t.Source.Length > 0 && annexes.Any(a => a.Name == t.Source && a.Kind == AnnexKind.Tasks)))
            warnings.Add($"Dòng {t.Line}: nhiệm vụ “{Short(t.Text)}” không có cơ quan chủ trì.");

        return new PlanText(MetadataReader.Read(lines), StatementReader.Viewpoints(body), StatementReader.Objectives(body),
            targets, evaluation, tasks, warnings);
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
