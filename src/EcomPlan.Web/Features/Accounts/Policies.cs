using Microsoft.AspNetCore.Authorization;

namespace EcomPlan.Web.Features.Accounts;

/// <summary>Named authorisation policies. Resource scope (which province) is then decided by <see cref="AccessScope"/>.</summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";
    /// <summary>System administrators and provincial administrators.</summary>
    public const string UserAdministration = "UserAdministration";
    public const string AuditReading = "AuditReading";
    /// <summary>A machine client authenticated by a personal access token (no cookie, so no cross-site request forgery).</summary>
    public const string MachineClient = "MachineClient";
    /// <summary>The Ministry's editors (and system administrators) edit the indicator catalogue.</summary>
    public const string CatalogueEditing = "CatalogueEditing";
    /// <summary>Provincial administrators propose indicators (for their own province, checked in the use case).</summary>
    public const string IndicatorProposing = "IndicatorProposing";
    /// <summary>The Ministry and provincial administrators read proposals (a province only its own, checked in the query).</summary>
    public const string IndicatorProposalReading = "IndicatorProposalReading";

    /// <summary>Whoever edits some plan (which one is checked in the use case): the Ministry's editors, provincial administrators.</summary>
    public const string PlanAuthoring = "PlanAuthoring";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(PlanAuthoring, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(s => s.CanAuthorPlans)));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(UserAdministration, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(s => s.CanManageUsers)));
        options.AddPolicy(MachineClient, p => p.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        options.AddPolicy(CatalogueEditing, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(s => s.CanEditCatalogue)));
        options.AddPolicy(IndicatorProposing, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(s => s.CanProposeIndicators)));
        options.AddPolicy(IndicatorProposalReading, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(s => s.CanReadIndicatorProposals)));
        options.AddPolicy(AuditReading, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(s => s.CanReadAudit)));
    }
}

/// <summary>A policy requirement decided on the user's <see cref="AccessScope"/>.</summary>
public sealed record ScopeRequirement(Func<AccessScope, bool> Allows) : IAuthorizationRequirement;

internal sealed class ScopeRequirementHandler(CurrentUser currentUser) : AuthorizationHandler<ScopeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (requirement.Allows(await currentUser.ScopeAsync())) context.Succeed(requirement);
    }
}
