using System.Net;
using System.Net.Http.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomPlan.Tests.Security;

/// <summary>Sessions end when they should (sign-out, password change or reset), and nothing else is revoked by surprise.</summary>
[Collection(AppCollection.Name)]
public class SessionTests(EcomPlanApp app)
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(int Id, string Email)> ViewerAsync() => await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });

    [Fact]
    public async Task Signing_out_ends_every_session_of_the_user_but_not_the_access_tokens()
    {
        var (id, email) = await ViewerAsync();
        var laptop = await app.SignInAsync(email);
        var phone = await app.SignInAsync(email);
        var machine = app.ClientWithToken(await app.TokenForAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.SignOutAsync()).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_keeps_this_session_and_ends_the_others()
    {
        var (_, email) = await ViewerAsync();
        var here = await app.SignInAsync(email);
        var elsewhere = await app.SignInAsync(email);
        var changed = await here.PostFormAsync("/account/change-password", "change-password",
            new() { ["Input.Current"] = TestAccounts.Password, ["Input.New"] = "Changed-Passw0rd-77", ["Input.Confirm"] = "Changed-Passw0rd-77" });
        Assert.Contains("Đã đổi mật khẩu", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()));
        // The answer carries the renewed cookie of this browser.
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_opened_before_it()
    {
        var (id, email) = await ViewerAsync();
        var stolen = await app.SignInAsync(email);
        string code;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            code = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(id.ToString()))!);
        }
        var reset = await NewClient().PostFormAsync($"/account/reset-password?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}", "reset-password",
            new() { ["Input.New"] = "Reset-Passw0rd-42", ["Input.Confirm"] = "Reset-Passw0rd-42" });
        Assert.Contains("Đã đặt lại mật khẩu", WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.GetAsync("/api/v1/me")).StatusCode);
        // A page asks the old session to sign in again.
        var page = await stolen.GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Five_wrong_passwords_by_anyone_do_not_switch_off_the_owners_access_tokens()
    {
        var (id, email) = await ViewerAsync();
        var machine = app.ClientWithToken(await app.TokenForAsync(id));
        for (var i = 0; i < 5; i++)
            await NewClient().PostFormAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "Wrong-Passw0rd-" + i });
        await using (var db = app.CreateDbContext())
            Assert.True(db.Users.Single(u => u.Id == id).LockoutEnd > DateTimeOffset.UtcNow, "the account is locked for password sign-in");
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task An_access_token_cannot_mint_another_token_but_a_signed_in_person_can()
    {
        var (id, email) = await ViewerAsync();
        var machine = app.ClientWithToken(await app.TokenForAsync(id));
        var minted = await machine.PostAsJsonAsync("/api/v1/me/tokens", new { name = "lâu dài", validDays = 365 });
        Assert.Equal(HttpStatusCode.Forbidden, minted.StatusCode);
        Assert.Contains("đăng nhập bằng mật khẩu", await minted.Content.ReadAsStringAsync());
        await using (var db = app.CreateDbContext())
            Assert.Equal(1, db.PersonalAccessTokens.Count(t => t.UserId == id));

        var person = await app.SignInAsync(email);
        var created = await person.PostAsJsonAsync("/api/v1/me/tokens", new { name = "máy chủ số liệu", validDays = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Signing_out_never_leads_to_another_site(string returnUrl)
    {
        var (_, email) = await ViewerAsync();
        var client = await app.SignInAsync(email);
        var response = await client.SignOutAsync(returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_one_time_password_opens_nothing_but_the_password_change()
    {
        var email = $"otp-{Guid.NewGuid():N}@test.ecomplan.local";
        using (var scope = app.Services.CreateScope())
            await AdminBootstrap.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), scope.ServiceProvider.GetRequiredService<EcomPlanDbContext>(),
                TimeProvider.System, email, "Quản trị thử", "One-Time-Passw0rd-1", [new RoleAssignment { Role = UserRole.SystemAdministrator }], mustChange: true);
        var client = await app.SignInAsync(email, "One-Time-Passw0rd-1");

        var audit = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        Assert.Equal("/account/change-password?required=true", audit.Headers.Location!.OriginalString);
        var api = await client.GetAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("mật khẩu dùng một lần", await api.Content.ReadAsStringAsync());

        var changed = await client.PostFormAsync("/account/change-password?required=true", "change-password",
            new() { ["Input.Current"] = "One-Time-Passw0rd-1", ["Input.New"] = "Own-Passw0rd-2026", ["Input.Confirm"] = "Own-Passw0rd-2026" });
        Assert.Contains("Đã đổi mật khẩu", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/audit")).StatusCode);
    }
}
