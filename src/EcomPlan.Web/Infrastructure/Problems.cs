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

    /// <summary>Gives framework-made problems (bad parameters, bodies, routes, server errors) a Vietnamese title and detail.</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (context.Exception is BadHttpRequestException bad)
        {
            problem.Status = bad.StatusCode;
            (problem.Title, problem.Detail) = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ("Nội dung quá lớn", TooLarge(context.HttpContext)),
                StatusCodes.Status415UnsupportedMediaType => ("Kiểu nội dung không được hỗ trợ", UnsupportedMediaType),
                _ => ("Yêu cầu không hợp lệ", RequestErrors.Describe(bad)),
            };
        }
        else if (problem.Status >= 500)
        {
            problem.Title = "Lỗi máy chủ";
            problem.Detail = "Máy chủ không xử lý được yêu cầu. Vui lòng thử lại; nếu lỗi lặp lại, báo cho quản trị viên kèm mã traceId.";
        }
        else if (problem.Detail is null && ForStatus(problem.Status ?? 0, context.HttpContext.Request) is { } text)
        {
            (problem.Title, problem.Detail) = text;
        }
    }

    private const string UnsupportedMediaType = "Kiểu nội dung (Content-Type) không được hỗ trợ: gửi application/json, hoặc multipart/form-data cho tệp.";

    private static string TooLarge(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max
            ? $"Nội dung gửi lên quá lớn: tối đa {VietnameseText.Megabytes(max)}."
            : "Nội dung gửi lên quá lớn.";

    /// <summary>The Vietnamese words for an error status that came without a body (no route, wrong method or content type).</summary>
    public static (string Title, string Detail)? ForStatus(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status400BadRequest => ("Yêu cầu không hợp lệ", "Yêu cầu không đúng định dạng."),
        StatusCodes.Status404NotFound => ("Không tìm thấy", $"Không có đường dẫn '{request.Path}'."),
        StatusCodes.Status405MethodNotAllowed => ("Phương thức không được hỗ trợ", $"Đường dẫn '{request.Path}' không nhận phương thức {request.Method}."),
        StatusCodes.Status413PayloadTooLarge => ("Nội dung quá lớn", TooLarge(request.HttpContext)),
        StatusCodes.Status415UnsupportedMediaType => ("Kiểu nội dung không được hỗ trợ", UnsupportedMediaType),
        StatusCodes.Status429TooManyRequests => ("Quá nhiều yêu cầu", "Quá nhiều yêu cầu trong thời gian ngắn. Vui lòng chờ một phút rồi thử lại."),
        _ => null,
    };

    /// <summary>API answers without a body (no such route, wrong method or content type) become Vietnamese ProblemDetails.</summary>
    public static async Task WriteStatusProblem(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var http = context.HttpContext;
        var text = ForStatus(http.Response.StatusCode, http.Request) ?? ("Yêu cầu không xử lý được", "Yêu cầu không xử lý được.");
        await TypedResults.Problem(title: text.Title, detail: text.Detail, statusCode: http.Response.StatusCode).ExecuteAsync(http);
    }

    public static ProblemHttpResult PlanNotFound(string id) => NotFound($"Không có kế hoạch mã '{id}'.");
}
