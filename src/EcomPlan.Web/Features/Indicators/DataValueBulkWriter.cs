using System.Data.Common;
using EcomPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// Writes many values with the database's own bulk path instead of one tracked entity per row: binary COPY on
/// PostgreSQL, a prepared many-row INSERT re-executed in the caller's transaction on SQLite. Columns, table and value
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
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return connection is NpgsqlConnection npgsql
                ? await CopyAsync(npgsql, table.Name, columns, rows, ct)
                : await InsertAsync(connection, transaction, table.Name, columns, rows, ct);
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

    /// <summary>Rows per INSERT on SQLite: one statement carries many rows (16 columns × 64 rows stays far below SQLite's 32,766 parameters).</summary>
    private const int RowsPerInsert = 64;

    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction? transaction, string table, List<Column> columns, IEnumerable<DataValue> rows, CancellationToken ct)
    {
        var full = await PrepareAsync(connection, transaction, table, columns, RowsPerInsert, ct);
        try
        {
            var count = 0;
            var batch = new List<DataValue>(RowsPerInsert);
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count < RowsPerInsert) continue;
                count += await ExecuteAsync(full, columns, batch, ct);
                batch.Clear();
            }
            if (batch.Count > 0)
            {
                await using var rest = await PrepareAsync(connection, transaction, table, columns, batch.Count, ct);
                count += await ExecuteAsync(rest, columns, batch, ct);
            }
            return count;
        }
        finally
        {
            await full.DisposeAsync();
        }
    }

    private static async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction? transaction, string table, List<Column> columns, int rowCount, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = Enumerable.Range(0, rowCount).Select(r => $"({string.Join(", ", columns.Select((_, i) => $"@p{r * columns.Count + i}"))})");
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES {string.Join(", ", values)}";
        for (var i = 0; i < rowCount * columns.Count; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            command.Parameters.Add(p);
        }
        await command.PrepareAsync(ct);
        return command;
    }

    private static async Task<int> ExecuteAsync(DbCommand command, List<Column> columns, List<DataValue> batch, CancellationToken ct)
    {
        for (var r = 0; r < batch.Count; r++)
            for (var i = 0; i < columns.Count; i++)
                command.Parameters[r * columns.Count + i].Value = columns[i].Read(batch[r]) ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(ct);
        return batch.Count;
    }
}
