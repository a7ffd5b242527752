using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Tests.Infrastructure;

/// <summary>Creates users with roles straight through Identity, and signs them in the way a browser does.</summary>
public static partial class TestAccounts
{
    public const string Password = "Test-Passw0rd-EcomPlan";

    public static async Task<(int Id, string Email)> CreateUserAsync(this EcomPlanApp app, params RoleAssignment[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        var email = $"user-{Guid.NewGuid():N}@test.ecomplan.local";
        var user = await AdminBootstrap.CreateAsync(users, db, TimeProvider.System, email, "Người dùng thử " + email[..13], Password, roles, mustChange: false);
        return (user.Id, email);
    }

    public static async Task<int> AgencyIdAsync(this EcomPlanApp app, string provinceCode, string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Agencies.Where(a => a.ProvinceCode == provinceCode && a.Name == name).Select(a => a.Id).SingleAsync();
    }

    /// <summary>A bearer token for the user, for API calls as that user.</summary>
    public static async Task<string> TokenForAsync(this EcomPlanApp app, int userId)
    {
        await using var db = app.CreateDbContext();
        var (created, error) = await AccessTokens.CreateAsync(db, userId, "test", 1, TimeProvider.System, CancellationToken.None);
        return created?.Secret ?? throw new InvalidOperationException(error);
    }

    public static HttpClient ClientWithToken(this EcomPlanApp app, string token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A cookie-carrying client signed in through the login form (antiforgery token included).</summary>
    public static async Task<HttpClient> SignInAsync(this EcomPlanApp app, string email, string password = Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Signs out with the form of the page header (antiforgery token included); returns the answer.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client, string? returnUrl = null)
    {
        var home = await client.GetStringAsync("/");
        var form = Regex.Match(home, "<form[^>]*action=\"/account/logout\"[^>]*>.*?</form>", RegexOptions.Singleline).Value;
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        if (returnUrl is not null) fields["returnUrl"] = returnUrl;
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Submits a server-rendered form as a browser would: loads the page, keeps its hidden fields (handler name,
    /// antiforgery token) and posts them with <paramref name="fields"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, $"GET {pageUrl} → {(int)page.StatusCode}");
        var hidden = HiddenFieldsOf(html, formName);
        foreach (var (k, v) in fields) hidden[k] = v;
        return await client.PostAsync(pageUrl, new FormUrlEncodedContent(hidden));
    }

    public static Dictionary<string, string> HiddenFieldsOf(string html, string formName)
    {
        foreach (Match form in FormRegex().Matches(html))
        {
            var inputs = InputRegex().Matches(form.Value)
                .Select(i => (Name: Attr(i.Value, "name"), Value: WebUtility.HtmlDecode(Attr(i.Value, "value") ?? ""), Type: Attr(i.Value, "type")))
                .Where(i => i.Type == "hidden" && i.Name is not null)
                .ToDictionary(i => i.Name!, i => i.Value);
            if (inputs.TryGetValue("_handler", out var handler) && handler == formName) return inputs;
        }
        throw new InvalidOperationException($"form '{formName}' not found in page");
    }

    private static string? Attr(string tag, string name) =>
        Regex.Match(tag, "\\b" + name + "=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputRegex();
}
