using Microsoft.Extensions.Options;

namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// Cross-site request forgery guard for the API. Pages post forms with an antiforgery token; API calls that change
/// data with the sign-in cookie must come from this site's own pages: a browser names the page's origin (Origin,
/// Sec-Fetch-Site) on every such call, so a call from another site is refused. Bearer-token clients carry no cookie
/// and are not concerned.
/// </summary>
public static class SameOrigin
{
    public static IApplicationBuilder UseSameOriginApi(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method)
            || context.User.Identity?.AuthenticationType != Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme
            || IsSameOrigin(request, context.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value))
        {
            await next();
            return;
        }
        await TypedResults.Problem(title: "Không có quyền", statusCode: StatusCodes.Status403Forbidden,
            detail: "Yêu cầu thay đổi dữ liệu bằng phiên đăng nhập phải đến từ chính trang EcomPlan (kiểm tra Origin). Máy khách khác hãy dùng mã truy cập (Authorization: Bearer).")
            .ExecuteAsync(context);
    });

    /// <summary>
    /// Same origin when the browser says so (Sec-Fetch-Site), or when Origin (else Referer) names this request's own
    /// scheme and host or the configured public address. Without any of these headers the caller is not a browser.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request, SiteOptions site)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none")) return false;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 && Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer))
            origin = referer.GetLeftPart(UriPartial.Authority);
        // Browsers name the origin of every cross-site POST, PUT, PATCH and DELETE: without it the caller is not one.
        if (origin.Length == 0) return true;
        if (origin == "null") return false;
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, site.BaseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }
}
