using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// A plan from an uploaded workbook, into a new draft plan or over a plan open for changes: who may, then the file
/// read, then the content rules, every problem placed at its sheet, row and column. Anything wrong writes nothing.
/// The page and the API both call this.
/// </summary>
public static class ImportPlanWorkbook
{
    public sealed record Result(EditOutcome Outcome, string? PlanId, IReadOnlyList<WorkbookProblem> Problems, string? Message = null, bool Created = false)
    {
        public bool Ok => Outcome == EditOutcome.Done;
    }

    public static async Task<Result> HandleAsync(EcomPlanDbContext db, AccessScope scope, Stream file, string fileName, long length, string? planId,
        bool createAgencies, string actor, TimeProvider clock, CancellationToken ct)
    {
        // Whose plan it is comes first: a refused user learns nothing about the file, the catalogue or another province's agencies.
        Plan? plan = null;
        if (!string.IsNullOrWhiteSpace(planId))
        {
            var (editable, refusal) = await PlanEditing.EditableAsync(db, scope, planId.Trim(), ct);
            if (editable is null) return new Result(refusal!.Outcome, null, [], refusal.Message);
            plan = editable;
        }
        else if (!scope.CanAuthorPlans)
            return new Result(EditOutcome.Forbidden, null, [], "Chỉ Sở Công Thương (kế hoạch của tỉnh) và Bộ Công Thương (kế hoạch quốc gia) nhập được kế hoạch.");
        if (length > PlanWorkbook.MaxBytes)
            return Invalid([new WorkbookProblem("", 0, "", $"Tệp quá lớn; tối đa {PlanWorkbook.MaxBytes / 1024 / 1024} MB.")]);

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory, ct);
        var bytes = memory.ToArray();
        // The plan data format (YAML) is read into the same content as a workbook.
        var read = PlanYaml.IsPlanFile(fileName) ? PlanYaml.Read(bytes, fileName) : PlanWorkbook.Read(new MemoryStream(bytes), fileName);
        if (read.Content is not { } content) return Invalid(read.Problems);

        var level = plan?.Level ?? content.Header.Level;
        var province = plan?.ProvinceCode ?? content.Header.ProvinceCode;
        if (!scope.CanEditPlan(level, province))
            return new Result(EditOutcome.Forbidden, null, [], level == PlanLevel.National
                ? "Chỉ Bộ Công Thương nhập kế hoạch quốc gia."
                : "Tệp là kế hoạch của một tỉnh bạn không quản lý: bạn chỉ nhập được kế hoạch của tỉnh mình.");
        if (read.Problems.Count > 0)
        {
            // The file's own problems and the rules' in one report; nothing is written.
            var context = await ImportPlanContent.ContextAsync(db, level, province, createAgencies, ct);
            return Invalid(read.With(PlanContentRules.Check(content, context)));
        }

        var result = await ImportPlanContent.HandleAsync(db, scope, content, plan?.Id, createAgencies,
            new ImportPlanContent.SourceFile(fileName, bytes, KeepAsSourceText: false), actor, clock, ct, read.AgencyKinds);
        return result.Outcome switch
        {
            EditOutcome.Done => new Result(EditOutcome.Done, result.PlanId, [], Created: plan is null),
            EditOutcome.Invalid => Invalid(read.With(result.Problems)),
            _ => new Result(result.Outcome, null, [], result.Message),
        };
    }

    private static Result Invalid(IReadOnlyList<WorkbookProblem> problems) =>
        new(EditOutcome.Invalid, null, problems, $"Tệp có {problems.Count} lỗi. Chưa có gì được ghi; hãy sửa rồi nhập lại.");

    /// <summary>The plans this user may import into: drafts and plans with an amendment open, in their scope.</summary>
    public static async Task<List<(string Id, string Title)>> TargetsAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct)
    {
        var open = await db.Plans.AsNoTracking().Visible(scope)
            .Where(p => p.Status == PlanStatus.Draft || p.OpenAmendmentId != null)
            .Select(p => new { p.Id, p.Title, p.Level, p.ProvinceCode }).ToListAsync(ct);
        return open.Where(p => scope.CanEditPlan(p.Level, p.ProvinceCode)).OrderBy(p => p.Title, Infrastructure.VietnameseText.Comparer)
            .Select(p => (p.Id, p.Title)).ToList();
    }
}
