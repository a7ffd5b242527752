using System.Net;
using System.Net.Http.Headers;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Tests.Security;
using EcomPlan.Web.Features.Accounts;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>
/// A 50 MB workbook on a real Kestrel port (the in-process test server does not enforce body limits): refused with 413
/// in Vietnamese before it is read, by the API and by the page, and nothing is written.
/// </summary>
public class PlanImportLimitTests(ProxiedProductionApp app) : IClassFixture<ProxiedProductionApp>
{
    /// <summary>
    /// Waits for the server's answer to "Expect: 100-continue" as long as it takes: after the default second, on a busy
    /// machine, the client would start sending the 50 MB and meet the closed connection instead of the 413.
    /// </summary>
    private HttpClient PatientClient() => new(new SocketsHttpHandler
    {
        UseCookies = false, AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(60),
    }) { BaseAddress = new Uri(app.Direct) };

    [Fact]
    public async Task A_50_MB_upload_is_413_for_the_API_and_the_page_and_writes_nothing()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var token = await app.TokenForAsync(id);
        var big = new byte[50 * 1024 * 1024];
        var before = await PlanWorkbookImportTests.CountsAsync(app);

        var machine = new ProxyBrowser(PatientClient());
        var upload = await machine.SendAsync(HttpMethod.Post, "/api/v1/plans/import",
            new MultipartFormDataContent { { new ByteArrayContent(big), "file", "ke-hoach.xlsx" } },
            r => { r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token); r.Headers.ExpectContinue = true; });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        Assert.Contains("quá lớn: tối đa 21 MB", await upload.Content.ReadAsStringAsync());

        var browser = new ProxyBrowser(PatientClient());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/account/login", "login",
            new() { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password })).StatusCode);
        var form = TestAccounts.HiddenFieldsOf(await (await browser.GetAsync("/plans/import")).Content.ReadAsStringAsync(), "import-plan");
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in form) content.Add(new StringContent(v), k);
        content.Add(new ByteArrayContent(big), "file", "ke-hoach.xlsx");
        var page = await browser.SendAsync(HttpMethod.Post, "/plans/import", content, r => { r.Headers.Accept.ParseAdd("text/html"); r.Headers.ExpectContinue = true; });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("Tệp quá lớn", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(before, await PlanWorkbookImportTests.CountsAsync(app));
    }
}
