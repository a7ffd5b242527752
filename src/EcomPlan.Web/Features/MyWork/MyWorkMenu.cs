using EcomPlan.Web.Features.Accounts;

namespace EcomPlan.Web.Features.MyWork;

/// <summary>Which entries of the menu and the home page a user is offered, decided from their roles alone (pure).</summary>
public static class MyWorkMenu
{
    /// <summary>Agency and commune reporters write their unit's reports.</summary>
    public static bool IsReporter(AccessScope scope) =>
        scope.Roles.Any(r => r.Role is UserRole.AgencyReporter or UserRole.CommuneReporter);

    /// <summary>
    /// Whoever may enter values for some unit (see <see cref="Indicators.ValuePermissions"/>): the approvers (system
    /// administrators, the Ministry's editors, the Departments) and the reporters. Viewers, also the Ministry's, only read.
    /// </summary>
    public static bool CanEnterValues(AccessScope scope) => CanReview(scope) || IsReporter(scope);

    /// <summary>Whoever approves values and reviews reports: system administrators, the Ministry's editors, the Departments.</summary>
    public static bool CanReview(AccessScope scope) => scope.IsSystemAdmin || scope.IsMinistryEditor || scope.AdministeredProvinces.Count > 0;

    /// <summary>Whoever follows the completeness of cycles from the home page: the reviewers and the whole-country viewers.</summary>
    public static bool FollowsCycles(AccessScope scope) => CanReview(scope) || scope.SeesWholeCountry;
}
