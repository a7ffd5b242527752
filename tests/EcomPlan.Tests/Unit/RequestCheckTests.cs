using EcomPlan.Web.Features.Accounts.Pages;
using EcomPlan.Web.Features.Reporting;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;

namespace EcomPlan.Tests.Unit;

/// <summary>The pure checks behind the hardening: request bodies, return addresses, origins, site configuration.</summary>
public class RequestCheckTests
{
    [Fact]
    public void A_well_formed_request_has_no_problem()
    {
        var request = new RegimeRequest(true, false, 5, [new RuleRequest(ReportKind.Yearly, "14/12", "30/11")]);
        Assert.Empty(RequestValidation.Validate(request));
    }

    [Fact]
    public void Nulls_where_the_type_forbids_them_and_undefined_enum_values_are_named_by_path()
    {
        var request = new RegimeRequest(true, false, 5, [new RuleRequest((ReportKind)7, null!, "30/11"), null!]);
        var errors = RequestValidation.Validate(request);
        Assert.Equal(["rules[0].due", "rules[0].kind", "rules[1]"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("six_monthly, yearly, ad_hoc", errors["rules[0].kind"].Single());
        Assert.Contains("Thiếu trường bắt buộc", errors["rules[0].due"].Single());
        var missing = RequestValidation.Validate(new RegimeRequest(true, false, 5, null!));
        Assert.Equal("rules", Assert.Single(missing.Keys));
    }

    [Fact]
    public void A_nullable_list_may_be_null_but_not_hold_nulls_and_numbers_must_fit_the_column()
    {
        Assert.Empty(RequestValidation.Validate(new EcomPlan.Web.Features.Indicators.ImportValues.JsonRequest(null, false)));
        var errors = RequestValidation.Validate(new EcomPlan.Web.Features.Indicators.ImportValues.JsonRequest(
            [null!, new("x", "82", "2025", 79_000_000_000_000_000_000_000_000_000m, -1e14m, 99_999_999_999_999.9999m, "s", null)], false));
        Assert.Equal(["rows[0]", "rows[1].numerator", "rows[1].value"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Dates_outside_any_plan_are_refused()
    {
        var errors = RequestValidation.Validate(new OpenCycleRequest(null, "x", new DateOnly(9999, 12, 31), new DateOnly(1900, 1, 1)));
        Assert.Equal(["cutOff", "due"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("31/12/9999", errors["due"].Single());
    }

    [Theory]
    [InlineData("/plans/dong-thap-2026-2030", "/plans/dong-thap-2026-2030")]
    [InlineData("/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\r\n/evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("evil.example", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Return_addresses_stay_on_this_site(string? given, string expected) => Assert.Equal(expected, LocalUrl.Safe(given));

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("ecomplan.gov.vn");
        foreach (var (name, value) in headers) context.Request.Headers[name] = value;
        return context.Request;
    }

    private static readonly SiteOptions Site = new() { PublicBaseUrl = "https://thuongmaidientu.gov.vn" };

    [Theory]
    [InlineData("Origin", "https://ecomplan.gov.vn", true)]
    [InlineData("Origin", "https://thuongmaidientu.gov.vn", true)]
    [InlineData("Origin", "https://ECOMPLAN.gov.vn", true)]
    [InlineData("Origin", "http://ecomplan.gov.vn", false)]
    [InlineData("Origin", "https://ecomplan.gov.vn.evil.example", false)]
    [InlineData("Origin", "null", false)]
    [InlineData("Referer", "https://evil.example/page", false)]
    [InlineData("Referer", "https://ecomplan.gov.vn/reporting", true)]
    [InlineData("Sec-Fetch-Site", "cross-site", false)]
    [InlineData("Sec-Fetch-Site", "same-site", false)]
    [InlineData("Sec-Fetch-Site", "same-origin", true)]
    public void An_origin_is_this_site_or_it_is_not(string header, string value, bool same) =>
        Assert.Equal(same, SameOrigin.IsSameOrigin(Request((header, value)), Site));

    [Fact]
    public void Without_any_browser_header_the_caller_is_not_a_browser() => Assert.True(SameOrigin.IsSameOrigin(Request(), Site));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "EcomPlan";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public void Production_needs_an_https_public_address_named_hosts_and_valid_proxies()
    {
        var production = new Environment("Production");
        Assert.Empty(PublicSite.Validate(new SiteOptions { PublicBaseUrl = "https://ecomplan.gov.vn", TrustedProxies = "10.0.0.1, 10.1.0.0/16" }, production, null));
        Assert.Contains("https://", Assert.Single(PublicSite.Validate(new SiteOptions { PublicBaseUrl = "http://ecomplan.gov.vn" }, production, null)));
        Assert.Contains("AllowedHosts", Assert.Single(PublicSite.Validate(new SiteOptions { PublicBaseUrl = "https://ecomplan.gov.vn" }, production, "*")));
        Assert.Contains("10.0.0.999", Assert.Single(PublicSite.Validate(new SiteOptions { PublicBaseUrl = "https://ecomplan.gov.vn", TrustedProxies = "10.0.0.999" }, production, null)));
        Assert.Single(PublicSite.Validate(new SiteOptions { PublicBaseUrl = "ecomplan.gov.vn" }, new Environment("Development"), null));
        // Development may run on plain http.
        Assert.Empty(PublicSite.Validate(new SiteOptions(), new Environment("Development"), null));
        Assert.Equal("https://ecomplan.gov.vn/account/reset-password?x=1", new SiteOptions { PublicBaseUrl = "https://ecomplan.gov.vn/" }.Link("/account/reset-password?x=1"));
    }
}
