using EcomPlan.Web.Features.PlanImport;
using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Tests.Unit;

/// <summary>Every way the plans state a target value reads into the right kind, numbers and unit.</summary>
public class PlanImportPhraseTests
{
    private static void Reads(string phrase, PhraseKind kind, decimal? value, decimal? min = null, decimal? max = null,
        bool exclusive = false, string? unit = "%")
    {
        var r = TargetPhrase.Read(phrase);
        Assert.True(kind == r.Kind, $"“{phrase}”: kind {r.Kind}, expected {kind}");
        Assert.Equal(value, r.Value);
        Assert.Equal(min, r.Min);
        Assert.Equal(max, r.Max);
        Assert.Equal(exclusive, r.Exclusive);
        Assert.Equal(unit, r.Unit);
    }

    [Theory]
    [InlineData("đạt 70%", 70)]
    [InlineData("Dân số tham gia mua sắm trực tuyến đạt 70%;", 70)]
    [InlineData("100% các giao dịch trên nền tảng thương mại điện tử có hóa đơn điện tử;", 100)]
    [InlineData("70% doanh nghiệp vừa và nhỏ tiến hành hoạt động kinh doanh trên nền tảng thương mại điện tử.", 70)]
    [InlineData("Tỷ lệ doanh nghiệp áp dụng tiêu chuẩn đóng gói xanh cho thương mại điện tử đạt ít nhất 50%.", 50)]
    [InlineData("Các địa phương ngoài Hà Nội và Thành phố Hồ Chí Minh chiếm 50% giá trị giao dịch thương mại điện tử B2C của toàn quốc;", 50)]
    [InlineData("Tỷ lệ xã đạt 60,82%", 60.82)]
    [InlineData("- 50% số xã và các đơn vị hành chính tương đương trên cả nước có thương nhân thực hiện hoạt động bán hàng", 50)]
    public void Floors(string phrase, double value) => Reads(phrase, PhraseKind.Floor, (decimal)value);

    [Theory]
    [InlineData("trên 95%")]
    [InlineData("Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử phấn đấu đạt trên 95%;")]
    public void Trên_is_an_exclusive_floor(string phrase) => Reads(phrase, PhraseKind.Floor, 95, exclusive: true);

    [Theory]
    [InlineData("dưới 10%", 10, true)]
    [InlineData("Tỷ lệ website vi phạm quyền lợi người tiêu dùng trong thương mại điện tử dưới 10% trên tổng số website thương mại điện tử.", 10, true)]
    [InlineData("không quá 15%", 15, false)]
    [InlineData("tối đa 45%", 45, false)]
    [InlineData("Tỷ lệ sản phẩm trong thương mại điện tử sử dụng bao bì nhựa giảm xuống còn tối đa 45%", 45, false)]
    [InlineData("Chi phí trung bình cho chuyển phát và hoàn tất đơn hàng chặng cuối chiếm 10% giá thành sản phẩm", 10, false)]
    public void Ceilings(string phrase, int value, bool exclusive) => Reads(phrase, PhraseKind.Ceiling, value, exclusive: exclusive);

    [Theory]
    [InlineData("từ 8 đến 15%")]
    [InlineData("8-15%")]
    [InlineData("Chi phí trung bình cho giao hàng chặng cuối trong thương mại điện tử chiếm không quá 8-15% doanh thu")]
    public void Ranges(string phrase) => Reads(phrase, PhraseKind.Range, null, 8, 15);

    [Fact]
    public void A_leading_band_of_a_good_thing_aims_high() => Reads("65–70% doanh nghiệp có website", PhraseKind.Band, null, 65, 70);

    [Theory]
    [InlineData("tăng 20–25%/năm", null, 20, 25)]
    [InlineData("Doanh số bán lẻ thương mại điện tử tăng từ 20 - 25%/năm;", null, 20, 25)]
    [InlineData("tăng trưởng bình quân 25%/năm", 25, null, null)]
    [InlineData("Doanh số bán lẻ thương mại điện tử tăng từ 20%/năm.", 20, null, null)]
    [InlineData("Doanh số bán lẻ thương mại điện tử tăng trưởng 20%năm", 20, null, null)]
    public void Growth(string phrase, int? value, int? min, int? max) => Reads(phrase, PhraseKind.Growth, value, min, max, unit: "%/năm");

    [Fact]
    public void Growth_by_a_year_is_a_plain_percentage()
    {
        var r = TargetPhrase.Read("doanh số thương mại điện tử B2C [1] tăng 20% vào năm 2025");
        Assert.Equal((PhraseKind.Growth, 20m, "%", 2025), (r.Kind, r.Value!.Value, r.Unit!, r.DeadlineYear!.Value));
    }

    [Fact]
    public void A_level_per_year_is_not_growth() =>
        Reads("Dân số trưởng thành tham gia mua sắm trực tuyến đạt 70%/năm.", PhraseKind.Floor, 70);

    [Fact]
    public void Khoảng_is_approximate_with_a_tenth_of_tolerance()
    {
        var r = TargetPhrase.Read("khoảng 30%");
        Assert.Equal((PhraseKind.Approximate, 30m, 3m), (r.Kind, r.Value!.Value, r.Tolerance!.Value));
        Assert.Equal(TargetKind.Approximate, PhraseKinds.ToTargetKind(r.Kind));
        Assert.Equal(PhraseKind.Approximate, TargetPhrase.Read("Dân số tham gia mua sắm trực tuyến chiếm khoảng 70% tổng dân số của cả nước.").Kind);
    }

    [Theory]
    [InlineData("1.000.000 lượt", 1000000, false, "lượt")]
    [InlineData("1.000.000 lượt doanh nghiệp, hộ kinh doanh, cán bộ quản lý nhà nước, sinh viên được tham gia các khóa đào tạo", 1000000, false, "lượt")]
    [InlineData("hơn 15.000", 15000, true, null)]
    [InlineData("Hơn 15.000 lượt doanh nghiệp, hợp tác xã, hộ kinh doanh được tham gia các khóa đào tạo", 15000, true, "lượt")]
    [InlineData("50 sản phẩm OCOP được bán trên sàn", 50, false, "sản phẩm")]
    [InlineData("trên 200 website thương mại điện tử được đăng ký", 200, true, "website")]
    [InlineData("đào tạo 2.500 người", 2500, false, "người")]
    [InlineData("thêm 300 doanh nghiệp tham gia sàn", 300, false, "doanh nghiệp")]
    public void Counts(string phrase, int value, bool exclusive, string? unit) => Reads(phrase, PhraseKind.Count, value, exclusive: exclusive, unit: unit);

    [Theory]
    [InlineData("nằm trong top 10")]
    [InlineData("top 10")]
    [InlineData("Phấn đấu tỉnh Khánh Hòa đạt vị trí trong top 10 xếp hạng Chỉ số Thương mại điện tử Việt Nam.")]
    public void Ranks(string phrase) => Reads(phrase, PhraseKind.Rank, 10, unit: "hạng");

    [Fact]
    public void A_share_of_a_share_names_what_it_is_taken_of()
    {
        var readings = TargetPhrase.ReadAll("Thanh toán không dùng tiền mặt trong thương mại điện tử đạt 50%, trong đó thanh toán thực hiện qua các tổ chức cung ứng dịch vụ trung gian thanh toán chiếm 80%;");
        Assert.Equal(2, readings.Count);
        Assert.Equal((PhraseKind.Floor, 50m), (readings[0].Kind, readings[0].Value!.Value));
        Assert.Equal((PhraseKind.ShareOfShare, 80m), (readings[1].Kind, readings[1].Value!.Value));
        Assert.Equal("thanh toán không dùng tiền mặt trong thương mại điện tử", readings[1].Of);
        Assert.Equal(PhraseKind.ShareOfShare, TargetPhrase.Read("80% giao dịch được thực hiện qua các tổ chức trung gian").Kind);
    }

    [Theory]
    [InlineData("Giảm việc sử dụng bao bì nhựa trong TMĐT;")]
    [InlineData("giảm dần tỷ lệ sử dụng tiền mặt")]
    [InlineData("từng bước hình thành thị trường thương mại điện tử lành mạnh")]
    [InlineData("Xây dựng và đưa vào vận hành cơ sở dữ liệu dùng chung về thương mại điện tử.")]
    [InlineData("Phát triển thương mại điện tử theo Cách mạng công nghiệp 4.0 và mô hình B2C, 5G giai đoạn 2021 - 2025")]
    public void No_number_is_qualitative(string phrase)
    {
        var r = TargetPhrase.Read(phrase);
        Assert.Equal((PhraseKind.Qualitative, (decimal?)null, (string?)null), (r.Kind, r.Value, r.Unit));
        Assert.Equal(TargetKind.Qualitative, PhraseKinds.ToTargetKind(r.Kind));
    }

    [Fact]
    public void A_statement_with_three_values_gives_three_targets()
    {
        var r = TargetPhrase.ReadAll("b) Doanh số thương mại điện tử B2C (tính cho cả hàng hóa và dịch vụ tiêu dùng trực tuyến) tăng 25%/năm, đạt 35 tỷ USD, chiếm 10% so với tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng cả nước.");
        Assert.Equal(
            [(PhraseKind.Growth, 25m, "%/năm"), (PhraseKind.Floor, 35m, "tỷ USD"), (PhraseKind.Floor, 10m, "%")],
            r.Select(x => (x.Kind, x.Value!.Value, x.Unit!)).ToArray());
        Assert.StartsWith("đạt 35 tỷ USD", r[1].Text);
    }

    [Fact]
    public void An_amount_per_person_is_a_floor()
    {
        var r = TargetPhrase.ReadAll("a) 55% dân số tham gia mua sắm trực tuyến, với giá trị mua hàng hóa và dịch vụ trực tuyến đạt trung bình 600 USD/người/năm;");
        Assert.Equal([(PhraseKind.Floor, 55m, "%"), (PhraseKind.Floor, 600m, "USD/người/năm")], r.Select(x => (x.Kind, x.Value!.Value, x.Unit!)).ToArray());
    }

    [Fact]
    public void The_deadline_is_read_only_when_the_phrase_names_a_year()
    {
        Assert.Equal(2030, TargetPhrase.Read("Dân số tham gia mua sắm trực tuyến đạt 70% đến năm 2030").DeadlineYear);
        Assert.Equal(2030, TargetPhrase.Read("năm 2030, 80% doanh nghiệp có website").DeadlineYear);
        Assert.Null(TargetPhrase.Read("đạt 70%").DeadlineYear);
    }

    [Fact]
    public void Band_and_approximate_are_stored_as_themselves()
    {
        Assert.Equal(TargetKind.Band, PhraseKinds.ToTargetKind(PhraseKind.Band));
        Assert.Equal(TargetKind.Approximate, PhraseKinds.ToTargetKind(PhraseKind.Approximate));
        Assert.Equal(TargetKind.ShareOfShare, PhraseKinds.ToTargetKind(PhraseKind.ShareOfShare));
    }
}
