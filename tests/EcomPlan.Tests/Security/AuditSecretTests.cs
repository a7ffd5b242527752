using System.Net;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EcomPlan.Tests.Security;

/// <summary>No secret reaches the audit trail: readers of the trail must not be able to sign in as somebody else.</summary>
[Collection(AppCollection.Name)]
public class AuditSecretTests(EcomPlanApp app)
{
    [Fact]
    public async Task Turning_on_two_factor_leaves_no_authenticator_key_password_hash_or_stamp_in_the_trail()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var client = await app.SignInAsync(email);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/two-factor"));
        var key = Regex.Match(page, "data-key=\"([A-Z2-7]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);
        var enabled = await client.PostFormAsync("/account/two-factor", "enable-2fa", new() { ["Code"] = Totp.Code(key) });
        Assert.Contains("Đã bật xác thực hai lớp", WebUtility.HtmlDecode(await enabled.Content.ReadAsStringAsync()));
        // Turning it on renewed this session's cookie: the user is still signed in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await using var db = app.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == "AppUser" && e.EntityId == id.ToString()) || (e.EntityType == "IdentityUserToken`1" && e.EntityId.StartsWith(id + ",")))
            .ToListAsync();
        Assert.Contains(entries, e => e.EntityType == "IdentityUserToken`1" && e.NewValues!.Contains(AuditInterceptor.Hidden));
        foreach (var secret in new[] { key, user.PasswordHash!, user.SecurityStamp! })
            Assert.DoesNotContain(entries, e => (e.OldValues ?? "").Contains(secret) || (e.NewValues ?? "").Contains(secret));

        // Nor through the API that administrators read it with.
        var (adminId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.SystemAdministrator });
        var audit = await app.ClientWithToken(await app.TokenForAsync(adminId)).GetStringAsync("/api/v1/audit?entityType=IdentityUserToken%601");
        Assert.DoesNotContain(key, audit);
    }

    /// <summary>Entries written before the fix held the key in clear text: the migration removes them.</summary>
    [Fact]
    public async Task The_migration_removes_old_entries_that_hold_authenticator_keys()
    {
        DatabaseSetup.LoadMigrationAssembliesFromAppFolder();
        await using var database = await TestDatabase.CreateAsync();
        var builder = new DbContextOptionsBuilder<EcomPlanDbContext>();
        builder.UseEcomPlanDatabase(database.Provider, database.ConnectionString);
        var options = builder.Options;
        await using (var db = new EcomPlanDbContext(options))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var fix = migrations.FindIndex(m => m.EndsWith("_AuditWithoutSecrets", StringComparison.Ordinal));
            Assert.True(fix > 0, "the migration exists");
            await db.GetService<IMigrator>().MigrateAsync(migrations[fix - 1]);
            db.AuditEntries.AddRange(
                new AuditEntry
                {
                    At = DateTimeOffset.UtcNow, UserName = "cũ", EntityType = "IdentityUserToken`1", EntityId = "7,[AspNetUserStore],AuthenticatorKey",
                    Action = "Added", NewValues = "{\"Name\":\"AuthenticatorKey\",\"Value\":\"JBSWY3DPEHPK3PXP\"}",
                },
                new AuditEntry { At = DateTimeOffset.UtcNow, UserName = "cũ", EntityType = "Plan", EntityId = "dong-thap-2026-2030", Action = "Modified", NewValues = "{\"IsPublic\":true}" });
            await db.SaveChangesAsync();
        }
        await using (var db = new EcomPlanDbContext(options))
        {
            await db.Database.MigrateAsync();
            var left = await db.AuditEntries.AsNoTracking().ToListAsync();
            Assert.DoesNotContain(left, e => (e.NewValues ?? "").Contains("JBSWY3DPEHPK3PXP"));
            Assert.Contains(left, e => e.EntityType == "Plan");
        }
    }
}
