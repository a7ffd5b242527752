using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EcomPlan.Tests.Infrastructure;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>A DOCX and a PDF with a text layer, built here, import as drafts; a PDF without text is refused in Vietnamese and writes nothing.</summary>
[Collection(AuthoringCollection.Name)]
public class TextImportFileTests(AuthoringApp app)
{
    private static Dictionary<string, string> Fields(string province) => new()
    {
        ["provinceCode"] = province, ["sourceKind"] = "original", ["createAgencies"] = "true",
        ["title"] = "Kế hoạch phát triển thương mại điện tử giai đoạn 2026 - 2030", ["periodStart"] = "2026", ["periodEnd"] = "2030",
    };

    private static Paragraph P(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell(P(c))));

    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(
                P("Số: 12/KH-UBND"),
                P("2. Mục tiêu cụ thể"),
                P("a) Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử đạt trên 80%;"),
                P("b) Hơn 5.000 lượt người được tập huấn về kỹ năng ứng dụng thương mại điện tử."),
                P("Phụ lục 1"),
                P("NHIỆM VỤ THỰC HIỆN KẾ HOẠCH"),
                new Table(
                    Row("TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"),
                    Row("I", "Thể chế", "", ""),
                    Row("1", "Xây dựng quy chế phối hợp", "Sở Công Thương", "2026 - 2030"),
                    Row("2", "Tuyên truyền về thương mại điện tử", "Sở Văn hóa, Thể thao và Du lịch", "Thường xuyên"))));
        }
        return stream.ToArray();
    }

    private static byte[] Pdf(bool withText)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        if (withText)
        {
            // The standard fonts have no Vietnamese marks: the parser and the suggester read the words folded anyway.
            page.AddText("Muc tieu cu the", 12, new PdfPoint(50, 760), font);
            page.AddText("a) Ty le doanh nghiep ung dung thuong mai dien tu dat 70%;", 12, new PdfPoint(50, 740), font);
        }
        else page.DrawRectangle(new PdfPoint(50, 50), 300, 400, 2, fill: false);
        return builder.Build();
    }

    [Fact]
    public async Task A_docx_imports_its_targets_and_annex_tasks_each_on_its_line()
    {
        var admin = await TextImport.AdminOfAsync(app, "86");
        var created = await TextImport.JsonAsync(await admin.PostAsync(TextImport.Url, TextImport.Form(Fields("86"), "ke-hoach.docx", Docx())), HttpStatusCode.Created);
        var id = created.Str("planId");
        Assert.Equal((2, 2), (created["targets"]!.GetValue<int>(), created["tasks"]!.GetValue<int>()));
        var document = (await admin.GetStringAsync($"/api/v1/plans/{id}/document")).Split('\n');
        var targets = (await admin.GetJsonAsync($"/api/v1/plans/{id}/targets")).Items().ToList();
        Assert.Equal([3, 4], targets.Select(t => t["source"]!["line"]!.GetValue<int>()));
        Assert.All(targets, t => Assert.Contains(t.Str("text"), document[t["source"]!["line"]!.GetValue<int>() - 1]));
        Assert.Equal(("floor", 80m, true), (targets[0].Str("kind"), targets[0]["value"]!.GetValue<decimal>(), targets[0]["exclusive"]!.GetValue<bool>()));
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{id}/tasks")).Items().ToList();
        Assert.Equal(["Sở Công Thương"], tasks[0]["leadAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.All(tasks, t => Assert.Contains(t.Str("text"), document[t["source"]!["line"]!.GetValue<int>() - 1]));
        var plan = await admin.GetJsonAsync($"/api/v1/plans/{id}");
        Assert.Equal(("12/KH-UBND", "draft"), (plan.Str("documentNumber"), plan.Str("status")));
    }

    [Fact]
    public async Task A_pdf_with_a_text_layer_imports_and_a_scan_is_refused_writing_nothing()
    {
        var admin = await TextImport.AdminOfAsync(app, "91");
        var created = await TextImport.JsonAsync(await admin.PostAsync(TextImport.Url, TextImport.Form(Fields("91"), "ke-hoach.pdf", Pdf(withText: true))), HttpStatusCode.Created);
        var target = (await admin.GetJsonAsync($"/api/v1/plans/{created.Str("planId")}/targets")).Items().Single();
        Assert.Equal(("floor", 70m, "enterprises_applying_ecommerce", 2), (target.Str("kind"), target["value"]!.GetValue<decimal>(), target.Str("indicator"), target["source"]!["line"]!.GetValue<int>()));

        var before = await TextImport.CountsAsync(app);
        var scan = await TextImport.JsonAsync(await admin.PostAsync(TextImport.Url, TextImport.Form(Fields("91"), "ban-quet.pdf", Pdf(withText: false))), HttpStatusCode.BadRequest);
        Assert.StartsWith("Tệp PDF không có lớp chữ (bản quét)", scan.Str("detail"));
        Assert.Equal("file", scan["problems"]![0]!.Str("field"));
        Assert.Equal(before, await TextImport.CountsAsync(app));
    }
}
