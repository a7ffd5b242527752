using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EcomPlan.Web.Infrastructure;
using static EcomPlan.Web.Features.Reporting.OfficialDocxParts;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// An <see cref="OfficialDocument"/> as a Word file laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I requires: A4,
/// Times New Roman, the issuing body and the national motto side by side at the top, kind and subject centered, the
/// body justified, recipients and signer side by side at the end. Pure: no clock, no files, the content follows from the document alone.
/// </summary>
public static class OfficialDocx
{
    // Twips (1/1440 inch; 1 mm is 56.7): A4, margins top and bottom 20 mm, left 30 mm, right 15 mm.
    internal const int PageWidth = 11906, PageHeight = 16838, MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 850;
    internal const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>The width of text on a landscape A4 page (the annexes), with the same margins.</summary>
    internal const int LandscapeTextWidth = PageHeight - MarginLeft - MarginRight;

    // The header's left column holds the bodies' names, the right one the motto, whose 13 pt bold line needs about
    // 9.7 cm in Times New Roman: the right column gets 10.25 cm, and neither block table has cell margins.
    private const int HeaderLeft = 3544, HeaderRight = TextWidth - HeaderLeft;
    private const int SignatureLeft = 4536, SignatureRight = TextWidth - SignatureLeft;
    private const int FirstLineIndent = 567, ParagraphSpacing = 120;

    private static readonly JustificationValues Center = JustificationValues.Center;

    /// <summary>The .docx file of the document.</summary>
    public static byte[] Write(OfficialDocument document)
    {
        using var memory = new MemoryStream();
        using (var package = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            AddStyles(main);
            AddSettings(main);
            var headers = AddHeaders(main);
            var annexes = document.Sections.Where(s => s is { Table: not null, Annex: not null }).ToList();
            var body = new Body();
            body.Append(Heading(document.Header));
            body.Append(Title(document));
            foreach (var section in document.Sections) body.Append(Section(section, annexes.IndexOf(section)));
            // The signature never stands alone on a page: the last lines of the body go with it.
            KeepWithNext(body.LastChild);
            body.Append(Para(null, Look.Body, JustificationValues.Left, before: ParagraphSpacing, keepNext: true));
            body.Append(Signature(document));
            // Word wants the body to end with a paragraph; a 1 pt one cannot spill onto a page of its own. With annexes,
            // it closes the portrait section, and the annexes follow on landscape pages.
            var end = Para(null, new Look(2), JustificationValues.Left);
            body.Append(end);
            if (annexes.Count == 0)
            {
                body.Append(Page(headers, landscape: false));
                main.Document = new Document(body);
            }
            else
            {
                end.ParagraphProperties!.SectionProperties = Page(headers, landscape: false);
                for (var i = 0; i < annexes.Count; i++) body.Append(Annex(document, annexes[i], i));
                body.Append(Page(headers, landscape: true));
                main.Document = new Document(body);
            }
            package.PackageProperties.Title = OfficialText.OneLine(document.Subject);
            package.PackageProperties.Creator = OfficialText.OneLine(document.Header.IssuingBody);
        }
        return memory.ToArray();
    }

    /// <summary>"Phụ lục I", "Phụ lục II"… in the order the sections refer to them.</summary>
    internal static string AnnexName(int index) => $"Phụ lục {DocumentSection.Roman(index + 1)}";

    private static void KeepWithNext(OpenXmlElement? element)
    {
        var paragraphs = element switch
        {
            Paragraph p => [p],
            Table t => t.Elements<TableRow>().LastOrDefault()?.Descendants<Paragraph>().ToList() ?? [],
            _ => new List<Paragraph>(),
        };
        foreach (var paragraph in paragraphs)
        {
            var properties = paragraph.ParagraphProperties ??= new ParagraphProperties();
            properties.KeepNext = new KeepNext();
            properties.KeepLines = new KeepLines();
        }
    }

    private static IEnumerable<OpenXmlElement> Annex(OfficialDocument document, DocumentSection section, int index)
    {
        var bold = new Look(28, Bold: true);
        var number = string.IsNullOrWhiteSpace(document.Header.Number) || document.Header.Number.Trim().StartsWith('/') ? "" : $" số {OfficialText.OneLine(document.Header.Number)}";
        var heading = Para(AnnexName(index).ToUpperInvariant(), bold, Center, keepNext: true);
        // Each annex starts a page of its own.
        if (index > 0) heading.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
        yield return heading;
        yield return Para(section.Annex!.ToUpperInvariant(), bold, Center, keepNext: true);
        yield return Para($"(Kèm theo Báo cáo{number} ngày {VietnameseText.FormatDate(document.Header.Date)} của {VietnameseText.Culture.TextInfo.ToTitleCase(OfficialText.OneLine(document.Header.IssuingBody).ToLower(VietnameseText.Culture))})",
            new Look(26, Italic: true), Center, after: 240, keepNext: true);
        yield return OfficialDocxTable.Build(section.Table!, LandscapeTextWidth);
        yield return Para(null, new Look(2), JustificationValues.Left);
    }

    /// <summary>
    /// "Đồng Tháp, ngày 05 tháng 02 năm 2026": the decree writes a day below 10 and the months 1 and 2 with a leading
    /// zero, and other months without one ("ngày 10 tháng 6 năm 2026").
    /// </summary>
    public static string DateLine(string place, DateOnly date)
    {
        var month = date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{OfficialText.OneLine(place)}, ngày {date.Day:00} tháng {month} năm {date.Year}");
    }

    /// <summary>"Số: 125/BC-SCT", or room to write the number in by hand while it has none.</summary>
    internal static string NumberLine(string? number) =>
        string.IsNullOrWhiteSpace(number) ? "Số:        /" : "Số: " + OfficialText.OneLine(number);

    private static Table Heading(OfficialHeader header)
    {
        var left = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(header.ParentBody))
            left.Add(Para(header.ParentBody.ToUpperInvariant(), new Look(26), Center));
        left.Add(Para(header.IssuingBody.ToUpperInvariant(), new Look(26, Bold: true), Center));
        left.Add(Rule(1300, HeaderLeft));
        left.Add(Para(NumberLine(header.Number), new Look(26), Center, before: ParagraphSpacing));
        var right = new List<Paragraph>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new Look(26, Bold: true), Center),
            Para("Độc lập - Tự do - Hạnh phúc", new Look(28, Bold: true), Center),
            Rule(3200, HeaderRight),
            Para(DateLine(header.Place, header.Date), new Look(28, Italic: true), Center, before: ParagraphSpacing),
        };
        var table = Table([HeaderLeft, HeaderRight], borders: false);
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(HeaderLeft, left), Cell(HeaderRight, right)));
        return table;
    }

    private static IEnumerable<Paragraph> Title(OfficialDocument document)
    {
        var bold = new Look(28, Bold: true);
        if (document.IsDraft) yield return Para("DỰ THẢO", bold, Center, before: 360, keepNext: true);
        yield return Para(document.Kind.ToUpperInvariant(), bold, Center, before: document.IsDraft ? 120 : 360, keepNext: true);
        yield return Para(document.Subject, bold, Center, keepNext: true);
        yield return Rule(2268, TextWidth, after: 240);
    }

    private static IEnumerable<OpenXmlElement> Section(DocumentSection section, int annex)
    {
        yield return Para(section.Heading, new Look(28, Bold: true), JustificationValues.Both,
            before: ParagraphSpacing, after: ParagraphSpacing, firstLine: FirstLineIndent, keepNext: true);
        foreach (var text in section.Paragraphs)
            yield return Para(text, Look.Body, JustificationValues.Both, after: ParagraphSpacing, firstLine: FirstLineIndent);
        if (annex >= 0)
            yield return Para($"(Chi tiết tại {AnnexName(annex)} kèm theo.)", new Look(28, Italic: true), JustificationValues.Both, after: ParagraphSpacing, firstLine: FirstLineIndent);
        else if (section.Table is { } table) yield return OfficialDocxTable.Build(table, TextWidth);
    }

    private static Table Signature(OfficialDocument document)
    {
        var left = new List<Paragraph> { Para("Nơi nhận:", new Look(24, Bold: true, Italic: true), JustificationValues.Left) };
        left.AddRange(document.Recipients.Select(r => Para("- " + r, new Look(22), JustificationValues.Left)));
        var right = new List<Paragraph> { Para(document.SignerTitle.ToUpperInvariant(), new Look(28, Bold: true), Center) };
        // Room for the signature and the seal.
        right.AddRange(Enumerable.Range(0, 4).Select(_ => Para(null, Look.Body, Center)));
        if (!string.IsNullOrWhiteSpace(document.SignerName)) right.Add(Para(document.SignerName, new Look(28, Bold: true), Center));
        var table = Table([SignatureLeft, SignatureRight], borders: false);
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(SignatureLeft, left), Cell(SignatureRight, right)));
        return table;
    }
}
