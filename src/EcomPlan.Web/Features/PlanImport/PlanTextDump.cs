using System.Text;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>A plain-text listing of what the parser read, line by line, for reviewing a document by eye.</summary>
public static class PlanTextDump
{
    public static string Format(PlanText text)
    {
        var sb = new StringBuilder();
        var m = text.Metadata;
        sb.AppendLine($"Số: {m.DocumentNumber ?? "–"} | ngày: {m.DocumentDate?.ToString("dd/MM/yyyy") ?? "–"} | cơ quan: {m.IssuingBody ?? "–"} | giai đoạn: {m.PeriodStart}-{m.PeriodEnd}");
        sb.AppendLine($"Tên: {m.Title ?? "–"}");
        foreach (var v in text.Viewpoints) sb.AppendLine($"[quan điểm {v.Line}] {Short(v.Text)}");
        foreach (var o in text.Objectives) sb.AppendLine($"[mục tiêu chung {o.Line}] {Short(o.Text)}");
        foreach (var t in text.Targets) sb.AppendLine(Target(t));
        if (text.Evaluation is { } e)
        {
            sb.AppendLine($"Đánh giá giai đoạn {e.PeriodStart}-{e.PeriodEnd} (dòng {e.Line}):");
            foreach (var t in e.Targets) sb.AppendLine(Target(t));
        }
        foreach (var t in text.Tasks)
            sb.AppendLine($"[nhiệm vụ {t.Line}] {t.Source} {t.Group?.Code} {t.Number} | chủ trì: {string.Join("; ", t.Lead)} | phối hợp: {string.Join("; ", t.Coordinating)} | "
                + $"{t.Timeframe} ({t.StartYear}-{t.EndYear}) | {Short(t.Text)}");
        foreach (var w in text.Warnings) sb.AppendLine($"! {w}");
        return sb.ToString();
    }

    private static string Target(TargetItem t)
    {
        var r = t.Reading;
        var values = r.Value is { } v ? VietnameseText.FormatNumber(v) : $"{r.Min}..{r.Max}";
        var annex = t.Annex is { } a ? $" | phụ lục dòng {a.Line}{(a.Agrees ? "" : $" KHÁC: {a.Reading.Kind} {a.Reading.Value}{a.Reading.Min}..{a.Reading.Max}")}" : "";
        var result = t.Result is { } res ? $" | kết quả {res.Value}" : "";
        return $"[chỉ tiêu {t.Line}] {t.Group?.Code} {r.Kind} {values}{(r.Exclusive ? " (loại trừ)" : "")} {r.Unit} năm {r.DeadlineYear} "
            + $"{(r.Of is null ? "" : $"của «{r.Of}» ")}| theo dõi: {string.Join("; ", t.MonitoringAgencies)}{annex}{result} | {Short(t.Text)}";
    }

    private static string Short(string text) => text.Length <= 90 ? text : text[..87] + "…";
}
