using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.PlanImport;
using EcomPlan.Web.Features.Seeding;

namespace EcomPlan.Tests.Unit;

/// <summary>Indicator suggestions from the shipped catalogue, on wordings of the plans.</summary>
public class PlanImportIndicatorTests
{
    private static readonly IReadOnlyList<IndicatorEntry> Catalogue =
        IndicatorSeeder.ReadCatalogue(new SeedDataOptions()).Indicators.Select(IndicatorEntry.From).ToList();

    [Theory]
    [InlineData("Dân số tham gia mua sắm trực tuyến đạt 70%", "%", "online_shoppers_population_share")]
    [InlineData("Dan so tham gia mua sam truc tuyen dat 70%", "%", "online_shoppers_population_share")]
    [InlineData("Dân số trưởng thành tham gia mua sắm trực tuyến đạt 70%/năm.", "%", "online_shoppers_adult_share")]
    [InlineData("Doanh số bán lẻ thương mại điện tử tăng từ 20 - 25%/năm", "%/năm", "ecommerce_retail_growth")]
    [InlineData("Tỷ lệ website vi phạm quyền lợi người tiêu dùng trong thương mại điện tử dưới 10%", "%", "websites_violating_consumer_rights")]
    [InlineData("Phấn đấu tỉnh đạt vị trí trong top 10 xếp hạng Chỉ số Thương mại điện tử Việt Nam.", "hạng", "ecommerce_index_rank")]
    [InlineData("1.000.000 lượt doanh nghiệp, hộ kinh doanh được tham gia các khóa đào tạo về kỹ năng ứng dụng thương mại điện tử", "lượt", "ecommerce_trainees_count")]
    [InlineData("Tỷ lệ doanh nghiệp áp dụng tiêu chuẩn đóng gói xanh cho thương mại điện tử đạt ít nhất 50%", "%", "green_packaging_enterprises")]
    public void Suggests_the_indicator_the_target_measures(string text, string unit, string code) =>
        Assert.Equal(code, IndicatorSuggester.Suggest(text, Catalogue, unit)?.Code);

    [Fact]
    public void A_different_denominator_is_a_different_indicator()
    {
        var whole = IndicatorSuggester.Rank("Dân số tham gia mua sắm trực tuyến đạt 70%", Catalogue, "%");
        var adults = IndicatorSuggester.Rank("Dân số trưởng thành tham gia mua sắm trực tuyến đạt 70%", Catalogue, "%");
        Assert.Equal(["online_shoppers_population_share", "online_shoppers_adult_share"], whole.Take(2).Select(s => s.Code));
        Assert.Equal(["online_shoppers_adult_share", "online_shoppers_population_share"], adults.Take(2).Select(s => s.Code));
        Assert.True(whole[0].Score > whole[1].Score && adults[0].Score > adults[1].Score);
    }

    [Fact]
    public void Nothing_is_suggested_for_a_target_the_catalogue_lacks()
    {
        Assert.Null(IndicatorSuggester.Suggest("Giảm phát thải carbon của ngành.", Catalogue));
        Assert.Null(IndicatorSuggester.Suggest("Xây dựng và đưa vào vận hành cơ sở dữ liệu dùng chung", Catalogue));
    }
}
