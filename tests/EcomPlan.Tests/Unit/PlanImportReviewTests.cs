using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.PlanImport;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Seeding;

namespace EcomPlan.Tests.Unit;

/// <summary>The review pairs each stored item with the reading of its line: doubts stay highlighted until someone edits the item.</summary>
public class PlanImportReviewTests
{
    private static readonly SeedDataOptions Seed = new();

    private static PlanDraft DongThap() => PlanTextToContent.Map(
        PlanTextParser.Parse(File.ReadAllLines(Path.Combine(Seed.DocumentsFolder, "004_a65b8c3d4f9ed49f.txt"))),
        new(PlanLevel.Provincial, "82", "Đồng Tháp", "Tỉnh Đồng Tháp", PlanSourceKind.Original, null),
        ImportCatalogue.From(IndicatorSeeder.ReadCatalogue(Seed).Indicators));

    /// <summary>The targets as the import stored them, in the order the plan lists them.</summary>
    private static List<TargetDto> Stored(PlanDraft draft) => draft.Content.TargetGroups.SelectMany(g => g.Targets.Select(t =>
        new TargetDto(0, "p", t.Key, g.Code, g.Title, t.Text, t.Indicator, t.Kind, t.Value, t.Min, t.Max, t.Exclusive, t.Unit, t.Of, t.DeadlineYear,
            null, null, new SourceRef(null, t.Source, t.Line), t.MonitoringAgencies, [], [], [], t.Tolerance))).ToList();

    [Fact]
    public void Every_stored_target_finds_its_reading_and_keeps_its_doubts_until_edited()
    {
        var draft = DongThap();
        var stored = Stored(draft);
        var review = PlanReview.PairTargets(stored, draft.Targets, new HashSet<string>());
        Assert.Equal(stored.Select(t => t.Key), review.Select(r => r.Target.Key));
        Assert.DoesNotContain(review, r => r.Edited);
        // Two targets on line 28 (growth and share) each find their own reading.
        Assert.Equal([TargetKind.Growth, TargetKind.Floor], review.Where(r => r.Target.Source.Line == 28).Select(r => r.Target.Kind));
        Assert.True(review.Single(r => r.Target.Source.Line == 32).Doubtful);

        stored[stored.FindIndex(t => t.Source.Line == 32)] = stored.Single(t => t.Source.Line == 32) with { Value = 80 };
        var edited = PlanReview.PairTargets(stored, draft.Targets, new HashSet<string> { "Thuế tỉnh" }).Single(r => r.Target.Source.Line == 32);
        Assert.True(edited.Edited);
        Assert.False(edited.Doubtful);
        Assert.Contains(edited.Doubts, d => d.Contains("“Thuế tỉnh” chưa có trên hệ thống"));
    }

    [Fact]
    public void A_task_created_agency_is_a_doubt_of_every_task_naming_it()
    {
        var draft = DongThap();
        var tasks = draft.Content.TaskGroups.SelectMany(g => g.Tasks.Select(t => new TaskDto(0, "p", g.Code, g.Title, t.Number, t.Text, t.Lead, t.Coordinating, [],
            t.StartYear, t.EndYear, t.Timeframe, new SourceRef(null, t.Source, t.Line)))).ToList();
        var review = PlanReview.PairTasks(tasks, draft.Tasks, new HashSet<string> { "Sở Văn hóa, Thể thao và Du lịch" });
        Assert.Equal([294], review.Where(r => r.Doubts.Any(d => d.Contains("Sở Văn hóa"))).Select(r => r.Task.Source.Line));
        Assert.Equal([228, 253, 281, 294], review.Where(r => r.Doubtful).Select(r => r.Task.Source.Line));
    }
}
