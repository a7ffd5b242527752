using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.PlanImport;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Tests.Unit;

/// <summary>
/// A plan's text as the content of a draft plan: the four shipped documents and the three sample plans map to
/// contents the plan rules accept, with the transcriptions' counts, every item on its line, and doubts where a reviewer
/// should look again.
/// </summary>
public class PlanImportMappingTests
{
    private static readonly SeedDataOptions Seed = new();
    private static readonly ImportCatalogue Catalogue = ImportCatalogue.From(IndicatorSeeder.ReadCatalogue(Seed).Indicators);

    private static string[] Document(string name) => File.ReadAllLines(Path.Combine(Seed.DocumentsFolder, name));

    private static string[] Sample(string name) => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Unit", "PlanImportSamples", name));

    private static TextImportChoices Province(string code, string name, PlanSourceKind kind = PlanSourceKind.Original, string? note = null,
        string? title = null, int? start = null, int? end = null) =>
        new(PlanLevel.Provincial, code, name, "Tỉnh " + name, kind, note, title, start, end);

    private static readonly TextImportChoices National = new(PlanLevel.National, null, null, null, PlanSourceKind.Original, null);

    private static PlanDraft Map(string[] lines, TextImportChoices choices) => PlanTextToContent.Map(PlanTextParser.Parse(lines), choices, Catalogue);

    /// <summary>The rules every import passes (agencies may be created): what a draft that maps cleanly must satisfy.</summary>
    private static List<ContentProblem> Problems(PlanContent content) =>
        PlanContentRules.Check(content, new ContentContext(content.Header.Level, content.Header.ProvinceCode, Catalogue.Directions, new HashSet<string>(), true));

    /// <summary>Each item's line holds the first words of its text (targets: of the statement; the annex row for annex-only ones).</summary>
    private static void AssertLines(PlanDraft draft, string[] lines)
    {
        static string Start(string text) => string.Join(" ", ImportText.Words(text).Take(3));
        foreach (var t in draft.Targets)
            Assert.True(string.Join(" ", ImportText.Words(lines[t.Content.Line - 1])).Contains(Start(t.Item.Statement)), $"target line {t.Content.Line}: {t.Content.Text}");
        foreach (var t in draft.Tasks)
            Assert.True(string.Join(" ", ImportText.Words(lines[t.Content.Line - 1])).Contains(Start(t.Content.Text)), $"task line {t.Content.Line}: {t.Content.Text}");
    }

    [Theory]
    [InlineData("004_a65b8c3d4f9ed49f.txt", "82", "Đồng Tháp", 16, 42)]
    [InlineData("003_30f125ab8d2c6922.txt", "56", "Khánh Hòa", 13, 34)]
    [InlineData("001_f9c8379976915e74.txt", null, null, 18, 107)]
    [InlineData("000_8c93b2dafbe1f90b.txt", null, null, 12, 5)]
    public void Each_shipped_document_maps_to_a_content_the_rules_accept_with_the_transcriptions_counts(string document, string? code, string? name, int targets, int tasks)
    {
        var lines = Document(document);
        var draft = Map(lines, code is null ? National : Province(code, name!));
        Assert.Empty(Problems(draft.Content));
        Assert.Equal((targets, tasks), (draft.Content.Targets.Count(), draft.Content.Tasks.Count()));
        Assert.Equal(draft.Content.Targets.Count(), draft.Content.Targets.Select(t => t.Key).Distinct().Count());
        AssertLines(draft, lines);
        Assert.All(draft.Content.Targets, t => Assert.InRange(t.DeadlineYear!.Value, draft.Content.Header.PeriodStart, draft.Content.Header.PeriodEnd));
    }

    [Fact]
    public void Dong_Thap_reads_its_header_groups_band_conflict_and_unassigned_tasks()
    {
        var draft = Map(Document("004_a65b8c3d4f9ed49f.txt"), Province("82", "Đồng Tháp"));
        var h = draft.Content.Header;
        Assert.Equal(("244/KH-UBND", new DateOnly(2025, 9, 12), "Ủy ban nhân dân tỉnh Đồng Tháp", 2026, 2030, PlanSourceKind.Original),
            (h.DocumentNumber, h.DocumentDate!.Value, h.IssuingBody, h.PeriodStart, h.PeriodEnd, h.SourceKind));
        Assert.Equal("Kế hoạch phát triển thương mại điện tử tỉnh Đồng Tháp giai đoạn 2026 - 2030", h.Title);
        Assert.Equal(["a", "b", "c", "d", "đ", "IV"], draft.Content.TargetGroups.Select(g => g.Code));
        Assert.Equal(["a.1", "a.2", "a.3", "a.4"], draft.Content.TargetGroups[0].Targets.Select(t => t.Key));
        Assert.All(draft.Content.Targets, t => Assert.Equal(2030, t.DeadlineYear));

        // "không quá 8-15%" of a cost: a band of a lower-is-better indicator, said in a doubt.
        var lastMile = draft.Targets.Single(t => t.Content.Line == 34);
        Assert.Equal((TargetKind.Band, 8m, 15m, "last_mile_cost_share"), (lastMile.Content.Kind, lastMile.Content.Min!.Value, lastMile.Content.Max!.Value, lastMile.Content.Indicator!));
        Assert.Contains(lastMile.Doubts, d => d.Contains("càng thấp càng tốt"));

        // The e-invoice target: 100% in the body, 80% in the annex; both kept, the annex as a conflict.
        var invoice = draft.Targets.Single(t => t.Content.Line == 32);
        Assert.Equal(100m, invoice.Content.Value);
        var conflict = Assert.Single(invoice.Content.References!);
        Assert.Equal((true, 145, 80m), (conflict.IsConflict, conflict.Line, conflict.Value!.Value));
        Assert.Contains(invoice.Doubts, d => d.Contains("dòng 145"));
        Assert.Equal(["Thuế tỉnh"], invoice.Content.MonitoringAgencies);

        Assert.Equal(["I", "II", "III", "IV", "V", "VI"], draft.Content.TaskGroups.Select(g => g.Code));
        Assert.Equal("Phụ lục 2, mục I", draft.Content.TaskGroups[0].Source);
        Assert.Equal([228, 253, 281], draft.Tasks.Where(t => t.Content.Lead.Count == 0).Select(t => t.Content.Line));
        Assert.All(draft.Tasks.Where(t => t.Content.Lead.Count == 0), t => Assert.Contains(t.Doubts, d => d.Contains("không ghi cơ quan chủ trì")));
        Assert.Equal("Phụ lục 2, mục I.1", draft.Tasks[0].Content.Source);
    }

    [Fact]
    public void Khanh_Hoa_targets_without_groups_get_one_group_and_running_keys()
    {
        var draft = Map(Document("003_30f125ab8d2c6922.txt"), Province("56", "Khánh Hòa"));
        var group = Assert.Single(draft.Content.TargetGroups);
        Assert.Equal(("1", PlanTextToContent.LooseTargets), (group.Code, group.Title));
        Assert.Equal(Enumerable.Range(1, 13).Select(n => n.ToString()), group.Targets.Select(t => t.Key));
        var rank = group.Targets[0];
        Assert.Equal((TargetKind.Rank, 10m, "ecommerce_index_rank"), (rank.Kind, rank.Value!.Value, rank.Indicator!));
        Assert.Equal(draft.Content.TaskGroups.Count, draft.Content.TaskGroups.Select(g => g.Code).Distinct().Count());
    }

    [Fact]
    public void The_national_draft_keeps_its_qualitative_targets_and_drops_no_task()
    {
        var draft = Map(Document("000_8c93b2dafbe1f90b.txt"), National);
        Assert.Equal("Thủ tướng Chính phủ", draft.Content.Header.IssuingBody);
        Assert.Null(draft.Content.Header.DocumentNumber);
        Assert.Equal(3, draft.Content.Targets.Count(t => t.Kind == TargetKind.Qualitative));
        var approximate = draft.Targets.Single(t => t.Content.Line == 31);
        Assert.Equal((TargetKind.Approximate, 70m, 7m), (approximate.Content.Kind, approximate.Content.Value!.Value, approximate.Content.Tolerance!.Value));
    }

    [Fact]
    public void The_numbered_list_sample_maps_every_target_with_its_reading()
    {
        var draft = Map(Sample("numbered-list.txt"), Province("68", "Lâm Đồng"));
        Assert.Empty(Problems(draft.Content));
        Assert.Equal(["2.1", "2.2", "2.3"], draft.Content.TargetGroups.Select(g => g.Code));
        Assert.Equal(["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.3.1", "2.3.2"], draft.Content.Targets.Select(t => t.Key));
        Assert.Equal([15, 16, 17, 19, 20, 21, 22, 25, 26], draft.Content.Targets.Select(t => t.Line));
        Assert.Empty(draft.Content.Tasks);
        Assert.Contains(draft.Warnings, w => w.Contains("phụ lục nhiệm vụ"));
    }

    [Fact]
    public void The_annex_table_sample_maps_its_share_of_share_and_its_agencies()
    {
        var draft = Map(Sample("annex-table.txt"), Province("37", "Ninh Bình"));
        Assert.Empty(Problems(draft.Content));
        var share = draft.Content.Targets.Single(t => t.Kind == TargetKind.ShareOfShare);
        Assert.Equal("thanh toán không dùng tiền mặt trong thương mại điện tử", share.Of);
        Assert.Equal(["I", "II"], draft.Content.TaskGroups.Select(g => g.Code));
        var first = draft.Content.Tasks.First();
        Assert.Equal(["Sở Công Thương"], first.Lead);
        Assert.Equal(["Công an tỉnh", "Thuế tỉnh Ninh Bình"], first.Coordinating);
        Assert.Equal((2026, 2027), (first.StartYear!.Value, first.EndYear!.Value));
    }

    [Fact]
    public void A_press_summary_is_provisional_as_the_person_says_with_the_title_they_give()
    {
        var choices = Province("42", "Hà Tĩnh", PlanSourceKind.Provisional, "Báo Hà Tĩnh, 10/10/2025",
            "Kế hoạch phát triển thương mại điện tử tỉnh Hà Tĩnh giai đoạn 2026 - 2030", 2026, 2030);
        var draft = Map(Sample("press-summary.txt"), choices);
        Assert.Empty(Problems(draft.Content));
        var h = draft.Content.Header;
        Assert.Equal((PlanSourceKind.Provisional, "Báo Hà Tĩnh, 10/10/2025", "UBND tỉnh Hà Tĩnh"), (h.SourceKind, h.SourceNote!, h.IssuingBody));
        Assert.Equal(["1", "2", "3", "4"], draft.Content.Targets.Select(t => t.Key));
        Assert.Equal([TargetKind.Band, TargetKind.Qualitative, TargetKind.Approximate, TargetKind.Qualitative], draft.Content.Targets.Select(t => t.Kind));
        // "bán lẻ trực tuyến" is too far from the catalogue's wording to suggest an indicator: kept with its reading in a doubt.
        Assert.Contains(draft.Targets[1].Doubts, d => d.Contains("chưa tìm được chỉ số") && d.Contains("25%/năm"));
    }

    [Fact]
    public void A_text_without_a_title_or_period_leaves_them_to_the_rules()
    {
        var draft = Map(["Mục tiêu cụ thể", "a) Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử đạt 70%."], Province("82", "Đồng Tháp"));
        var problems = Problems(draft.Content);
        Assert.Contains(problems, p => p.Field == "title");
        Assert.Contains(problems, p => p.Field == "periodEnd");
    }

    [Fact]
    public void A_target_the_catalogue_lacks_is_kept_as_qualitative_with_its_reading_in_a_doubt()
    {
        var draft = Map(["Mục tiêu cụ thể", "a) Số cây xanh được trồng mới đạt 30.000 cây;", "b) Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử đạt 70% vào năm 2040."],
            Province("82", "Đồng Tháp", title: "Kế hoạch thử", start: 2026, end: 2030));
        Assert.Empty(Problems(draft.Content));
        var trees = draft.Targets[0];
        Assert.Equal((TargetKind.Qualitative, null, null), (trees.Content.Kind, trees.Content.Indicator, trees.Content.Value));
        Assert.Contains(trees.Doubts, d => d.Contains("chưa tìm được chỉ số phù hợp") && d.Contains("30.000"));
        Assert.Contains(draft.Warnings, w => w.StartsWith("Dòng 2:", StringComparison.Ordinal));
        // A deadline outside the period becomes the period's end, said in a doubt.
        var late = draft.Targets[1];
        Assert.Equal((TargetKind.Floor, 2030), (late.Content.Kind, late.Content.DeadlineYear!.Value));
        Assert.Contains(late.Doubts, d => d.Contains("2040"));
    }

    [Fact]
    public void Placeholder_rows_of_a_draft_are_not_tasks()
    {
        var lines = new[]
        {
            "Kế hoạch thử giai đoạn 2026 - 2030", "Phụ lục", "NHIỆM VỤ THỰC HIỆN KẾ HOẠCH", "TT\tNội dung\tCơ quan chủ trì\tThời gian",
            "1\tXây dựng quy chế phối hợp\tSở Công Thương\t2026 - 2030", "2\t……\t……\t……",
        };
        var draft = Map(lines, Province("82", "Đồng Tháp", title: "Kế hoạch thử", start: 2026, end: 2030));
        Assert.Equal(["Xây dựng quy chế phối hợp"], draft.Content.Tasks.Select(t => t.Text));
    }

    [Fact]
    public void The_province_chosen_is_checked_against_the_text()
    {
        var draft = Map(Document("003_30f125ab8d2c6922.txt"), Province("82", "Đồng Tháp"));
        Assert.Contains(draft.Warnings, w => w.Contains("không nhắc tới Đồng Tháp"));
    }
}
