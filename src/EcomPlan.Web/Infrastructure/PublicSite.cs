using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// How the platform is reached from outside (configuration section "Site"): the address used in every link sent by
/// e-mail, the reverse proxies whose forwarded headers are believed, and whether plain HTTP is refused.
/// </summary>
public sealed class SiteOptions
{
    /// <summary>
    /// The public address, e.g. https://thuongmaidientu.gov.vn. Links in e-mails are built from it, never from the
    /// request's Host header, which an attacker chooses.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Addresses or networks (CIDR) of the TLS-terminating proxies, comma-separated; empty: no proxy is believed.</summary>
    public string TrustedProxies { get; set; } = "";

    /// <summary>Refuse plain HTTP (redirect reads to <see cref="PublicBaseUrl"/>); on by default in Production.</summary>
    public bool? RequireHttps { get; set; }

    public Uri BaseUri => new(PublicBaseUrl.TrimEnd('/') + "/");

    /// <summary>An absolute link to a path of the site, e.g. Link("/account/reset-password?…").</summary>
    public string Link(string pathAndQuery) => PublicBaseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
}

public static class PublicSite
{
    /// <summary>Only the loopback names unless the operator says otherwise; the public address's host is always allowed.</summary>
    public const string DefaultAllowedHosts = "localhost;127.0.0.1;[::1]";

    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Site").Get<SiteOptions>() ?? new SiteOptions();
        var problems = Validate(options, environment, configuration["AllowedHosts"]);
        if (problems.Count > 0) throw new InvalidOperationException("Cấu hình địa chỉ công khai không hợp lệ: " + string.Join(" ", problems));
        services.Configure<SiteOptions>(configuration.GetSection("Site"));

        services.PostConfigure<HostFilteringOptions>(o =>
        {
            var configured = configuration["AllowedHosts"];
            var hosts = (string.IsNullOrWhiteSpace(configured) ? DefaultAllowedHosts : configured)
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            hosts.Add(options.BaseUri.Host);
            o.AllowedHosts = hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            o.AllowEmptyHosts = false;
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in options.TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (entry.Contains('/')) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return services;
    }

    /// <summary>Every problem of the configuration, in Vietnamese; start-up stops on any.</summary>
    public static List<string> Validate(SiteOptions options, IHostEnvironment environment, string? allowedHosts)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            problems.Add($"Site:PublicBaseUrl '{options.PublicBaseUrl}' phải là địa chỉ tuyệt đối http(s), ví dụ https://ecomplan.gov.vn.");
        else if (RequiresHttps(options, environment) && uri.Scheme != "https")
            problems.Add($"Môi trường {environment.EnvironmentName} yêu cầu HTTPS: Site:PublicBaseUrl phải bắt đầu bằng https:// (đang là '{options.PublicBaseUrl}').");
        foreach (var entry in options.TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (entry.Contains('/') ? !System.Net.IPNetwork.TryParse(entry, out _) : !IPAddress.TryParse(entry, out _))
                problems.Add($"Site:TrustedProxies: '{entry}' không phải địa chỉ IP hay mạng CIDR.");
        if (environment.IsProduction() && (allowedHosts ?? "").Split(';').Any(h => h.Trim() == "*"))
            problems.Add("AllowedHosts '*' không được dùng ở môi trường Production: liệt kê tên miền của hệ thống.");
        return problems;
    }

    public static bool RequiresHttps(SiteOptions options, IHostEnvironment environment) => options.RequireHttps ?? environment.IsProduction();

    /// <summary>
    /// Forwarded headers from the trusted proxy first (so the scheme is https behind TLS termination), then plain HTTP
    /// is redirected or refused where HTTPS is required: the sign-in cookies are Secure-only there.
    /// </summary>
    public static IApplicationBuilder UsePublicSite(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        var environment = app.ApplicationServices.GetRequiredService<IHostEnvironment>();
        var options = app.ApplicationServices.GetRequiredService<IOptions<SiteOptions>>().Value;
        if (!RequiresHttps(options, environment)) return app;
        return app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps) { await next(); return; }
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.Redirect(options.Link(context.Request.Path + context.Request.QueryString), permanent: true, preserveMethod: true);
                return;
            }
            await Results.Problem(title: "Cần HTTPS", statusCode: StatusCodes.Status400BadRequest,
                detail: $"Hệ thống chỉ nhận yêu cầu qua HTTPS. Hãy dùng {options.PublicBaseUrl}.").ExecuteAsync(context);
        });
    }
}
