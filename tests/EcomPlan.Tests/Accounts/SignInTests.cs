using System.Net;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Tests.Accounts;

[Collection(AppCollection.Name)]
public class SignInTests(EcomPlanApp app)
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task<int> FailedCountAsync(int userId)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.AccessFailedCount).SingleAsync();
    }

    [Fact]
    public async Task A_user_signs_in_and_out_with_a_cookie_that_scripts_cannot_read()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var client = NewClient();
        var response = await Login(client, email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ecomplan.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal(email, me.Str("email"));

        // Sign-out is the form in the page header, with its antiforgery token.
        var home = await client.GetStringAsync("/");
        var form = System.Text.RegularExpressions.Regex.Match(home, "<form[^>]*action=\"/account/logout\"[^>]*>.*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_generic_message_and_counts_towards_lock_out()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var client = NewClient();
        var wrong = await Login(client, email, "not-the-password");
        var html = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Địa chỉ thư hoặc mật khẩu không đúng.", html);
        Assert.Equal(1, await FailedCountAsync(id));

        // An unknown address gets exactly the same answer: the form does not reveal who has an account.
        var unknown = WebUtility.HtmlDecode(await (await Login(NewClient(), "nobody-" + email, "x")).Content.ReadAsStringAsync());
        Assert.Contains("Địa chỉ thư hoặc mật khẩu không đúng.", unknown);
        Assert.DoesNotContain("tạm khóa", unknown);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var client = NewClient();
        for (var i = 0; i < 5; i++) await Login(client, email, "wrong-" + i);
        var locked = await Login(client, email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("tạm khóa", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(locked.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("ecomplan.auth="));
        await using var db = app.CreateDbContext();
        Assert.True(await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var client = NewClient();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(v => v.StartsWith("ecomplan.auth=")));

        // Same for sign-out: a third-party page cannot sign a user out.
        var signedIn = await app.SignInAsync(email);
        var logout = await signedIn.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }

    [Fact]
    public async Task Two_factor_sign_in_asks_for_the_authenticator_code()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var client = await app.SignInAsync(email);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/two-factor"));
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-key=\"([A-Z2-7]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);

        var wrong = await client.PostFormAsync("/account/two-factor", "enable-2fa", new() { ["Code"] = "000000" });
        Assert.Contains("Mã xác thực không đúng", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        var enabled = await client.PostFormAsync("/account/two-factor", "enable-2fa", new() { ["Code"] = Totp.Code(key) });
        Assert.Contains("Đã bật xác thực hai lớp", WebUtility.HtmlDecode(await enabled.Content.ReadAsStringAsync()));

        var fresh = NewClient();
        var first = await Login(fresh, email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/login-2fa", new Uri(new Uri("http://localhost"), first.Headers.Location!).PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/v1/me")).StatusCode);
        var badCode = await fresh.PostFormAsync("/account/login-2fa", "login-2fa", new() { ["Input.Code"] = "123456" == Totp.Code(key) ? "654321" : "123456" });
        Assert.Contains("Mã xác thực không đúng", WebUtility.HtmlDecode(await badCode.Content.ReadAsStringAsync()));
        var second = await fresh.PostFormAsync("/account/login-2fa", "login-2fa", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_user_changes_the_password_and_the_old_one_stops_working()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var client = await app.SignInAsync(email);
        var mismatch = await client.PostFormAsync("/account/change-password", "change-password",
            new() { ["Input.Current"] = TestAccounts.Password, ["Input.New"] = "New-Passw0rd-1234", ["Input.Confirm"] = "Other-Passw0rd-1234" });
        Assert.Contains("không khớp", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()));
        var weak = await client.PostFormAsync("/account/change-password", "change-password",
            new() { ["Input.Current"] = TestAccounts.Password, ["Input.New"] = "short", ["Input.Confirm"] = "short" });
        Assert.Contains("ít nhất 10 ký tự", WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));
        var ok = await client.PostFormAsync("/account/change-password", "change-password",
            new() { ["Input.Current"] = TestAccounts.Password, ["Input.New"] = "New-Passw0rd-1234", ["Input.Confirm"] = "New-Passw0rd-1234" });
        Assert.Contains("Đã đổi mật khẩu", WebUtility.HtmlDecode(await ok.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await Login(NewClient(), email, TestAccounts.Password)).StatusCode); // form again: refused
        Assert.Equal(HttpStatusCode.Redirect, (await Login(NewClient(), email, "New-Passw0rd-1234")).StatusCode);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var client = NewClient();
        var sent = await client.PostFormAsync("/account/forgot-password", "forgot-password", new() { ["Input.Email"] = email });
        Assert.Contains("Nếu địa chỉ này có tài khoản", WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()));
        var message = await SmtpTestServer.Instance.WaitForMessageAsync(email);
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+/account/reset-password\S+").Value;
        var path = new Uri(link).PathAndQuery;
        var reset = await client.PostFormAsync(path, "reset-password", new() { ["Input.New"] = "Reset-Passw0rd-99", ["Input.Confirm"] = "Reset-Passw0rd-99" });
        Assert.Contains("Đã đặt lại mật khẩu", WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await Login(NewClient(), email, "Reset-Passw0rd-99")).StatusCode);
        // The link is single-use: Identity's reset token dies with the password change.
        var again = await client.PostFormAsync(path, "reset-password", new() { ["Input.New"] = "Other-Passw0rd-99", ["Input.Confirm"] = "Other-Passw0rd-99" });
        Assert.Contains("không hợp lệ", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Pages_for_signed_in_users_send_anonymous_visitors_to_the_login_page()
    {
        var response = await NewClient().GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task Example_accounts_exist_only_in_Development()
    {
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@ecomplan.local") && !u.Email.EndsWith("@test.ecomplan.local")));
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration()
    {
        var client = NewClient();
        var response = await Login(client, "admin@test.ecomplan.local", EcomPlanApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal("system_administrator", me["roles"]![0]!.Str("role"));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>();
        Assert.Equal(1, await db.RoleAssignments.CountAsync(r => r.Role == UserRole.SystemAdministrator));
    }
}
