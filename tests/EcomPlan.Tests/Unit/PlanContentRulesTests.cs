using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Tests.Unit;

/// <summary>Whole-content rules refuse, with a message, what the database columns cannot hold (PostgreSQL would fail the write).</summary>
public class PlanContentRulesTests
{
    [Fact]
    public void Fields_longer_than_their_columns_are_problems_not_server_errors()
    {
        var header = new PlanHeader("Kế hoạch thử", PlanLevel.Provincial, "82", 2026, 2030, null, null, new string('U', 201), PlanSourceKind.Provisional,
            new string('n', 501), null, null);
        var target = new TargetContent("1", "Thử", null, TargetKind.Qualitative, null, null, null, false, null, new string('u', 65), null, 2030, [],
            Source: new string('s', 201));
        var task = new TaskContent(null, "Thử", [], [], null, null, null, Source: new string('s', 201));
        var content = new PlanContent(header, [], [], [new TargetGroupContent("1", "Nhóm", [target])],
            [new TaskGroupContent("1", "Nhóm", [task], new string('s', 201))]);
        var problems = PlanContentRules.Check(content, new ContentContext(PlanLevel.Provincial, "82", new Dictionary<string, string>(), new HashSet<string>(), true));
        Assert.Equal(["issuingBody", "sourceNote", "unit", "source", "source", "source"], problems.Select(p => p.Field));
    }
}
