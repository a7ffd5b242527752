using EcomPlan.Web.Features.PlanImport;
using EcomPlan.Web.Features.Seeding;

namespace EcomPlan.Tests.Unit;

/// <summary>
/// The parser read on the four shipped documents, compared with their hand transcriptions (the answer key):
/// the same comparison as `bench/EcomPlan.Bench -- --plan-import-quality`, failing the build below the goals.
/// </summary>
public class PlanImportQualityTests
{
    [Fact]
    public void The_shipped_documents_parse_as_transcribed()
    {
        var plans = ImportQuality.CompareSeedData(new SeedDataOptions());
        var report = ImportQualityReport.Format(plans);
        Assert.Equal(5, plans.Count);
        var targets = (double)plans.Sum(p => p.TargetsExact) / plans.Sum(p => p.Targets.Count);
        var leads = (double)plans.Sum(p => p.LeadsMatching) / plans.Sum(p => p.Tasks.Count);
        Assert.True(targets >= ImportQuality.TargetGoal, $"chỉ tiêu đúng {targets:P1} < {ImportQuality.TargetGoal:P0}\n{report}");
        Assert.True(leads >= ImportQuality.LeadGoal, $"chủ trì đúng {leads:P1} < {ImportQuality.LeadGoal:P0}\n{report}");
        Assert.True(plans.Sum(p => p.Tasks.Count) > 150, report);
    }
}
