using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Accounts;

[Collection(MutationCollection.Name)]
public class InvitationAndTokenTests(MutationApp app)
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> AdminOfAsync(string province)
    {
        var (id, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = province });
        return app.ClientWithToken(await app.TokenForAsync(id));
    }

    private static string InvitationLink(MimeKit.MimeMessage message) =>
        Regex.Match(message.TextBody ?? "", @"https?://\S+/account/accept-invitation\?token=[\w-]+").Value;

    private static object Invite(string email, object role) => new { email, fullName = "Nguyễn Văn Báo Cáo", roles = new[] { role } };

    [Fact]
    public async Task An_invited_reporter_sets_a_password_from_the_emailed_link_and_signs_in()
    {
        var admin = await AdminOfAsync("56");
        var agency = await app.AgencyIdAsync("56", "Thuế Khánh Hòa");
        var email = $"bao-cao-{Guid.NewGuid():N}@test.ecomplan.local";
        var response = await admin.PostAsJsonAsync("/api/v1/users", Invite(email, new { role = "agency_reporter", agencyId = agency }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var message = await SmtpTestServer.Instance.WaitForMessageAsync(email);
        Assert.Equal("Lời mời tham gia EcomPlan", message.Subject);
        Assert.Contains("Nguyễn Văn Báo Cáo", message.TextBody);
        var path = new Uri(InvitationLink(message)).PathAndQuery;

        var client = NewClient();
        var mismatch = await client.PostFormAsync(path, "accept-invitation", new() { ["Input.Password"] = "Invite-Passw0rd-1", ["Input.Confirm"] = "x" });
        Assert.Contains("không khớp", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()));
        var accepted = await client.PostFormAsync(path, "accept-invitation", new() { ["Input.Password"] = "Invite-Passw0rd-1", ["Input.Confirm"] = "Invite-Passw0rd-1" });
        Assert.Contains("Đã đặt mật khẩu", WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync()));

        var reporter = await app.SignInAsync(email, "Invite-Passw0rd-1");
        var me = await reporter.GetJsonAsync("/api/v1/me");
        Assert.Equal("agency_reporter", me["roles"]![0]!.Str("role"));
        Assert.Equal("56", me["roles"]![0]!.Str("provinceCode"));

        // Used once: the same link now says so, and cannot set the password again.
        var reused = WebUtility.HtmlDecode(await NewClient().GetStringAsync(path));
        Assert.Contains("đã được dùng", reused);
    }

    [Fact]
    public async Task An_expired_invitation_link_is_refused_with_a_clear_message()
    {
        var admin = await AdminOfAsync("56");
        var email = $"het-han-{Guid.NewGuid():N}@test.ecomplan.local";
        (await admin.PostAsJsonAsync("/api/v1/users", Invite(email, new { role = "viewer", provinceCode = "56" }))).EnsureSuccessStatusCode();
        var path = new Uri(InvitationLink(await SmtpTestServer.Instance.WaitForMessageAsync(email))).PathAndQuery;
        await using (var db = app.CreateDbContext())
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            await db.Invitations.Where(i => i.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        var page = WebUtility.HtmlDecode(await NewClient().GetStringAsync(path));
        Assert.Contains("Liên kết mời đã hết hạn", page);
        Assert.DoesNotContain("Input.Password", page);
        var forged = WebUtility.HtmlDecode(await NewClient().GetStringAsync("/account/accept-invitation?token=not-a-real-token"));
        Assert.Contains("Liên kết mời không hợp lệ", forged);
    }

    [Theory]
    [InlineData("provincial_administrator", "82", null)]      // another province
    [InlineData("viewer", null, null)]                         // country-wide
    [InlineData("ministry_viewer", null, null)]                // a national role
    [InlineData("agency_reporter", null, "dong-thap")]         // an agency of another province
    public async Task A_provincial_administrator_cannot_grant_beyond_the_province_and_nothing_is_written(string role, string? province, string? agencyOf)
    {
        var admin = await AdminOfAsync("56");
        int? agencyId = agencyOf is null ? null : await app.AgencyIdAsync("82", "Sở Công Thương");
        var email = $"vuot-quyen-{Guid.NewGuid():N}@test.ecomplan.local";
        var response = await admin.PostAsJsonAsync("/api/v1/users", Invite(email, new { role, provinceCode = province, agencyId }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Contains("ngoài phạm vi quản lý", problem!["detail"]!.GetValue<string>());
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.Empty(SmtpTestServer.Instance.MessagesTo(email));
    }

    [Fact]
    public async Task A_province_typed_next_to_an_agency_of_another_province_is_refused()
    {
        var admin = await AdminOfAsync("56");
        var dtAgency = await app.AgencyIdAsync("82", "Sở Công Thương");
        var email = $"gia-mao-{Guid.NewGuid():N}@test.ecomplan.local";
        var response = await admin.PostAsJsonAsync("/api/v1/users", Invite(email, new { role = "agency_reporter", provinceCode = "56", agencyId = dtAgency }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không khớp", await response.Content.ReadAsStringAsync());
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Theory]
    [InlineData("not-an-email", "viewer", "email")]
    [InlineData("ok@test.ecomplan.local", "agency_reporter", "roles[0]")]   // reporter without agency
    [InlineData("ok@test.ecomplan.local", "commune_reporter", "roles[0]")]  // reporter without commune
    public async Task Invalid_invitations_are_400_with_the_field_named(string email, string role, string field)
    {
        var admin = await AdminOfAsync("56");
        var response = await admin.PostAsJsonAsync("/api/v1/users", Invite(email, new { role, provinceCode = role == "viewer" ? "56" : null }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task A_duplicate_invitation_is_refused()
    {
        var admin = await AdminOfAsync("56");
        var (_, existing) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var response = await admin.PostAsJsonAsync("/api/v1/users", Invite(existing, new { role = "viewer", provinceCode = "56" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("đã có tài khoản", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_personal_access_token_works_as_bearer_until_revoked()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var browser = await app.SignInAsync(email);
        var created = await browser.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Hệ thống thống kê", validDays = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var secret = body!["secret"]!.GetValue<string>();
        var id = body["token"]!["id"]!.GetValue<int>();
        Assert.StartsWith("ecp_", secret);

        var machine = app.ClientWithToken(secret);
        Assert.Equal(email, (await machine.GetJsonAsync("/api/v1/me")).Str("email"));
        // Only the hash is stored.
        await using (var db = app.CreateDbContext())
            Assert.False(await db.PersonalAccessTokens.AnyAsync(t => t.TokenHash == secret));

        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        var revoked = await machine.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);

        var garbage = await app.ClientWithToken("ecp_not-a-token").GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        var badDays = await browser.PostAsJsonAsync("/api/v1/me/tokens", new { name = "x", validDays = 1000 });
        Assert.Equal(HttpStatusCode.BadRequest, badDays.StatusCode);
    }

    [Fact]
    public async Task A_user_cannot_revoke_someone_elses_token()
    {
        var (owner, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var secret = await app.TokenForAsync(owner);
        int tokenId;
        await using (var db = app.CreateDbContext())
            tokenId = await db.PersonalAccessTokens.Where(t => t.UserId == owner).Select(t => t.Id).FirstAsync();
        var (other, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var response = await app.ClientWithToken(await app.TokenForAsync(other)).DeleteAsync($"/api/v1/me/tokens/{tokenId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWithToken(secret).GetAsync("/api/v1/me")).StatusCode);
    }
}
