using System.Security.Cryptography;
using EcomPlan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>
/// The first start creates one system administrator: e-mail and password from configuration ("Admin:Email",
/// "Admin:Password") or, without a password, a one-time password printed once in the log. Example accounts for each
/// role (README) are added only when "Accounts:ExampleAccounts" asks for them, which Production refuses.
/// </summary>
public static class AdminBootstrap
{
    public const string DevelopmentPassword = "EcomPlan-Dev-2026";

    public static async Task EnsureAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var db = services.GetRequiredService<EcomPlanDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var clock = services.GetRequiredService<TimeProvider>();
        db.AuditActor = "(khởi động: tài khoản ban đầu)";

        if (!await db.Users.AnyAsync(ct))
        {
            var email = configuration["Admin:Email"] ?? "admin@ecomplan.local";
            var password = configuration["Admin:Password"];
            var generated = string.IsNullOrEmpty(password);
            if (generated) password = OneTimePassword();
            await CreateAsync(users, db, clock, email, "Quản trị hệ thống", password!, [new RoleAssignment { Role = UserRole.SystemAdministrator }], mustChange: generated);
            if (generated)
                logger.LogWarning("Đã tạo tài khoản quản trị hệ thống {Email} với mật khẩu dùng một lần: {Password} — đăng nhập và đổi mật khẩu ngay. Mật khẩu này chỉ được in một lần.", email, password);
            else
                logger.LogInformation("Đã tạo tài khoản quản trị hệ thống {Email} (mật khẩu từ cấu hình Admin:Password).", email);
        }

        if (ExampleAccountsWanted(configuration, services.GetRequiredService<IHostEnvironment>()))
            await EnsureExampleAccountsAsync(db, users, clock, logger, ct);
    }

    public const string ExampleAccountsSetting = "Accounts:ExampleAccounts";

    /// <summary>
    /// Example accounts share a published password, so they exist only when the operator asks for them, whatever the
    /// environment or launch profile; Production refuses the setting outright.
    /// </summary>
    public static bool ExampleAccountsWanted(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!configuration.GetValue<bool>(ExampleAccountsSetting)) return false;
        if (environment.IsProduction())
            throw new InvalidOperationException($"Không được bật tài khoản mẫu ({ExampleAccountsSetting}=true) ở môi trường Production: mật khẩu của chúng được công bố.");
        return true;
    }

    /// <summary>One account per role, for trying the platform locally. Never in production: see README.</summary>
    private static async Task EnsureExampleAccountsAsync(EcomPlanDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var khTax = await db.Agencies.Where(a => a.ProvinceCode == "56" && a.Name == "Thuế Khánh Hòa").Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        // Đồng Tháp's Department of Industry and Trade leads most of its plan's tasks: the agency to try reporting with.
        var dtDepartment = await db.Agencies.Where(a => a.ProvinceCode == "82" && a.Name == "Sở Công Thương").Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        var khCommune = await db.Communes.Where(c => c.ProvinceCode == "56").OrderBy(c => c.Code).Select(c => c.Code).FirstOrDefaultAsync(ct);
        var examples = new (string Email, string Name, RoleAssignment Role)[]
        {
            ("bo.bientap@ecomplan.local", "Biên tập viên Bộ Công Thương", new() { Role = UserRole.MinistryEditor }),
            ("bo.xem@ecomplan.local", "Cán bộ Bộ Công Thương (xem)", new() { Role = UserRole.MinistryViewer }),
            ("sct.khanhhoa@ecomplan.local", "Sở Công Thương Khánh Hòa", new() { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" }),
            ("sct.dongthap@ecomplan.local", "Sở Công Thương Đồng Tháp", new() { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" }),
            ("thue.khanhhoa@ecomplan.local", "Báo cáo viên Thuế Khánh Hòa", new() { Role = UserRole.AgencyReporter, AgencyId = khTax }),
            ("baocao.sct.dongthap@ecomplan.local", "Báo cáo viên Sở Công Thương Đồng Tháp", new() { Role = UserRole.AgencyReporter, AgencyId = dtDepartment }),
            ("xa.khanhhoa@ecomplan.local", "Báo cáo viên cấp xã (Khánh Hòa)", new() { Role = UserRole.CommuneReporter, CommuneCode = khCommune }),
            ("xem.khanhhoa@ecomplan.local", "Người xem Khánh Hòa", new() { Role = UserRole.Viewer, ProvinceCode = "56" }),
        };
        foreach (var (email, name, role) in examples)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            if (role.Role == UserRole.AgencyReporter && role.AgencyId is null) continue;
            await CreateAsync(users, db, clock, email, name, DevelopmentPassword, [role], mustChange: false);
            logger.LogInformation("Tài khoản mẫu ({Setting}=true): {Email}", ExampleAccountsSetting, email);
        }
    }

    public static async Task<AppUser> CreateAsync(UserManager<AppUser> users, EcomPlanDbContext db, TimeProvider clock,
        string email, string fullName, string password, IReadOnlyList<RoleAssignment> roles, bool mustChange)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, CreatedAt = clock.GetUtcNow(), MustChangePassword = mustChange };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Không tạo được tài khoản {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        foreach (var r in roles) { r.UserId = user.Id; db.RoleAssignments.Add(r); }
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>16 random characters from an alphabet without look-alikes (no 0/O, 1/l/I), meeting the password rules.</summary>
    private static string OneTimePassword()
    {
        while (true)
        {
            var candidate = new string(RandomNumberGenerator.GetItems<char>("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16));
            if (candidate.Any(char.IsDigit) && candidate.Any(char.IsLower) && candidate.Any(char.IsUpper)) return candidate;
        }
    }
}
