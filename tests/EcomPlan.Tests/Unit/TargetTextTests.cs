using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Tests.Unit;

public class TargetTextTests
{
    [Theory]
    [InlineData(TargetKind.Floor, 70d, null, null, false, "%", "≥ 70%")]
    [InlineData(TargetKind.Floor, 95d, null, null, true, "%", "> 95%")]
    [InlineData(TargetKind.Ceiling, 10d, null, null, true, "%", "< 10%")]
    [InlineData(TargetKind.Ceiling, 45d, null, null, false, "%", "≤ 45%")]
    [InlineData(TargetKind.Range, null, 8d, 15d, false, "% doanh thu", "8–15 % doanh thu")]
    [InlineData(TargetKind.Growth, null, 20d, 30d, false, "%/năm", "20–30%/năm")]
    [InlineData(TargetKind.Count, 1000000d, null, null, false, "lượt", "≥ 1.000.000 lượt")]
    [InlineData(TargetKind.Rank, 10d, null, null, false, null, "Top 10")]
    [InlineData(TargetKind.ShareOfShare, 80d, null, null, false, "%", "≥ 80%")]
    [InlineData(TargetKind.Qualitative, null, null, null, false, null, "Định tính")]
    public void Requirement_reads_as_the_documents_write_it(TargetKind kind, double? value, double? min, double? max, bool exclusive, string? unit, string expected) =>
        Assert.Equal(expected, TargetText.Requirement(kind, (decimal?)value, (decimal?)min, (decimal?)max, exclusive, unit));
}
