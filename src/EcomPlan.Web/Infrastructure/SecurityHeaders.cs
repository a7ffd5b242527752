namespace EcomPlan.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// Pages carry no inline script: scripts come only from this origin. The headers are set when the response starts,
    /// so error responses (written after the exception handler cleared the response) carry them too.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        await next();
    });
}
