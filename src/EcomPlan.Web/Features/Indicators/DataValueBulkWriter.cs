using System.Globalization;
using EcomPlan.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// Writes many values with the database's own bulk path instead of one tracked entity per row: binary COPY on
/// PostgreSQL, a prepared many-row INSERT bound by position in the caller's transaction on SQLite. Columns, table and value
/// conversions come from the EF model, so the rows read back exactly as EF would have written them. The caller owns
/// the transaction (all-or-nothing) and the audit: this writes rows, nothing else.
/// </summary>
public static class DataValueBulkWriter
{
    public static async Task<int> WriteAsync(EcomPlanDbContext db, IEnumerable<DataValue> rows, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(DataValue))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Every stored column but the generated key.
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey())
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetTypeMapping().Converter)).ToList();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            return connection is NpgsqlConnection npgsql
                ? await CopyAsync(npgsql, table.Name, columns, rows, ct)
                : await InsertAsync((SqliteConnection)connection, table.Name, columns, rows, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Column(IProperty Property, string Name, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
    {
        public object? Read(DataValue row)
        {
            var value = Property.PropertyInfo!.GetValue(row);
            return value is null ? null : Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<DataValue> rows, CancellationToken ct)
    {
        var types = columns.Select(c => TypeOf(c.Property.GetColumnType())).ToArray();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        var count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(sql, ct))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = columns[i].Read(row);
                    if (value is null) await importer.WriteNullAsync(ct);
                    else if (value is DateTimeOffset instant) await importer.WriteAsync(instant.ToUniversalTime(), types[i], ct);
                    else await importer.WriteAsync(value, types[i], ct);
                }
                count++;
            }
            await importer.CompleteAsync(ct);
        }
        return count;
    }

    private static NpgsqlDbType TypeOf(string columnType) => columnType switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "boolean" => NpgsqlDbType.Boolean,
        "text" => NpgsqlDbType.Text,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        var t when t.StartsWith("numeric", StringComparison.Ordinal) => NpgsqlDbType.Numeric,
        var t when t.StartsWith("character varying", StringComparison.Ordinal) => NpgsqlDbType.Varchar,
        var t => throw new NotSupportedException($"Kiểu cột '{t}' chưa được hỗ trợ khi ghi hàng loạt."),
    };

    /// <summary>Rows per INSERT on SQLite: one statement carries many rows, its parameters bound by position.</summary>
    private const int RowsPerInsert = 32;

    /// <summary>
    /// SQLite's own fast path: a prepared many-row INSERT bound by position through SQLite itself (binding by name costs a
    /// search per parameter and per row), stepped in the connection's open transaction.
    /// </summary>
    private static Task<int> InsertAsync(SqliteConnection connection, string table, List<Column> columns, IEnumerable<DataValue> rows, CancellationToken ct)
    {
        var db = connection.Handle!;
        sqlite3_stmt? full = null;
        try
        {
            full = Prepare(db, table, columns, RowsPerInsert);
            var count = 0;
            var batch = new List<DataValue>(RowsPerInsert);
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count < RowsPerInsert) continue;
                ct.ThrowIfCancellationRequested();
                count += Execute(db, full, columns, batch);
                batch.Clear();
            }
            if (batch.Count > 0)
            {
                using var rest = Prepare(db, table, columns, batch.Count);
                count += Execute(db, rest, columns, batch);
            }
            return Task.FromResult(count);
        }
        finally
        {
            full?.Dispose();
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string table, List<Column> columns, int rowCount)
    {
        var row = $"({string.Join(", ", columns.Select(_ => "?"))})";
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES {string.Join(", ", Enumerable.Repeat(row, rowCount))}";
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        return statement;
    }

    private static int Execute(sqlite3 db, sqlite3_stmt statement, List<Column> columns, List<DataValue> batch)
    {
        for (var r = 0; r < batch.Count; r++)
            for (var i = 0; i < columns.Count; i++)
                Bind(db, statement, r * columns.Count + i + 1, columns[i].Read(batch[r]));
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
        return batch.Count;
    }

    /// <summary>Values as Microsoft.Data.Sqlite (and so EF) store them: decimals as invariant text with a decimal point.</summary>
    private static void Bind(sqlite3 db, sqlite3_stmt statement, int index, object? value) =>
        SqliteException.ThrowExceptionForRC(value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            decimal number => raw.sqlite3_bind_text(statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            double number => raw.sqlite3_bind_double(statement, index, number),
            _ => throw new NotSupportedException($"Kiểu giá trị '{value.GetType().Name}' chưa được hỗ trợ khi ghi hàng loạt."),
        }, db);
}
