using Microsoft.AspNetCore.Http.HttpResults;

namespace EcomPlan.Web.Infrastructure;

/// <summary>ProblemDetails responses with Vietnamese messages, the same shape for every endpoint.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Không tìm thấy", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "Yêu cầu không hợp lệ", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The resource changed since the caller read it (a stale revision).</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Xung đột", detail: detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>Gives framework-made problems (bad parameters, server errors) a Vietnamese title and detail.</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (context.Exception is BadHttpRequestException bad)
        {
            problem.Title = "Yêu cầu không hợp lệ";
            problem.Detail = $"Tham số không đúng định dạng ({bad.Message}).";
        }
        else if (problem.Status >= 500)
        {
            problem.Title = "Lỗi máy chủ";
            problem.Detail = "Máy chủ không xử lý được yêu cầu. Vui lòng thử lại; nếu lỗi lặp lại, báo cho quản trị viên kèm mã traceId.";
        }
    }

    public static ProblemHttpResult PlanNotFound(string id) => NotFound($"Không có kế hoạch mã '{id}'.");
}
