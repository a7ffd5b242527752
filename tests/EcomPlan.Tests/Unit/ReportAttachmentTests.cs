using System.IO.Compression;
using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Unit;

public class ReportAttachmentTests
{
    internal static byte[] Pdf => "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
    internal static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    internal static byte[] OfficePackage(string mainPart)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", mainPart })
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write("<x/>");
        }
        return memory.ToArray();
    }

    [Fact]
    public void Files_of_the_allowed_kinds_with_matching_content_are_accepted()
    {
        Assert.Equal(("application/pdf", null), ReportAttachments.Check("bao-cao.pdf", Pdf));
        Assert.Equal(("image/png", null), ReportAttachments.Check("anh.PNG", Png));
        Assert.Equal(("image/jpeg", null), ReportAttachments.Check("anh.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2]));
        Assert.Null(ReportAttachments.Check("bang.xlsx", OfficePackage("xl/workbook.xml")).Error);
        Assert.Null(ReportAttachments.Check("van-ban.docx", OfficePackage("word/document.xml")).Error);
    }

    [Theory]
    [InlineData("virus.exe", "chỉ nhận PDF")]
    [InlineData("bao-cao.doc", "chỉ nhận PDF")]
    [InlineData("khong-duoi", "chỉ nhận PDF")]
    public void Other_kinds_are_refused(string name, string message) =>
        Assert.Contains(message, ReportAttachments.Check(name, Pdf).Error);

    [Fact]
    public void Content_that_does_not_match_the_extension_is_refused()
    {
        Assert.Contains("không đúng định dạng DOCX", ReportAttachments.Check("bao-cao.docx", Pdf).Error);
        Assert.Contains("không đúng định dạng PDF", ReportAttachments.Check("bao-cao.pdf", "MZ\u0090\0"u8.ToArray()).Error);
        // A spreadsheet renamed to .docx is a zip, but not a Word document.
        Assert.Contains("không đúng định dạng DOCX", ReportAttachments.Check("bao-cao.docx", OfficePackage("xl/workbook.xml")).Error);
        Assert.Contains("không đúng định dạng XLSX", ReportAttachments.Check("bang.xlsx", "PK\u0003\u0004garbage"u8.ToArray()).Error);
        Assert.Contains("rỗng", ReportAttachments.Check("rong.pdf", []).Error);
    }

    [Fact]
    public void Files_over_the_limit_are_refused()
    {
        var big = new byte[ReportAttachments.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        Assert.Contains("vượt giới hạn 10 MB", ReportAttachments.Check("lon.pdf", big).Error);
        var limit = new byte[ReportAttachments.MaxBytes];
        Pdf.CopyTo(limit, 0);
        Assert.Null(ReportAttachments.Check("vua.pdf", limit).Error);
    }
}
