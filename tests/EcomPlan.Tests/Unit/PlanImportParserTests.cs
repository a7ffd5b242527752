using EcomPlan.Web.Features.PlanImport;

namespace EcomPlan.Tests.Unit;

/// <summary>The plan-text parser on small texts shaped like the PDF extractions of real plans.</summary>
public class PlanImportParserTests
{
    private static PlanText Parse(string text) => PlanTextParser.Parse(text);

    [Fact]
    public void Targets_are_split_into_items_with_their_group_line_and_joined_text()
    {
        var text = Parse("""
            II. MỤC TIÊU CỤ THỂ (CẦN ĐẠT ĐƯỢC VÀO NĂM 2025)

            1. Về quy mô thị trường

            a) 55% dân số tham gia mua sắm trực tuyến, với giá trị mua hàng hóa và dịch vụ trực
            tuyến đạt trung bình 600 USD/người/năm;

            b) 1.000.000 lượt doanh nghiệp được tham gia các khóa đào tạo.

            C. CÁC NHÓM GIẢI PHÁP

            a) Không phải chỉ tiêu 50%.
            """);
        Assert.Equal(3, text.Targets.Count);
        var (first, second, third) = (text.Targets[0], text.Targets[1], text.Targets[2]);
        Assert.Equal((5, "1", "Về quy mô thị trường", 3), (first.Line, first.Group!.Code, first.Group.Title, first.Group.Line));
        Assert.Equal((PhraseKind.Floor, 55m, 2025), (first.Reading.Kind, first.Reading.Value!.Value, first.Reading.DeadlineYear!.Value));
        Assert.Equal(5, second.Line);
        Assert.Contains("trực tuyến đạt trung bình 600", second.Statement);
        Assert.Equal((PhraseKind.Floor, 600m, "USD/người/năm"), (second.Reading.Kind, second.Reading.Value!.Value, second.Reading.Unit!));
        Assert.Equal((8, PhraseKind.Count, 1000000m), (third.Line, third.Reading.Kind, third.Reading.Value!.Value));
    }

    [Fact]
    public void Placeholders_and_introductions_are_not_targets()
    {
        var text = Parse("""
            2. Mục tiêu cụ thể
            Đưa ra các mục tiêu cụ thể theo các nhóm mục tiêu dự kiến như sau:
            2.1. Về hoàn thiện môi trường cạnh tranh
            - Dân số tham gia mua sắm trực tuyến chiếm khoảng 70% tổng dân số của cả nước.
            …
            2.2. Phát triển theo hướng xanh
            	- Giảm việc sử dụng bao bì nhựa trong TMĐT;
            	…..
            III. Nhiệm vụ, giải pháp trọng tâm
            """);
        Assert.Equal(new[] { ("2.1", PhraseKind.Approximate), ("2.2", PhraseKind.Qualitative) },
            text.Targets.Select(t => (t.Group!.Code, t.Reading.Kind)).ToArray());
        Assert.Equal(new[] { 4, 7 }, text.Targets.Select(t => t.Line).ToArray());
    }

    [Fact]
    public void A_numbered_row_table_gives_tasks_with_agencies_and_timeframes()
    {
        var text = Parse("""
            Phụ lục 1
            NHIỆM VỤ KẾ HOẠCH PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ
            (Ban hành kèm theo Quyết định số 953/QĐ-UBND ngày 23 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Khánh Hòa)
            	TT
            	Nhiệm vụ, giải pháp
            	Cơ quan chủ trì
            	Thời gian

            	I
            	Phối hợp rà soát, hoàn thiện thể chế về:
            	
            	

            	1
            	Chống buôn lậu, gian lận thương mại và hàng giả
            	Sở Công Thương;

            Công an tỉnh
            	2026 - 2030

            	2
            	……
            	Các Bộ ngành, địa phương
            	2026 - 2030

            	3
            	Triển khai hằng năm các chương trình
            	Các sở, ngành theo chức năng
            	Hằng năm
            """);
        Assert.Equal(2, text.Tasks.Count);
        var t = text.Tasks[0];
        Assert.Equal(("1", 15, "I", "Phối hợp rà soát, hoàn thiện thể chế về:"), (t.Number!, t.Line, t.Group!.Code, t.Group.Title));
        Assert.Equal(new[] { "Sở Công Thương", "Công an tỉnh" }, t.Lead);
        Assert.Equal((2026, 2030, "2026 - 2030"), (t.StartYear!.Value, t.EndYear!.Value, t.Timeframe!));
        Assert.Equal(("Các sở, ngành theo chức năng", (int?)null, "Hằng năm"), (text.Tasks[1].Lead.Single(), text.Tasks[1].StartYear, text.Tasks[1].Timeframe!));
        Assert.Equal(953, int.Parse(text.Metadata.DocumentNumber!.Split('/')[0]));
    }

    [Fact]
    public void A_row_without_a_lead_cell_has_no_lead()
    {
        var text = Parse("""
            PHỤ LỤC 2
            PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH
            STT
            Nhiệm vụ, giải pháp trọng tâm
            Cơ quan chủ trì
            Ghi chú
            I
            Hoàn thiện cơ chế, chính sách
            1
            Triển khai chính sách khuyến khích thanh toán không dùng tiền mặt
             2
            Thống kê dữ liệu, giao dịch thương mại số
            Sở Công Thương, Ủy ban nhân dân xã, phường
            """);
        Assert.Empty(text.Tasks[0].Lead);
        Assert.Equal(new[] { "Sở Công Thương", "Ủy ban nhân dân xã, phường" }, text.Tasks[1].Lead);
        Assert.Contains(text.Warnings, w => w.Contains("không có cơ quan chủ trì"));
    }

    [Fact]
    public void Agencies_first_tables_give_each_block_its_lead_and_rejoin_page_breaks()
    {
        var text = Parse("""
            PHỤ LỤC I

            CÁC HOẠT ĐỘNG THỰC HIỆN KẾ HOẠCH

            Đơn vị Nội dung công việc Tiến độ
            thực hiện

            Chủ trì Phối hợp  Bắt
            đầu

            Kết
            thúc

            Bộ Tài Chính Bộ Công
            Thương

            Bố trí kinh phí thường xuyên hàng năm theo quy định của Luật Ngân sách

            2021 2025



            nhà nước.

            Xây dựng đề án và hỗ trợ doanh nghiệp 2021 2022

            Ngân hàng
            nhà nước

            Các ngân hàng
            thương mại

            Chỉ đạo các ngân hàng hiện đại hóa cơ sở hạ tầng thanh toán điện tử phục vụ giao dịch.

                
            """);
        Assert.Equal(3, text.Tasks.Count);
        Assert.Equal(("Bố trí kinh phí thường xuyên hàng năm theo quy định của Luật Ngân sách nhà nước.", 2021, 2025),
            (text.Tasks[0].Text, text.Tasks[0].StartYear!.Value, text.Tasks[0].EndYear!.Value));
        Assert.Equal(("Bộ Tài Chính", "Bộ Công Thương"), (text.Tasks[0].Lead.Single(), text.Tasks[0].Coordinating.Single()));
        Assert.Equal(("Xây dựng đề án và hỗ trợ doanh nghiệp", 2022), (text.Tasks[1].Text, text.Tasks[1].EndYear!.Value));
        Assert.Equal(("Ngân hàng nhà nước", "Các ngân hàng thương mại", (int?)null), (text.Tasks[2].Lead.Single(), text.Tasks[2].Coordinating.Single(), text.Tasks[2].StartYear));
    }

    [Fact]
    public void A_target_annex_adds_monitors_flags_a_different_value_and_adds_targets_only_it_states()
    {
        var text = Parse("""
            2.2. Mục tiêu cụ thể
            a) Về nâng cao năng lực cạnh tranh của doanh nghiệp
            - 100% các giao dịch trên nền tảng thương mại điện tử có hóa đơn điện tử;
            - Thanh toán không dùng tiền mặt trong thương mại điện tử đạt 80%;
            3. Nội dung và giải pháp thực hiện
            PHỤ LỤC 1
            BẢNG PHÂN CÔNG THEO DÕI TÌNH HÌNH THỰC HIỆN CHỈ TIÊU
            STT
            Nhóm chỉ tiêu
            Chỉ tiêu giai đoạn 2026 - 2030
            Đơn vị phụ trách theo dõi tình hình thực hiện chỉ tiêu
            I
            Về nâng cao năng lực cạnh tranh của doanh nghiệp
            1
            Tỷ lệ giao dịch thương mại điện tử có hóa đơn điện tử
            80%
            Thuế tỉnh
            2
            Tỷ lệ thanh toán không dùng tiền mặt trong thương mại điện tử
            80%
            Ngân hàng Nhà nước chi nhánh Khu vực 13
            3
            Tỷ lệ sản phẩm trong thương mại điện tử sử dụng bao bì nhựa giảm xuống còn tối đa
            45%
            Sở Công Thương
            """);
        Assert.Equal(3, text.Targets.Count);
        var invoice = text.Targets[0];
        Assert.Equal((100m, false, 15, "Thuế tỉnh"), (invoice.Reading.Value!.Value, invoice.Annex!.Agrees, invoice.Annex.Line, invoice.MonitoringAgencies.Single()));
        Assert.True(text.Targets[1].Annex!.Agrees);
        var plastic = text.Targets[2];
        Assert.Equal((23, PhraseKind.Ceiling, 45m, "Phụ lục 1"), (plastic.Line, plastic.Reading.Kind, plastic.Reading.Value!.Value, plastic.Source));
        Assert.Contains(text.Warnings, w => w.Contains("ghi giá trị khác"));
    }

    [Fact]
    public void An_evaluation_gives_the_previous_periods_targets_with_their_results()
    {
        var text = Parse("""
            KẾ HOẠCH
            PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ TỈNH ĐỒNG THÁP GIAI ĐOẠN 2026 - 2030
            I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH GIAI ĐOẠN 2021 - 2025
            Kế hoạch thực hiện nâng tỷ lệ dân số mua sắm trực tuyến lên 55% và doanh số B2C tăng 20% vào năm 2025.
            1. Kết quả đạt được
            Tỷ lệ dân số tham gia mua sắm trực tuyến đạt 60,82% (vượt mục tiêu 55%). 100% siêu thị chấp nhận thanh toán không dùng tiền mặt (đạt 100% kế hoạch). Tuy nhiên, doanh số B2C chỉ tăng khoảng 10% (thấp hơn mục tiêu 20%) và 47% doanh nghiệp nhỏ và vừa kinh doanh trên sàn (chưa đạt mục tiêu 50%).
            II. KẾ HOẠCH GIAI ĐOẠN 2026 - 2030
            """);
        var e = text.Evaluation!;
        Assert.Equal((2021, 2025), (e.PeriodStart!.Value, e.PeriodEnd!.Value));
        Assert.Equal(
            new[] { (4, PhraseKind.Floor, 55m, (decimal?)60.82m), (4, PhraseKind.Growth, 20m, 10m), (6, PhraseKind.Floor, 100m, 100m), (6, PhraseKind.Floor, 50m, 47m) },
            e.Targets.Select(t => (t.Line, t.Reading.Kind, t.Reading.Value!.Value, t.Result?.Value)).ToArray());
        Assert.Equal(2026, text.Metadata.PeriodStart);
    }

    [Fact]
    public void Metadata_is_read_from_the_heading_block_not_from_cited_documents()
    {
        var text = Parse("""
             	ỦY BAN NHÂN DÂN

            TỈNH KHÁNH HÒA
            Số: 953/QĐ-UBND
            Khánh Hòa, ngày 23 tháng 3 năm 2026
            QUYẾT ĐỊNH
            Phê duyệt Kế hoạch phát triển thương mại điện tử tỉnh Khánh Hòa
            giai đoạn 2026 – 2030
            Căn cứ Quyết định số 1568/QĐ-BCT ngày 03 tháng 6 năm 2025 của Bộ trưởng Bộ Công Thương;
            """);
        var m = text.Metadata;
        Assert.Equal(("953/QĐ-UBND", new DateOnly(2026, 3, 23), "Ủy ban nhân dân tỉnh Khánh Hòa", 2026, 2030),
            (m.DocumentNumber!, m.DocumentDate!.Value, m.IssuingBody!, m.PeriodStart!.Value, m.PeriodEnd!.Value));
        Assert.Equal("Kế hoạch phát triển thương mại điện tử tỉnh Khánh Hòa giai đoạn 2026 – 2030", m.Title);
    }

    [Fact]
    public void Viewpoints_and_objectives_are_read_without_introductions()
    {
        var text = Parse("""
            I. Quan điểm phát triển
            1. Thương mại điện tử là lĩnh vực tiên phong của nền kinh tế số, gắn với chuyển đổi số của tỉnh và cả nước.
            II. Mục tiêu phát triển
            1. Mục tiêu tổng quát
            Đưa ra mục tiêu tổng quát như sau:
            a) Nâng cao năng lực cạnh tranh của thương mại điện tử của tỉnh.
            …..
            2. Mục tiêu cụ thể
            """);
        Assert.Equal(2, text.Viewpoints.Single().Line);
        Assert.Equal((6, "Nâng cao năng lực cạnh tranh của thương mại điện tử của tỉnh."), (text.Objectives.Single().Line, text.Objectives.Single().Text));
    }

    [Theory]
    [InlineData("Sở Công Thương;\nCông an tỉnh", new[] { "Sở Công Thương", "Công an tỉnh" })]
    [InlineData("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", new[] { "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương" })]
    [InlineData("Các bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", new[] { "Các bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương" })]
    [InlineData("Hiệp hội Thương mại điện tử Việt Nam, các hiệp hội ngành hàng, Phòng Thương mại và Công nghiệp Việt Nam",
        new[] { "Hiệp hội Thương mại điện tử Việt Nam", "Các hiệp hội ngành hàng", "Phòng Thương mại và Công nghiệp Việt Nam" })]
    [InlineData("Sở Văn hóa,  Thể thao và Du lịch", new[] { "Sở Văn hóa, Thể thao và Du lịch" })]
    [InlineData("Các sở, ngành Tỉnh, Ủy ban nhân dân xã, phường", new[] { "Các sở, ngành Tỉnh", "Ủy ban nhân dân xã, phường" })]
    [InlineData("VOV, VTV, Thông tấn xã Việt Nam", new[] { "VOV", "VTV", "Thông tấn xã Việt Nam" })]
    public void Agency_cells_split_where_a_new_agency_begins(string cell, string[] names) => Assert.Equal(names, AgencyNames.Split(cell));

    [Theory]
    [InlineData("2026 - 2030", 2026, 2030, "2026 - 2030")]
    [InlineData("2021 2025", 2021, 2025, "2021 - 2025")]
    [InlineData("Năm 2026", 2026, 2026, "Năm 2026")]
    [InlineData("Hằng năm", null, null, "Hằng năm")]
    [InlineData("Thường xuyên", null, null, "Thường xuyên")]
    public void Timeframes_keep_the_documents_words(string cell, int? start, int? end, string words) =>
        Assert.Equal(new Timeframe(start, end, words), Timeframes.Parse(cell));
}
