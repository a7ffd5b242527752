using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

public static partial class ImportValues
{
    /// <summary>What was imported, as the audit names it: the file's name and SHA-256 (or, for rows posted as JSON, of their cells).</summary>
    public sealed record ImportSource(string FileName, string Sha256)
    {
        public const string Direct = "(nhập trực tiếp)";

        public static ImportSource Of(List<string[]> table)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var cell in table.SelectMany(r => r.Append("\n"))) sha.AppendData(Encoding.UTF8.GetBytes(cell + "\u001f"));
            return new(Direct, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
    }

    /// <summary>What is stored for a key, read untracked: the import needs only these to decide and to version.</summary>
    private sealed record Stored(long Id, string Code, string UnitCode, string Period, decimal Value, ValueStatus Status, int Version);

    /// <summary>
    /// Checks the valid rows against what is stored (an approved value is not overwritten; far-off values need
    /// confirming), then writes them in one transaction with the database's bulk path: earlier versions stop being
    /// current in one UPDATE per chunk, the new versions are copied in, and the import is one audit entry.
    /// </summary>
    private static async Task<Report> CheckAndWriteAsync(EcomPlanDbContext db, AccessScope scope, List<Row> rows, ValuePermissions permissions,
        HashSet<string> provinces, Dictionary<string, string> communes, bool confirmOutliers, TimeProvider clock, CancellationToken ct,
        ImportSource source, IProgress<(string Phase, int Done, int Total)>? progress, bool asDraft)
    {
        var codes = rows.Select(r => r.Code).Distinct().ToList();
        var units = rows.Select(r => r.Unit).Distinct().ToList();
        var current = await db.DataValues.AsNoTracking()
            .Where(v => v.IsCurrent && !v.IsIllustrative && codes.Contains(v.Code) && units.Contains(v.UnitCode))
            .Select(v => new Stored(v.Id, v.Code, v.UnitCode, v.Period, v.Value, v.Status, v.Version))
            .ToDictionaryAsync(v => (v.Code, v.UnitCode, v.Period), ct);
        // Peers: other units of the same level for the same indicator and period (at least five of them).
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        var peers = await db.DataValues.AsNoTracking()
            .Where(v => v.IsCurrent && v.Status == ValueStatus.Approved && !v.IsIllustrative && codes.Contains(v.Code) && periods.Contains(v.Period))
            .Select(v => new { v.Code, v.Period, v.UnitCode, v.Value }).ToListAsync(ct);
        var medians = peers.GroupBy(p => (p.Code, p.Period, Level(p.UnitCode))).Where(g => g.Count() >= 5)
            .ToDictionary(g => g.Key, g => Median(g.Select(p => p.Value)));
        peers = null;

        var errors = new List<Problem>();
        var warnings = new List<Problem>();
        var unchanged = 0;
        var toWrite = new List<(Row Row, Stored? Previous)>();
        foreach (var row in rows)
        {
            current.TryGetValue((row.Code, row.Unit, row.Period), out var existing);
            // The same value is unchanged, unless a draft is now being sent: that is a new version, submitted.
            if (existing is not null && existing.Value == row.Value && (existing.Status != ValueStatus.Draft || asDraft)) { unchanged++; continue; }
            if (existing is { Status: ValueStatus.Approved })
            {
                errors.Add(new Problem(row.Number, "gia_tri", $"Đã có giá trị đã duyệt {Show(existing.Value)} cho {row.Code}, {row.Unit}, kỳ {row.Period}. Cần mở lại giá trị đó trước khi sửa."));
                if (errors.Count >= 1000) { errors.Add(new Problem(row.Number, "", "Quá nhiều lỗi; dừng kiểm tra ở dòng này.")); break; }
                continue;
            }
            if (current.TryGetValue((row.Code, row.Unit, (row.Year - 1).ToString(CultureInfo.InvariantCulture)), out var previousYear)
                && Outlier(previousYear.Value, row.Value))
                warnings.Add(new Problem(row.Number, "gia_tri", $"Giá trị {Show(row.Value)} khác xa năm trước ({Show(previousYear.Value)}): hãy kiểm tra lại rồi xác nhận."));
            else if (medians.TryGetValue((row.Code, row.Period, Level(row.Unit)), out var median) && median > 0
                && (row.Value > median * 3 || row.Value < median / 3))
                warnings.Add(new Problem(row.Number, "gia_tri", $"Giá trị {Show(row.Value)} khác xa các đơn vị cùng cấp (trung vị {Show(median)}): hãy kiểm tra lại rồi xác nhận."));
            toWrite.Add((row, existing));
        }
        if (errors.Count > 0) return new(rows.Count, 0, unchanged, 0, 0, errors, warnings);
        if (warnings.Count > 0 && !confirmOutliers) return new(rows.Count, 0, unchanged, 0, 0, [], warnings);

        string? ProvinceOf(string unit) => unit == "VN" ? null : provinces.Contains(unit) ? unit : communes.GetValueOrDefault(unit);
        var statuses = toWrite.Select(w => asDraft ? ValueStatus.Draft
            : permissions.Approves(w.Row.Unit, ProvinceOf(w.Row.Unit)) ? ValueStatus.Approved : ValueStatus.Submitted).ToList();
        var approved = statuses.Count(s => s == ValueStatus.Approved);
        var drafts = statuses.Count(s => s == ValueStatus.Draft);
        var report = new Report(rows.Count, toWrite.Count, unchanged, approved, toWrite.Count - approved - drafts, [], warnings) { Drafts = drafts };
        if (toWrite.Count == 0) return report;

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Earlier versions stop being current first: the unique index allows one current value per key.
        foreach (var chunk in toWrite.Where(w => w.Previous is not null).Select(w => w.Previous!.Id).Chunk(10_000))
            await db.DataValues.Where(v => chunk.Contains(v.Id)).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsCurrent, false), ct);
        await DataValueBulkWriter.WriteAsync(db, NewVersions(), ct);
        // The values' own rows are their history (each version: who, when, value); the import is one audit entry.
        var fileProvinces = toWrite.Select(w => ProvinceOf(w.Row.Unit)).Distinct().Take(2).ToList();
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, UserId = scope.UserId, EntityType = "ValueImport", EntityId = source.Sha256[..16], Action = "Imported",
            UserName = db.AuditActor ?? await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? $"#{scope.UserId}",
            ProvinceCode = fileProvinces.Count == 1 ? fileProvinces[0] : null,
            NewValues = JsonSerializer.Serialize(new
            {
                File = source.FileName, source.Sha256, report.Rows, report.Written, report.Unchanged, report.Approved, report.Submitted, report.Drafts,
                Replaced = toWrite.Count(w => w.Previous is not null), Confirmed = warnings.Count,
                Indicators = codes.Count > 20 ? [.. codes.Take(20), "…"] : codes, Periods = periods.Order().ToList(),
            }, AuditJson),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return report;

        IEnumerable<DataValue> NewVersions()
        {
            for (var i = 0; i < toWrite.Count; i++)
            {
                if (i % 5000 == 0) progress?.Report(("Đang ghi", i, toWrite.Count));
                var (row, previous) = toWrite[i];
                yield return new DataValue
                {
                    Code = row.Code, UnitCode = row.Unit, Period = row.Period, Year = row.Year, Value = row.Value, Source = row.Source, Note = row.Note,
                    Status = statuses[i], EnteredBy = scope.UserId, Version = (previous?.Version ?? 0) + 1, IsCurrent = true, CreatedAt = now,
                };
            }
        }
    }

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
