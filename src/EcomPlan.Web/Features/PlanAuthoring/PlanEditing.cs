using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

public enum EditOutcome { Done, NotFound, Forbidden, Invalid, Stale, Locked }

/// <summary>What an edit came to: done (with the id it made), or why not, field by field for a form.</summary>
/// <summary>Key: the string id made (a new plan's), where the thing made has one.</summary>
public sealed record EditResult(EditOutcome Outcome, Dictionary<string, string[]>? Errors = null, string? Message = null, int? Id = null, string? Key = null)
{
    public static readonly EditResult Done = new(EditOutcome.Done);

    public static EditResult Invalid(Dictionary<string, string[]> errors) => new(EditOutcome.Invalid, errors, errors.Values.First()[0]);

    public static EditResult Invalid(string field, string message) => Invalid(new() { [field] = [message] });

    public static readonly EditResult Stale = new(EditOutcome.Stale, Message:
        "Nội dung này vừa được người khác sửa sau khi bạn mở biểu mẫu. Hãy tải lại trang để xem bản mới rồi sửa lại; chưa có gì được ghi.");

    public bool Ok => Outcome == EditOutcome.Done;
}

/// <summary>The checks every edit of a plan shares: found, yours to edit, open for changes; the answer as HTTP.</summary>
public static class PlanEditing
{
    /// <summary>The tracked plan when the scope may change its content; otherwise why not.</summary>
    public static async Task<(Plan? Plan, EditResult? Refusal)> EditableAsync(EcomPlanDbContext db, AccessScope scope, string planId, CancellationToken ct,
        bool contentChange = true)
    {
        var plan = await db.Plans.Visible(scope).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return (null, new EditResult(EditOutcome.NotFound, Message: $"Không có kế hoạch mã '{planId}'."));
        if (!scope.CanEditPlan(plan.Level, plan.ProvinceCode))
            return (null, new EditResult(EditOutcome.Forbidden, Message: "Chỉ cơ quan quản lý kế hoạch này (Sở Công Thương của tỉnh, Bộ Công Thương với kế hoạch quốc gia) được sửa."));
        if (contentChange && !plan.IsEditable)
            return (null, new EditResult(EditOutcome.Locked, Message:
                "Kế hoạch đã ban hành: nội dung chỉ thay đổi qua một quyết định sửa đổi, bổ sung. Hãy tạo bản sửa đổi trước."));
        db.AuditProvinceCode = plan.ProvinceCode;
        return (plan, null);
    }

    /// <summary>Saves, turning a concurrent change (revision moved on) into <see cref="EditResult.Stale"/>.</summary>
    public static async Task<EditResult> SaveAsync(EcomPlanDbContext db, EditResult done, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult.Stale;
        }
    }

    public static async Task<IResult> ToHttpAsync(EditResult result, Func<Task<IResult>> done) =>
        result.Ok ? await done() : ToHttp(result, () => TypedResults.NoContent());

    public static IResult ToHttp(EditResult result, Func<IResult> done) => result.Outcome switch
    {
        EditOutcome.Done => done(),
        EditOutcome.NotFound => Problems.NotFound(result.Message!),
        EditOutcome.Forbidden => TypedResults.Problem(title: "Không có quyền", detail: result.Message, statusCode: StatusCodes.Status403Forbidden),
        EditOutcome.Stale => Problems.Conflict(result.Message!),
        EditOutcome.Locked => Problems.Conflict(result.Message!),
        _ => TypedResults.ValidationProblem(result.Errors ?? new() { ["$"] = [result.Message ?? "Dữ liệu không hợp lệ."] },
            title: "Dữ liệu không hợp lệ", detail: $"{result.Message} Chưa có gì được ghi."),
    };

    /// <summary>
    /// What a page found while reading its form (a number that is not one, a bad date) joins the use case's own checks, so
    /// the person sees every problem at once; the form's say what was typed, so they win.
    /// </summary>
    public static void AddFormErrors(Dictionary<string, string[]> errors, IReadOnlyDictionary<string, string[]>? formErrors)
    {
        foreach (var (field, messages) in formErrors ?? new Dictionary<string, string[]>()) errors[field] = messages;
    }

    /// <summary>Trims and checks a required text field.</summary>
    public static string? Text(Dictionary<string, string[]> errors, string field, string label, string? value, int max, bool required = true)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (required) errors[field] = [$"Nhập {label}."];
            return null;
        }
        if (v.Length > max) errors[field] = [$"{char.ToUpperInvariant(label[0])}{label[1..]} dài quá {max} ký tự."];
        return v;
    }
}
