using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Reporting;

[Collection(ReportingCollection.Name)]
public class AttachmentLimitTests(ReportingApp app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static MultipartFormDataContent Upload(string fileName) => new() { { new ByteArrayContent(Png), "file", fileName } };

    [Fact]
    public async Task Thirty_uploads_at_once_leave_no_more_than_the_limit()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – tải tệp đồng thời");
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => reporter.PostAsync($"/api/v1/reports/{id}/attachments", Upload($"anh-{i}.png"))));
        Assert.Equal(ReportAttachments.MaxFilesPerReport, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        await using var db = app.CreateDbContext();
        Assert.Equal(ReportAttachments.MaxFilesPerReport, await db.ReportAttachments.CountAsync(a => a.ReportId == id));
    }

    [Fact]
    public async Task Control_and_direction_characters_are_taken_out_of_file_names()
    {
        var (department, reporter, _, agency) = await app.ActorsAsync();
        var (_, id) = await app.OpenAdHocAsync(department, agency, "Báo cáo đột xuất – tên tệp");
        var response = await reporter.PostAsync($"/api/v1/reports/{id}/attachments", Upload("ba\u0300o-ca\u0301o\u202Egnp\0.exe.png"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var name = view["attachments"]![0]!["fileName"]!.GetValue<string>();
        Assert.Equal("bào-cáognp.exe.png", name);
    }

    [Theory]
    [InlineData("..\\..\\windows\\a.png", "a.png")]
    [InlineData("  thư mục/ảnh  chụp .png", "ảnh chụp .png")]
    [InlineData("\u202Egnp.exe", "gnp.exe")]
    [InlineData("a\u0000b\u200B\u2066c.pdf", "abc.pdf")]
    [InlineData("...", "")]
    public void File_names_keep_letters_and_lose_folders_and_invisible_characters(string given, string kept) =>
        Assert.Equal(kept, ReportAttachments.CleanFileName(given));
}
