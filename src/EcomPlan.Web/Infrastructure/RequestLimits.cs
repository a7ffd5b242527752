using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EcomPlan.Web.Infrastructure;

/// <summary>How much a request may carry. Anything larger is refused with 413 before it is read.</summary>
public static class RequestLimits
{
    /// <summary>Forms and JSON of every endpoint that does not say otherwise.</summary>
    public const long DefaultBodyBytes = 4 * 1024 * 1024;

    /// <summary>Room for the multipart envelope and the other form fields around an uploaded file.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    /// <summary>Metadata for an endpoint that takes a file of at most <paramref name="fileBytes"/>.</summary>
    public static TBuilder AcceptsFileOf<TBuilder>(this TBuilder builder, long fileBytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(fileBytes + FormOverheadBytes))
            .WithFormOptions(multipartBodyLengthLimit: fileBytes + FormOverheadBytes);

    /// <summary>
    /// A body announced larger than the endpoint takes is refused before anything reads it: read later (by the
    /// antiforgery check of a page form), the failure would pass for a missing token.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength is { } length && context.Features.Get<IStatusCodeReExecuteFeature>() is null
            && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max && length > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            // The client may still be sending: end the connection after this answer rather than read 20 MB for nothing.
            context.Response.Headers.Connection = "close";
            return;
        }
        await next();
    });

    /// <summary>
    /// A failed POST is shown its error page as a GET: the page is only read, and a page endpoint would otherwise try
    /// to handle the re-executed request as the submission of a form.
    /// </summary>
    public static IApplicationBuilder UseErrorPagesAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null || HttpMethods.IsGet(context.Request.Method))
        {
            await next();
            return;
        }
        var method = context.Request.Method;
        context.Request.Method = HttpMethods.Get;
        try { await next(); }
        finally { context.Request.Method = method; }
    });
}
