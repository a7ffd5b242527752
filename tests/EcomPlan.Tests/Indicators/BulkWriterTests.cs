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

    /// <summary>Npgsql writes only UTC instants through EF (the bulk path converts them itself).</summary>
    private static DataValue ForEf(DataValue v)
    {
        v.CreatedAt = v.CreatedAt.ToUniversalTime();
        return v;
    }

    [Fact]
    public async Task A_second_current_value_for_the_same_indicator_unit_and_period_is_refused_by_the_database()
    {
        await using (var db = app.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await DataValueBulkWriter.WriteAsync(db, [Row("52", 2019, 1m)], CancellationToken.None);
            await tx.CommitAsync();
        }
        await using (var db = app.CreateDbContext())
        {
            // Through the bulk path and through EF alike: the unique index, not the importer's care, is the guarantee.
            await using (var tx = await db.Database.BeginTransactionAsync())
                await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => DataValueBulkWriter.WriteAsync(db, [Row("52", 2018, 3m), Row("52", 2019, 2m)], CancellationToken.None));
            db.DataValues.Add(ForEf(Row("52", 2019, 2m)));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using var read = app.CreateDbContext();
        var stored = await read.DataValues.Where(v => v.UnitCode == "52" && v.Source == "Ghi hàng loạt – thử").Select(v => new { v.Year, v.Value }).ToListAsync();
        Assert.Equal([(2019, 1m)], stored.Select(v => (v.Year, v.Value)));

        // A version that is no longer current does not count, and an illustration is not a real value.
        await using (var db = app.CreateDbContext())
        {
            var old = ForEf(Row("52", 2019, 0.5m));
            old.IsCurrent = false;
            var illustration = ForEf(Row("52", 2019, 7m));
            illustration.IsIllustrative = true;
            db.DataValues.AddRange(old, illustration);
            await db.SaveChangesAsync();
        }
    }
}
