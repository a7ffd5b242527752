using EcomPlan.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Tests.Api;

/// <summary>
/// Every endpoint and page states who may use it: an explicit [AllowAnonymous] for public data or an
/// authorization policy. A new endpoint without one fails here.
/// </summary>
[Collection(AppCollection.Name)]
public class EndpointPolicyTests(EcomPlanApp app)
{
    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    /// <summary>
    /// Endpoints the framework adds without conventions we can attach to: the static-file fallback of
    /// MapStaticAssets (files under wwwroot, public by nature) and Blazor's internal redirect helper.
    /// Matched by exact display name, so nothing of ours can hide here.
    /// </summary>
    public static readonly HashSet<string> FrameworkEndpoints = ["Fallback {**path:file}", "Blazor Opaque Redirection"];

    [Fact]
    public void Every_endpoint_and_page_declares_its_authorization()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 15, $"only {endpoints.Count} endpoints discovered");
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Where(e => !FrameworkEndpoints.Contains(e.DisplayName ?? ""))
            .Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName})")
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without an authorization policy: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_page_and_api_route_is_discovered()
    {
        var routes = Endpoints().Select(e => e.RoutePattern.RawText).ToHashSet();
        foreach (var route in new[] { "/plans/{Id}", "/plans", "/agencies/{Id:int}", "/plans/{Id}/alignment", "/api/v1/plans/{id}/tasks" })
            Assert.Contains(route, routes);
    }
}
