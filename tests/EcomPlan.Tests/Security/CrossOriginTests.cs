using System.Net;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;

namespace EcomPlan.Tests.Security;

/// <summary>API calls that change data with the sign-in cookie must come from EcomPlan's own pages.</summary>
[Collection(AppCollection.Name)]
public class CrossOriginTests(EcomPlanApp app)
{
    private async Task<HttpResponseMessage> ReopenAsync(HttpClient client, Action<HttpRequestMessage> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/values/999999/reopen") { Content = new StringContent("") };
        headers(request);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_cookie_call_from_another_site_is_refused_and_one_from_this_site_goes_through()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var browser = await app.SignInAsync(email);

        var forged = await ReopenAsync(browser, r => r.Headers.Add("Origin", "http://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("phải đến từ chính trang EcomPlan", await forged.Content.ReadAsStringAsync());
        var fetchCrossSite = await ReopenAsync(browser, r => r.Headers.Add("Sec-Fetch-Site", "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, fetchCrossSite.StatusCode);
        var sandboxed = await ReopenAsync(browser, r => r.Headers.Add("Origin", "null"));
        Assert.Equal(HttpStatusCode.Forbidden, sandboxed.StatusCode);

        // From the site itself the request reaches the endpoint (which does not know value 999999).
        var own = await ReopenAsync(browser, r => { r.Headers.Add("Origin", "http://localhost"); r.Headers.Add("Sec-Fetch-Site", "same-origin"); });
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        // Token clients carry no cookie and are not concerned.
        var machine = await ReopenAsync(app.ClientWithToken(await app.TokenForAsync(id)), r => r.Headers.Add("Origin", "http://evil.example"));
        Assert.Equal(HttpStatusCode.NotFound, machine.StatusCode);
    }
}
