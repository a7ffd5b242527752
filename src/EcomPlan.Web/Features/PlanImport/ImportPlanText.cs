using System.Text;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// Imports a plan from its text (DOCX, PDF with a text layer, or pasted) as a new draft plan, never public. The person
/// says which province it belongs to and whether the text is the original document or a provisional source; the text
/// is read, mapped (<see cref="PlanTextToContent"/>) and written all or nothing by <see cref="ImportPlanContent"/>,
/// which keeps the extracted text so every item's line points into it. Any refusal writes nothing.
/// </summary>
public static class ImportPlanText
{
    public const string PastedFileName = "van-ban-dan.txt";

    /// <summary>The form's fields. Source kind "original" or "provisional"; the optional fields win over the text.</summary>
    public sealed record Request(
        string? ProvinceCode, string? SourceKind, string? SourceNote, bool CreateAgencies,
        string? Title = null, int? PeriodStart = null, int? PeriodEnd = null, string? IssuingBody = null);

    /// <summary>The text: an uploaded file (name and content) or pasted text, one of the two.</summary>
    public sealed record Input(string? FileName, Stream? File, string? Text);

    /// <summary>One reason the import was refused; the line of the item it concerns when it concerns one.</summary>
    public sealed record Problem(string Field, string Message, int? Line = null, bool CanCreate = false);

    public sealed record Result(EditOutcome Outcome, string? PlanId, int Targets, int Tasks, IReadOnlyList<string> Warnings, IReadOnlyList<Problem> Problems,
        string? Message)
    {
        public bool Ok => Outcome == EditOutcome.Done;
    }

    public static async Task<Result> HandleAsync(EcomPlanDbContext db, AccessScope scope, Request r, Input input, string actor, TimeProvider clock,
        CancellationToken ct)
    {
        var code = Blank(r.ProvinceCode);
        var level = code is null ? PlanLevel.National : PlanLevel.Provincial;
        var province = code is null ? null
            : await db.Provinces.AsNoTracking().Where(p => p.Code == code).Select(p => new { p.Name, p.FullName }).FirstOrDefaultAsync(ct);
        if (code is not null && province is null) return Refused([new("provinceCode", $"Không có tỉnh, thành phố mã '{code}'.")]);
        // Checked before the file is read: someone who may not import here learns nothing about what the text holds.
        if (!scope.CanEditPlan(level, code))
            return new Result(EditOutcome.Forbidden, null, 0, 0, [], [], level == PlanLevel.National
                ? "Chỉ Bộ Công Thương nhập kế hoạch quốc gia."
                : $"Bạn chỉ nhập được kế hoạch của tỉnh, thành phố mình quản lý, không phải {province!.FullName}.");

        var problems = CheckForm(r, input, out var kind);
        if (problems.Count > 0) return Refused(problems);
        IReadOnlyList<string> lines;
        try
        {
            lines = input.File is { } file ? DocumentText.Read(input.FileName ?? "", file) : DocumentText.FromPastedText(input.Text!);
        }
        catch (FormatException e)
        {
            return Refused([new(input.File is null ? "text" : "file", e.Message)]);
        }
        var text = PlanTextParser.Parse(lines);
        if (text.Targets.Count == 0 && text.Tasks.Count == 0)
            return Refused([new(input.File is null ? "text" : "file",
                "Không tìm thấy chỉ tiêu hay nhiệm vụ nào trong văn bản: cần mục “Mục tiêu cụ thể” (hoặc “Chỉ tiêu”) hay phụ lục nhiệm vụ. "
                + "Kiểm tra đã tải đúng văn bản kế hoạch.")], text.Warnings);

        var catalogue = ImportCatalogue.From(await db.Indicators.AsNoTracking().ToListAsync(ct));
        var choices = new TextImportChoices(level, code, province?.Name, province?.FullName, kind, r.SourceNote, r.Title, r.PeriodStart, r.PeriodEnd, r.IssuingBody);
        var draft = PlanTextToContent.Map(text, choices, catalogue);
        var header = draft.Content.Header;
        if (header.PeriodStart == 0 || header.PeriodEnd == 0)
            problems.Add(new("periodStart", "Văn bản không ghi giai đoạn của kế hoạch: hãy nhập năm bắt đầu và năm kết thúc."));
        if (header.Title.Length == 0) problems.Add(new("title", "Văn bản không ghi rõ tên kế hoạch: hãy nhập tên kế hoạch."));
        if (problems.Count > 0) return Refused(problems, draft.Warnings);

        var source = new ImportPlanContent.SourceFile(StoredName(input), Stored(lines), KeepAsSourceText: true);
        var result = await ImportPlanContent.HandleAsync(db, scope, draft.Content, null, r.CreateAgencies, source, actor, clock, ct);
        if (!result.Ok)
            return result.Problems.Count > 0 ? Refused(result.Problems.Select(Describe).ToList(), draft.Warnings)
                : new Result(result.Outcome, null, 0, 0, draft.Warnings, [], result.Message);
        return new Result(EditOutcome.Done, result.PlanId, draft.Content.Targets.Count(), draft.Content.Tasks.Count(), draft.Warnings, [], null);
    }

    private static List<Problem> CheckForm(Request r, Input input, out PlanSourceKind kind)
    {
        var problems = new List<Problem>();
        kind = PlanSourceKind.Provisional;
        switch (Blank(r.SourceKind)?.ToLowerInvariant())
        {
            case "original": kind = PlanSourceKind.Original; break;
            case "provisional": break;
            default:
                // Never assumed: a pasted text is often a press summary, and a non-original text must not pass for the original.
                problems.Add(new("sourceKind", "Chọn nguồn của văn bản: văn bản gốc, hoặc nguồn tạm (bài báo, dự thảo…)."));
                break;
        }
        var note = Blank(r.SourceNote);
        if (kind == PlanSourceKind.Provisional && note is null && problems.Count == 0)
            problems.Add(new("sourceNote", "Nguồn tạm: ghi rõ là nguồn gì (bài báo, dự thảo, ngày)."));
        if (note is { Length: > 500 }) problems.Add(new("sourceNote", "Ghi chú nguồn dài quá 500 ký tự."));
        if (Blank(r.Title) is { Length: > 500 }) problems.Add(new("title", "Tên kế hoạch dài quá 500 ký tự."));
        if (Blank(r.IssuingBody) is { Length: > 200 }) problems.Add(new("issuingBody", "Cơ quan ban hành dài quá 200 ký tự."));
        foreach (var (field, year) in new[] { ("periodStart", r.PeriodStart), ("periodEnd", r.PeriodEnd) })
            if (year is < 2000 or > 2100) problems.Add(new(field, "Năm phải từ 2000 đến 2100."));
        var pasted = !string.IsNullOrWhiteSpace(input.Text);
        if (input.File is null && !pasted) problems.Add(new("file", "Tải lên tệp văn bản (DOCX, PDF, TXT) hoặc dán nội dung văn bản."));
        if (input.File is not null && pasted) problems.Add(new("text", "Chỉ chọn một: tải tệp lên hoặc dán văn bản, không cả hai."));
        return problems;
    }

    /// <summary>A content problem with the item it concerns: its line and its first words, so the person finds it in the text.</summary>
    private static Problem Describe(ContentProblem p) => p.Item switch
    {
        TargetContent t => new(p.Field, $"Dòng {t.Line}: chỉ tiêu {t.Key} “{TargetDrafts.Short(t.Text)}”: {p.Message}", t.Line, p.CanCreate),
        TaskContent t => new(p.Field, $"Dòng {t.Line}: nhiệm vụ “{TargetDrafts.Short(t.Text)}”: {p.Message}", t.Line, p.CanCreate),
        TargetGroupContent g => new(p.Field, $"Nhóm chỉ tiêu {g.Code}: {p.Message}"),
        TaskGroupContent g => new(p.Field, $"Nhóm nhiệm vụ {g.Code}: {p.Message}"),
        _ => new(p.Field, p.Message, null, p.CanCreate),
    };

    private static Result Refused(IReadOnlyList<Problem> problems, IReadOnlyList<string>? warnings = null)
    {
        var message = problems.Count == 1 ? problems[0].Message : $"Có {problems.Count} vấn đề cần sửa.";
        if (problems.Any(p => p.CanCreate && p.Field is "lead" or "coordinating" or "monitoringAgencies"))
            message += " Các cơ quan văn bản nêu mà hệ thống chưa có: sửa tên, hoặc chọn “Tạo các cơ quan chưa có”.";
        return new Result(EditOutcome.Invalid, null, 0, 0, warnings ?? [], problems, message + " Chưa có gì được ghi.");
    }

    /// <summary>The extracted lines, as the parser numbered them: one per line, so line N of the stored text is item line N.</summary>
    private static byte[] Stored(IReadOnlyList<string> lines) =>
        Encoding.UTF8.GetBytes(string.Join('\n', lines.Select(l => l.Replace('\r', ' ').Replace('\n', ' '))));

    /// <summary>The kept text is the extracted text: "ke-hoach.docx" is kept as "ke-hoach.docx.txt" (the name is cleaned where it is kept).</summary>
    private static string StoredName(Input input)
    {
        if (input.File is null) return PastedFileName;
        var name = input.FileName ?? "";
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? name : name + ".txt";
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
