namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// The header of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuing body under its
/// parent body on the left with the document number, the national motto on the right with place and date.
/// </summary>
/// <param name="ParentBody">Cơ quan chủ quản, e.g. "UBND TỈNH ĐỒNG THÁP"; null for a body without one (Bộ Công Thương).</param>
/// <param name="IssuingBody">Cơ quan ban hành, e.g. "SỞ CÔNG THƯƠNG".</param>
/// <param name="Number">Số, ký hiệu, e.g. "125/BC-SCT"; blank while the report is a draft ("…/BC-SCT" is printed).</param>
/// <param name="Place">Địa danh, e.g. "Đồng Tháp".</param>
/// <param name="Date">Ngày ban hành.</param>
public sealed record OfficialHeader(string? ParentBody, string IssuingBody, string Number, string Place, DateOnly Date);

/// <summary>A report in the administrative layout: header, kind and subject, numbered sections, recipients and signer.</summary>
/// <param name="Header">Issuing body, number, place and date.</param>
/// <param name="Kind">Tên loại văn bản, e.g. "BÁO CÁO".</param>
/// <param name="Subject">Trích yếu, e.g. "Tình hình thực hiện Kế hoạch … 6 tháng đầu năm 2026".</param>
/// <param name="Sections">The body, in order.</param>
/// <param name="Recipients">Nơi nhận, one per line ("Như trên;", "Lưu: VT.").</param>
/// <param name="SignerTitle">Quyền hạn, chức vụ của người ký, e.g. "GIÁM ĐỐC".</param>
/// <param name="SignerName">Họ tên người ký; may be blank on a draft.</param>
/// <param name="IsDraft">A draft carries the word "DỰ THẢO" above the kind.</param>
public sealed record OfficialDocument(
    OfficialHeader Header,
    string Kind,
    string Subject,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<string> Recipients,
    string SignerTitle,
    string? SignerName,
    bool IsDraft);

/// <summary>
/// A numbered section of the body ("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"): paragraphs, then an optional table. A table
/// too wide or too long for the body goes to an annex after the signature (<paramref name="Annex"/> is its title,
/// "Tình hình thực hiện nhiệm vụ"), on landscape pages, and the section refers to it.
/// </summary>
public sealed record DocumentSection(string Heading, IReadOnlyList<string> Paragraphs, DocumentTable? Table = null, string? Annex = null)
{
    /// <summary>The sections numbered I, II, III… in order, whatever they were called before.</summary>
    public static List<DocumentSection> Numbered(IEnumerable<DocumentSection> sections) =>
        sections.Select((s, i) => s with { Heading = $"{Roman(i + 1)}. {s.Heading}" }).ToList();

    /// <summary>1 → "I", 4 → "IV", 9 → "IX", 14 → "XIV".</summary>
    public static string Roman(int number)
    {
        var result = new System.Text.StringBuilder();
        foreach (var (value, letters) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            while (number >= value) { result.Append(letters); number -= value; }
        return result.ToString();
    }
}

/// <summary>
/// A table of the report. The same tables make the XLSX, one worksheet each, named <see cref="SheetName"/>
/// (at most 31 characters, no []:*?/\).
/// </summary>
public sealed record DocumentTable(string SheetName, IReadOnlyList<string> Columns, IReadOnlyList<DocumentRow> Rows);

/// <summary>A row of cells; a group heading row ("Nhóm 1. …") spans the whole table width in bold.</summary>
public sealed record DocumentRow(IReadOnlyList<string> Cells, bool IsGroupHeading = false);
