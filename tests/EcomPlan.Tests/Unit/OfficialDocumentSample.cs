using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Unit;

/// <summary>The Đồng Tháp Department of Industry and Trade's six-monthly report on its e-commerce plan, as tests use it.</summary>
internal static class OfficialDocumentSample
{
    public static readonly string[] TargetColumns = ["STT", "Chỉ tiêu", "Mục tiêu", "Giá trị", "Năm", "Đánh giá"];
    public static readonly string[] TaskColumns = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tiến độ (%)", "Kết quả"];

    public static OfficialDocument Report(bool isDraft = false, int extraTargetRows = 0) => new(
        new OfficialHeader("UBND TỈNH ĐỒNG THÁP", "SỞ CÔNG THƯƠNG", "125/BC-SCT", "Đồng Tháp", new DateOnly(2026, 6, 10)),
        "Báo cáo",
        "Tình hình thực hiện Kế hoạch phát triển thương mại điện tử tỉnh Đồng Tháp giai đoạn 2026 - 2030, 6 tháng đầu năm 2026",
        [
            new("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
                ["Thực hiện Kế hoạch số 244/KH-UBND ngày 20/12/2025 của Ủy ban nhân dân tỉnh, Sở Công Thương báo cáo kết quả thực hiện các chỉ tiêu 6 tháng đầu năm 2026 như sau:"],
                new DocumentTable("Chỉ tiêu", TargetColumns, [.. TargetRows(), .. ExtraRows(extraTargetRows)])),
            new("II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ",
                ["Các sở, ban, ngành và Ủy ban nhân dân các xã, phường đã triển khai các nhiệm vụ được giao; kết quả cụ thể theo bảng dưới đây."],
                new DocumentTable("Nhiệm vụ", TaskColumns,
                [
                    new(["Nhóm 1. Hoàn thiện cơ chế, chính sách và nâng cao nhận thức"], IsGroupHeading: true),
                    new(["1.1", "Tuyên truyền, phổ biến Luật Giao dịch điện tử năm 2023 đến doanh nghiệp, hộ kinh doanh", "Sở Công Thương", "30/06/2026", "100", "Hoàn thành"]),
                    new(["1.2", "Tổ chức hội nghị kết nối cung cầu trên sàn thương mại điện tử cho hợp tác xã nông nghiệp", "Sở Công Thương", "15/06/2026", "75,5", "Đang thực hiện"]),
                    new(["Nhóm 2. Phát triển hạ tầng và nguồn nhân lực thương mại điện tử"], IsGroupHeading: true),
                    new(["2.1", "Đào tạo kỹ năng bán hàng trực tuyến cho 1.000 lượt học viên", "Sở Công Thương; UBND các xã, phường", "31/12/2026", "40", "Đang thực hiện"]),
                    new(["2.2", "Xây dựng gian hàng OCOP của tỉnh trên sàn Postmart, Voso", "Trung tâm Xúc tiến Thương mại", "30/09/2026", "0", "Chưa thực hiện"]),
                ])),
            new("III. KHÓ KHĂN, VƯỚNG MẮC",
            [
                "Nguồn lực tài chính cho hoạt động hỗ trợ doanh nghiệp ứng dụng thương mại điện tử còn hạn chế; nhiều hộ kinh doanh chưa quen với thanh toán không dùng tiền mặt.",
                "Việc thu thập số liệu thống kê về doanh thu thương mại điện tử còn khó khăn do chưa có hệ thống chỉ tiêu thống nhất.\nMột số đơn vị gửi báo cáo chậm so với thời hạn.",
            ]),
            new("IV. KIẾN NGHỊ, ĐỀ XUẤT",
            [
                "Đề nghị Bộ Công Thương hướng dẫn bộ chỉ tiêu thống kê thương mại điện tử thống nhất cho các địa phương.",
                "Đề nghị Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch năm 2027.",
            ]),
        ],
        ["Như trên;", "Bộ Công Thương (Cục TMĐT&KTS);", "UBND tỉnh (b/c);", "Ban Giám đốc Sở;", "Lưu: VT, QLTM."],
        "Giám đốc",
        isDraft ? null : "Nguyễn Văn An",
        isDraft);

    private static IEnumerable<DocumentRow> TargetRows() =>
    [
        new(["1", "Tỷ lệ doanh nghiệp trên địa bàn tỉnh có website hoặc tham gia sàn thương mại điện tử (%)", "55", "60,82", "2026", "Đạt"]),
        new(["2", "Doanh thu bán lẻ hàng hóa qua thương mại điện tử (tỷ đồng)", "1.200", "1.250,5", "2026", "Đạt"]),
        new(["3", "Số lượt hộ kinh doanh được tập huấn kỹ năng thương mại điện tử", "2.000", "1.350", "2026", "Chưa đạt"]),
        new(["4", "Tăng trưởng giao dịch không dùng tiền mặt so với cùng kỳ (%)", "10", "-3,5", "2026", "Chưa đạt"]),
    ];

    private static IEnumerable<DocumentRow> ExtraRows(int count) =>
        Enumerable.Range(5, count).Select(i => new DocumentRow(
            [i.ToString(), $"Chỉ tiêu bổ sung số {i} về phát triển thương mại điện tử tại các xã, phường", "100", "98,5", "2026", "Chưa đạt"]));
}
