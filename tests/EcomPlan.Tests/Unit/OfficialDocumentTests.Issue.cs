using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Unit;

/// <summary>The confirmation asked before a consolidated report is issued.</summary>
public partial class OfficialDocumentTests
{
    private static readonly DateOnly IssueDay = new(2026, 12, 1);

    [Fact]
    public void Issuing_early_with_missing_reports_says_how_many_are_missing_and_how_many_days_are_left()
    {
        var notice = new IssueNotice(114, 1, new DateOnly(2026, 12, 14), IssueDay);
        Assert.Equal(113, notice.Missing);
        Assert.Equal(13, notice.DaysBeforeDue);
        Assert.True(notice.IsEarly);
        var text = string.Join(" ", ConsolidatedIssue.Sentences(notice));
        Assert.Contains("Còn thiếu 113 báo cáo của các đơn vị (mới nhận 1/114)", text);
        Assert.Contains("còn 13 ngày nữa mới đến hạn báo cáo (14/12/2026)", text);
        Assert.Contains("01/12/2026", text);
        Assert.Contains("Không thể hoàn tác", text);
    }

    [Fact]
    public void Issuing_on_or_after_the_due_date_with_every_report_in_only_says_it_cannot_be_undone()
    {
        foreach (var due in new[] { IssueDay, IssueDay.AddDays(-3) })
        {
            var notice = new IssueNotice(5, 5, due, IssueDay);
            Assert.False(notice.IsEarly);
            var sentences = ConsolidatedIssue.Sentences(notice);
            Assert.DoesNotContain(sentences, s => s.Contains("Còn thiếu") || s.Contains("ngày nữa"));
            Assert.Contains(sentences, s => s.Contains("Đã nhận đủ 5/5"));
            Assert.Contains(sentences, s => s.StartsWith("Không thể hoàn tác"));
        }
    }

    [Fact]
    public void The_national_report_counts_the_provinces_consolidated_reports_not_yet_issued()
    {
        var notice = new IssueNotice(3, 1, null, IssueDay, National: true);
        Assert.True(notice.IsEarly);
        Assert.Equal(0, notice.DaysBeforeDue);
        var text = string.Join(" ", ConsolidatedIssue.Sentences(notice));
        Assert.Contains("Còn thiếu 2 báo cáo tổng hợp của các tỉnh (mới nhận 1/3)", text);
        Assert.DoesNotContain("đến hạn", text);
    }
}
