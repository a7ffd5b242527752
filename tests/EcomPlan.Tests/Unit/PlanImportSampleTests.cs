using EcomPlan.Web.Features.PlanImport;

namespace EcomPlan.Tests.Unit;

/// <summary>
/// Three short plans written for these tests in the styles provinces use (PlanImportSamples/): a numbered list,
/// a decision with a task table pasted row by row, a press summary. Every item must read as intended.
/// </summary>
public class PlanImportSampleTests
{
    private static PlanText Sample(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Unit", "PlanImportSamples", name);
        using var file = File.OpenRead(path);
        return PlanTextParser.Parse(DocumentText.Read(path, file));
    }

    private static (int, string?, PhraseKind, decimal?, decimal?, decimal?, bool, string?) Row(TargetItem t) =>
        (t.Line, t.Group?.Code, t.Reading.Kind, t.Reading.Value, t.Reading.Min, t.Reading.Max, t.Reading.Exclusive, t.Reading.Unit);

    [Fact]
    public void Numbered_list()
    {
        var text = Sample("numbered-list.txt");
        Assert.Equal(("118/KH-UBND", new DateOnly(2025, 11, 5), "Ủy ban nhân dân tỉnh Lâm Đồng", 2026, 2030),
            (text.Metadata.DocumentNumber!, text.Metadata.DocumentDate!.Value, text.Metadata.IssuingBody!, text.Metadata.PeriodStart!.Value, text.Metadata.PeriodEnd!.Value));
        Assert.Equal("Kế hoạch phát triển thương mại điện tử tỉnh Lâm Đồng giai đoạn 2026 - 2030", text.Metadata.Title);
        Assert.Equal([8, 9], text.Viewpoints.Select(v => v.Line));
        Assert.Equal(12, text.Objectives.Single().Line);
        Assert.Equal(
            new (int, string?, PhraseKind, decimal?, decimal?, decimal?, bool, string?)[]
            {
                (15, "2.1", PhraseKind.Floor, 65, null, null, false, "%"),
                (16, "2.1", PhraseKind.Growth, 22, null, null, false, "%/năm"),
                (17, "2.1", PhraseKind.Floor, 90, null, null, true, "%"),
                (19, "2.2", PhraseKind.Ceiling, 5, null, null, true, "%"),
                (20, "2.2", PhraseKind.Ceiling, 30, null, null, false, "%"),
                (21, "2.2", PhraseKind.Range, null, 8, 12, false, "%"),
                (22, "2.2", PhraseKind.Qualitative, null, null, null, false, null),
                (25, "2.3", PhraseKind.Count, 20000, null, null, true, "lượt"),
                (26, "2.3", PhraseKind.Rank, 15, null, null, false, "hạng"),
            },
            text.Targets.Select(Row).ToArray());
        Assert.All(text.Targets, t => Assert.Equal(2030, t.Reading.DeadlineYear));
        Assert.Empty(text.Tasks);
    }

    [Fact]
    public void Annex_table()
    {
        var text = Sample("annex-table.txt");
        Assert.Equal(("77/QĐ-UBND", new DateOnly(2026, 4, 2), "Ủy ban nhân dân tỉnh Ninh Bình"),
            (text.Metadata.DocumentNumber!, text.Metadata.DocumentDate!.Value, text.Metadata.IssuingBody!));
        Assert.Equal(
            new (int, string?, PhraseKind, decimal?, decimal?, decimal?, bool, string?)[]
            {
                (9, null, PhraseKind.Floor, 85, null, null, false, "%"),
                (9, null, PhraseKind.ShareOfShare, 70, null, null, false, "%"),
                (10, null, PhraseKind.Count, 1500, null, null, false, "sản phẩm"),
            },
            text.Targets.Select(Row).ToArray());
        Assert.Equal("thanh toán không dùng tiền mặt trong thương mại điện tử", text.Targets[1].Reading.Of);

        string Names(IReadOnlyList<string> names) => string.Join(" | ", names);
        Assert.Equal(
            new[]
            {
                ("I", "1", 18, "Sở Công Thương", "Công an tỉnh | Thuế tỉnh Ninh Bình", "2026 - 2027", (int?)2026, (int?)2027),
                ("I", "2", 19, "Sở Công Thương | Sở Khoa học và Công nghệ", "Các sở, ngành liên quan", "Thường xuyên", null, null),
                ("II", "1", 21, "", "Thống kê tỉnh", "Hằng năm", null, null),
                ("II", "3", 23, "Trung tâm Xúc tiến Thương mại và Du lịch", "Hội Liên hiệp Phụ nữ tỉnh | Tỉnh đoàn", "Năm 2026", 2026, 2026),
            },
            text.Tasks.Select(t => (t.Group!.Code, t.Number!, t.Line, Names(t.Lead), Names(t.Coordinating), t.Timeframe!, t.StartYear, t.EndYear)).ToArray());
        Assert.Equal("Hạ tầng và nguồn nhân lực", text.Tasks[2].Group!.Title);
        Assert.Contains(text.Warnings, w => w.StartsWith("Dòng 21:", StringComparison.Ordinal));
    }

    [Fact]
    public void Press_summary()
    {
        var text = Sample("press-summary.txt");
        Assert.Equal((new DateOnly(2025, 10, 10), "UBND tỉnh Hà Tĩnh", 2026), (text.Metadata.DocumentDate!.Value, text.Metadata.IssuingBody!, text.Metadata.PeriodStart!.Value));
        Assert.Equal(
            new (int, string?, PhraseKind, decimal?, decimal?, decimal?, bool, string?)[]
            {
                (3, null, PhraseKind.Band, null, 65, 70, false, "%"),
                (3, null, PhraseKind.Growth, 25, null, null, false, "%/năm"),
                (3, null, PhraseKind.Approximate, 30, null, null, false, "%"),
                (3, null, PhraseKind.Qualitative, null, null, null, false, null),
            },
            text.Targets.Select(Row).ToArray());
        Assert.Equal(3m, text.Targets[2].Reading.Tolerance);
        Assert.All(text.Targets.Take(3), t => Assert.Equal(2030, t.Reading.DeadlineYear));
        Assert.DoesNotContain(text.Targets, t => t.Reading.Value == 52);
    }
}
