using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Indicators;

/// <summary>The bulk path writes exactly what EF would have written, on both databases, and nothing on rollback.</summary>
[Collection(MutationCollection.Name)]
public class BulkWriterTests(MutationApp app)
{
    private static DataValue Row(string unit, int year, decimal value, string? qualifier = null) => new()
    {
        Code = "recyclable_packaging_share", UnitCode = unit, Period = year.ToString(), Year = year, Value = value,
        Source = "Ghi hàng loạt – thử", SourceUrl = qualifier is null ? null : "https://example.gov.vn/x", Qualifier = qualifier,
        Status = ValueStatus.Submitted, EnteredBy = null, Note = "Ghi chú có dấu: Đồng Tháp", Version = 2, IsCurrent = true,
        CreatedAt = new DateTimeOffset(2026, 12, 1, 8, 30, 15, TimeSpan.FromHours(7)),
    };

    [Fact]
    public async Task Bulk_rows_read_back_as_ef_rows_do()
    {
        var rows = new[] { Row("79", 2023, 60.82m, "approx"), Row("79", 2024, 0.0001m), Row("01", 2024, 12345678901234.5678m) };
        await using (var db = app.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.Equal(3, await DataValueBulkWriter.WriteAsync(db, rows, CancellationToken.None));
            await tx.CommitAsync();
        }
        await using var read = app.CreateDbContext();
        var back = await read.DataValues.AsNoTracking().Where(v => v.Code == "recyclable_packaging_share" && v.Source == "Ghi hàng loạt – thử")
            .OrderBy(v => v.UnitCode).ThenBy(v => v.Year).ToListAsync();
        Assert.Equal(3, back.Count);
        foreach (var (expected, actual) in rows.OrderBy(r => r.UnitCode).ThenBy(r => r.Year).Zip(back))
        {
            Assert.True(actual.Id > 0);
            Assert.Equal((expected.UnitCode, expected.Period, expected.Year, expected.Value, expected.Qualifier, expected.SourceUrl, expected.Status, expected.Note, expected.Version, expected.IsCurrent),
                (actual.UnitCode, actual.Period, actual.Year, actual.Value, actual.Qualifier, actual.SourceUrl, actual.Status, actual.Note, actual.Version, actual.IsCurrent));
            Assert.Equal(expected.CreatedAt.UtcDateTime, actual.CreatedAt.UtcDateTime);
        }
        // Queries that compare and order values see numbers, not text.
        Assert.Equal(12345678901234.5678m, await read.DataValues.Where(v => v.Source == "Ghi hàng loạt – thử").MaxAsync(v => v.Value));
        Assert.Equal(1, await read.DataValues.CountAsync(v => v.Source == "Ghi hàng loạt – thử" && v.Value > 100m && v.Value < 1e15m));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_nothing()
    {
        await using (var db = app.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await DataValueBulkWriter.WriteAsync(db, [Row("48", 2020, 1m), Row("48", 2021, 2m)], CancellationToken.None);
            await tx.RollbackAsync();
        }
        await using var read = app.CreateDbContext();
        Assert.False(await read.DataValues.AnyAsync(v => v.UnitCode == "48" && v.Source == "Ghi hàng loạt – thử"));
    }
}
