using EcomPlan.Tests.Infrastructure;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>An application of its own for the authoring tests: they create, issue and amend plans.</summary>
public sealed class AuthoringApp : EcomPlanApp;

[CollectionDefinition(Name)]
public sealed class AuthoringCollection : ICollectionFixture<AuthoringApp>
{
    public const string Name = "authoring";
}
