using System.Globalization;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// The values template of a plan: one row per indicator of the plan, with the indicator's name and unit of measure
/// and the unit's name beside the codes, the reporting year filled in, and the required columns marked "*". The
/// importer reads it as it reads the older template (codes only): names are ignored and the marks stripped.
/// </summary>
public static class ValuesTemplate
{
    public const string SheetName = "Số liệu";
    public const string RequiredMark = " *";

    /// <summary>The template's columns, in order; the importer's columns plus three for reading (names, unit of measure).</summary>
    public static readonly string[] Columns = ["ma_chi_so", "ten_chi_so", "don_vi_tinh", "ma_don_vi", "ten_don_vi", "ky", "gia_tri", "tu_so", "mau_so", "nguon", "ghi_chu"];

    /// <summary>Columns a row cannot go without (gia_tri may be replaced by tu_so and mau_so).</summary>
    public static readonly IReadOnlySet<string> Required = new HashSet<string> { "ma_chi_so", "ma_don_vi", "ky", "gia_tri", "nguon" };

    public static IReadOnlyList<string> Header => Columns.Select(c => Required.Contains(c) ? c + RequiredMark : c).ToList();

    public static List<IReadOnlyList<string>> Rows(IEnumerable<(string Code, string Name, string Measure)> indicators, string unitCode, string unitName, int year)
    {
        var period = year.ToString(CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string>> { Header };
        rows.AddRange(indicators.Select(i => (IReadOnlyList<string>)[i.Code, i.Name, i.Measure, unitCode, unitName, period, "", "", "", "", ""]));
        return rows;
    }

    /// <summary>The XLSX: the sheet "Số liệu" (codes and names as text, header frozen), then a sheet of instructions.</summary>
    public static byte[] Xlsx(List<IReadOnlyList<string>> rows) => Spreadsheet.WriteXlsx(
    [
        new XlsxSheet(SheetName, rows, TextColumns: new HashSet<int> { 0, 1, 2, 3, 4, 5, 9, 10 },
            Widths: [28, 48, 12, 10, 18, 9, 12, 12, 12, 30, 30], FreezeHeader: true),
        new XlsxSheet("Hướng dẫn",
        [
            ["Hướng dẫn điền mẫu số liệu"],
            ["Cột có dấu * là bắt buộc. Điền gia_tri là ô số của Excel, hoặc tu_so và mau_so với chỉ số tỷ lệ."],
            ["nguon: nguồn số liệu (ví dụ: Báo cáo của Sở Công Thương năm " + rows.Skip(1).Select(r => r[5]).FirstOrDefault() + ")."],
            ["Các cột ten_chi_so, don_vi_tinh, ten_don_vi chỉ để đọc; không cần sửa. Dòng không có giá trị thì xóa đi."],
            ["Tệp được kiểm tra toàn bộ trước khi ghi: có lỗi thì không dòng nào được ghi."],
        ], Widths: [120]),
    ]);
}
