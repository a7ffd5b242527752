using System.Net;
using System.Text.Json;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>Every shipped plan exported to Excel and read back is the same plan: same items, same ids, same values, same document lines.</summary>
[Collection(AuthoringCollection.Name)]
public class PlanWorkbookRoundTripTests(AuthoringApp app)
{
    [Theory]
    [InlineData("dong-thap-2026-2030")]
    [InlineData("khanh-hoa-2026-2030")]
    [InlineData("national-2021-2025")]
    [InlineData("national-2026-2030")]
    [InlineData("dong-thap-2021-2025")]
    public async Task A_shipped_plan_exported_and_read_back_is_unchanged(string planId)
    {
        await using var db = app.CreateDbContext();
        var stored = (await PlanContentStore.ReadAsync(db, planId, CancellationToken.None))!;
        Assert.NotEmpty(stored.Targets);

        // Through the API, as anyone downloads it.
        var response = await app.CreateClient().GetAsync($"/api/v1/plans/{planId}/workbook");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"ke-hoach-{planId}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var read = PlanWorkbook.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), $"ke-hoach-{planId}.xlsx");

        Assert.Empty(read.Problems);
        var back = read.Content!;
        Assert.True(PlanDiff.Compare(stored, back).IsEmpty, JsonSerializer.Serialize(PlanDiff.Compare(stored, back)));
        Assert.Equal(stored.Targets.Select(t => t.Id), back.Targets.Select(t => t.Id));
        Assert.Equal(stored.Tasks.Select(t => t.Id), back.Tasks.Select(t => t.Id));
        // Everything else too: lines, baselines, results, references, group sources, header fields the diff does not show.
        Assert.Equal(JsonSerializer.Serialize(stored, SameNumbers), JsonSerializer.Serialize(back, SameNumbers));
    }

    /// <summary>70.0 from the database and 70 from the cell are the same number: compared without the decimal's scale.</summary>
    private static readonly JsonSerializerOptions SameNumbers = new() { Converters = { new NormalisedDecimal() } };

    private sealed class NormalisedDecimal : System.Text.Json.Serialization.JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_export_lists_the_plans_agencies_with_their_kinds_and_the_catalogue()
    {
        var bytes = await app.CreateClient().GetByteArrayAsync("/api/v1/plans/dong-thap-2026-2030/workbook");
        var sheets = Spreadsheet.ReadSheets(new MemoryStream(bytes), "a.xlsx").ToDictionary(s => s.Name, s => s.Rows);
        Assert.Contains(sheets[PlanWorkbook.AgencySheet], r => r[0] == "Cục Thống kê" && r[1] == "Thống kê");
        Assert.Contains(sheets[PlanWorkbook.AllowedSheet], r => r[0] == "Chỉ số" && r[1] == "online_shoppers_population_share" && r[2] == "Tỷ lệ dân số tham gia mua sắm trực tuyến");
        Assert.Contains(sheets[PlanWorkbook.ReferenceSheet], r => r[1] == "Mâu thuẫn");

        var template = await app.CreateClient().GetAsync("/api/v1/plans/workbook-template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(6, Spreadsheet.ReadSheets(new MemoryStream(await template.Content.ReadAsByteArrayAsync()), "mau.xlsx").Count);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/v1/plans/khong-co/workbook")).StatusCode);
    }
}
