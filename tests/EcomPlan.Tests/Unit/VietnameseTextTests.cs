using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Tests.Unit;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Đồng Tháp", "dong thap")]
    [InlineData("ĐỒNG   THÁP", "dong thap")]
    [InlineData("Khánh Hòa", "khanh hoa")]
    [InlineData("Hóa đơn điện tử", "hoa don dien tu")]
    [InlineData("Thuế tỉnh\n", "thue tinh")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_removes_tones_marks_case_and_extra_spaces(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_treats_precomposed_and_decomposed_text_alike() =>
        Assert.Equal(VietnameseText.Fold("Hòa"), VietnameseText.Fold("Ho\u0300a"));

    [Theory]
    [InlineData(60.82, "60,82")]
    [InlineData(1000000, "1.000.000")]
    [InlineData(70, "70")]
    [InlineData(0.5, "0,5")]
    public void Numbers_are_formatted_the_Vietnamese_way(decimal value, string expected) =>
        Assert.Equal(expected, VietnameseText.FormatNumber(value));

    [Fact]
    public void Dates_are_dd_MM_yyyy() => Assert.Equal("03/06/2025", VietnameseText.FormatDate(new DateOnly(2025, 6, 3)));

    [Fact]
    public void Names_sort_with_Đ_after_D_and_before_E()
    {
        var names = new[] { "Đồng Tháp", "Điện Biên", "Đà Nẵng", "Gia Lai", "Cà Mau", "Dương", "An Giang" };
        var sorted = names.OrderBy(n => n, VietnameseText.Comparer).ToArray();
        Assert.Equal(new[] { "An Giang", "Cà Mau", "Dương", "Đà Nẵng", "Điện Biên", "Đồng Tháp", "Gia Lai" }, sorted);
    }
}
