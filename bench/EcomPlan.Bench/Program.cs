using BenchmarkDotNet.Running;
using EcomPlan.Web.Features.PlanImport;
using EcomPlan.Web.Features.Seeding;

namespace EcomPlan.Bench;

/// <summary>
/// dotnet run -c Release --project bench/EcomPlan.Bench -- --filter '*'
/// dotnet run -c Release --project bench/EcomPlan.Bench -- --plan-import-quality (a data-quality report, not a benchmark)
/// dotnet run -c Release --project bench/EcomPlan.Bench -- --plan-import-dump plan.docx (what the parser reads in one file)
/// (not top-level statements: that would be a second global "Program" and hide the web application's).
/// </summary>
public static class BenchProgram
{
    public static int Main(string[] args)
    {
        if (args.Contains("--plan-import-quality")) return PlanImportQuality();
        if (args is ["--plan-import-dump", var file])
        {
            // What the parser reads in one document (.txt, .docx or .pdf), for reviewing by eye.
            using var stream = File.OpenRead(file);
            Console.Write(PlanTextDump.Format(PlanTextParser.Parse(DocumentText.Read(file, stream))));
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchApp).Assembly).Run(args);
        return 0;
    }

    /// <summary>Reads the shipped documents with the plan-text parser and compares with their transcriptions; exit 1 below the goals.</summary>
    private static int PlanImportQuality()
    {
        var plans = ImportQuality.CompareSeedData(new SeedDataOptions());
        Console.Write(ImportQualityReport.Format(plans));
        var targets = (double)plans.Sum(p => p.TargetsExact) / plans.Sum(p => p.Targets.Count);
        var leads = (double)plans.Sum(p => p.LeadsMatching) / plans.Sum(p => p.Tasks.Count);
        return targets >= ImportQuality.TargetGoal && leads >= ImportQuality.LeadGoal ? 0 : 1;
    }
}
