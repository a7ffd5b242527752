using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Tests.Unit;

public class AccessScopeTests
{
    private static AccessScope With(params ScopedRole[] roles) => new(1, roles);

    private static readonly AccessScope SystemAdmin = With(new ScopedRole(UserRole.SystemAdministrator));
    private static readonly AccessScope MinistryEditor = With(new ScopedRole(UserRole.MinistryEditor));
    private static readonly AccessScope AdminKh = With(new ScopedRole(UserRole.ProvincialAdministrator, "56"));
    private static readonly AccessScope ReporterKh = With(new ScopedRole(UserRole.AgencyReporter, "56", AgencyId: 7));
    private static readonly AccessScope ViewerCountry = With(new ScopedRole(UserRole.Viewer));

    [Fact]
    public void Published_plans_are_for_everyone_drafts_only_in_scope()
    {
        Assert.True(AccessScope.Anonymous.CanReadPlan(PlanLevel.Provincial, "82", isPublic: true));
        Assert.False(AccessScope.Anonymous.CanReadPlan(PlanLevel.Provincial, "82", isPublic: false));
        Assert.False(AccessScope.Anonymous.CanReadPlan(PlanLevel.National, null, isPublic: false));
        Assert.False(ReporterKh.CanReadPlan(PlanLevel.Provincial, "82", isPublic: false));
        Assert.True(ReporterKh.CanReadPlan(PlanLevel.Provincial, "56", isPublic: false));
        Assert.True(ReporterKh.CanReadPlan(PlanLevel.National, null, isPublic: false));
        Assert.True(ViewerCountry.CanReadPlan(PlanLevel.Provincial, "82", isPublic: false));
        Assert.True(MinistryEditor.CanReadPlan(PlanLevel.Provincial, "82", isPublic: false));
    }

    [Fact]
    public void Plans_are_edited_by_their_owner_only()
    {
        Assert.True(AdminKh.CanEditPlan(PlanLevel.Provincial, "56"));
        Assert.False(AdminKh.CanEditPlan(PlanLevel.Provincial, "82"));
        Assert.False(AdminKh.CanEditPlan(PlanLevel.National, null));
        Assert.True(MinistryEditor.CanEditPlan(PlanLevel.National, null));
        Assert.False(MinistryEditor.CanEditPlan(PlanLevel.Provincial, "56"));
        Assert.False(ReporterKh.CanEditPlan(PlanLevel.Provincial, "56"));
        Assert.False(ViewerCountry.CanEditPlan(PlanLevel.Provincial, "56"));
        Assert.True(SystemAdmin.CanEditPlan(PlanLevel.Provincial, "82"));
    }

    [Fact]
    public void A_provincial_administrator_grants_only_roles_inside_the_province()
    {
        Assert.True(AdminKh.CanGrant(new ScopedRole(UserRole.AgencyReporter, "56", AgencyId: 3)));
        Assert.True(AdminKh.CanGrant(new ScopedRole(UserRole.Viewer, "56")));
        Assert.True(AdminKh.CanGrant(new ScopedRole(UserRole.ProvincialAdministrator, "56")));
        Assert.False(AdminKh.CanGrant(new ScopedRole(UserRole.AgencyReporter, "82", AgencyId: 9)));
        Assert.False(AdminKh.CanGrant(new ScopedRole(UserRole.ProvincialAdministrator, "82")));
        Assert.False(AdminKh.CanGrant(new ScopedRole(UserRole.Viewer)));           // country-wide
        Assert.False(AdminKh.CanGrant(new ScopedRole(UserRole.AgencyReporter, null, AgencyId: 1))); // a central agency
        Assert.False(AdminKh.CanGrant(new ScopedRole(UserRole.MinistryViewer)));
        Assert.False(AdminKh.CanGrant(new ScopedRole(UserRole.SystemAdministrator)));
        Assert.True(SystemAdmin.CanGrant(new ScopedRole(UserRole.SystemAdministrator)));
        Assert.False(ReporterKh.CanGrant(new ScopedRole(UserRole.Viewer, "56")));
    }

    [Fact]
    public void A_user_is_managed_only_by_who_could_grant_all_their_roles()
    {
        Assert.True(AdminKh.CanManage([new ScopedRole(UserRole.Viewer, "56")]));
        Assert.False(AdminKh.CanManage([new ScopedRole(UserRole.Viewer, "56"), new ScopedRole(UserRole.Viewer, "82")]));
        Assert.False(AdminKh.CanManage([]));
        Assert.True(SystemAdmin.CanManage([]));
        Assert.False(ReporterKh.CanManage([new ScopedRole(UserRole.Viewer, "56")]));
    }

    [Fact]
    public void Audit_is_read_by_administrators_within_their_province()
    {
        Assert.True(SystemAdmin.CanReadAuditOf(null));
        Assert.True(AdminKh.CanReadAuditOf("56"));
        Assert.False(AdminKh.CanReadAuditOf("82"));
        Assert.False(AdminKh.CanReadAuditOf(null));
        Assert.False(ReporterKh.CanReadAudit);
        Assert.False(MinistryEditor.CanReadAudit);
    }

    [Fact]
    public void Provinces_propose_indicators_for_their_own_province_and_only_the_Ministry_decides()
    {
        var ministryViewer = With(new ScopedRole(UserRole.MinistryViewer));
        var adminDt = With(new ScopedRole(UserRole.ProvincialAdministrator, "82"));
        Assert.True(AdminKh.CanProposeIndicator("56"));
        Assert.False(AdminKh.CanProposeIndicator("82"));
        Assert.False(MinistryEditor.CanProposeIndicators);
        Assert.False(ReporterKh.CanProposeIndicators);

        Assert.True(AdminKh.CanReadIndicatorProposal("56"));
        Assert.False(AdminKh.CanReadIndicatorProposal("82"));
        Assert.True(adminDt.CanReadIndicatorProposal("82"));
        Assert.True(MinistryEditor.CanReadIndicatorProposal("82"));
        Assert.True(ministryViewer.CanReadIndicatorProposal("56"));
        Assert.False(ViewerCountry.CanReadIndicatorProposals);
        Assert.False(ReporterKh.CanReadIndicatorProposal("56"));

        Assert.True(MinistryEditor.CanEditCatalogue);
        Assert.True(SystemAdmin.CanEditCatalogue);
        Assert.False(ministryViewer.CanEditCatalogue);
        Assert.False(AdminKh.CanEditCatalogue);
    }
}
